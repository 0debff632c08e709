/// One section of the site navigation in `parzen.yml`: a heading and its notebooks, listed in
/// every page's sidebar in this order.
public struct NavigationSection: Sendable, Equatable {
    /// `section:`, the heading shown above the links.
    public var title: String
    /// `notebooks:`, paths relative to the project folder, each where it was written.
    public var notebooks: [LocatedText]

    public init(title: String, notebooks: [LocatedText]) {
        self.title = title
        self.notebooks = notebooks
    }

    /// The keys of a section, for did-you-mean.
    public static let knownKeys = ["section", "notebooks"]
}
