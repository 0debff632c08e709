import ParzenFormat

/// What a page shows or points to outside its own text, read before it is written, once for
/// every writer: its images (``PageImages``) and its links to files of the project (``PageLinks``).
public struct PageResources: Sendable {
    public var images: PageImages
    public var links: PageLinks

    public init(images: PageImages, links: PageLinks) {
        self.images = images
        self.links = links
    }

    /// Nothing read: a `{figure}` shows its path as written, links are left as written.
    public static let none = PageResources(images: .none, links: .none)

    /// The problems found while reading them.
    public var diagnostics: [Diagnostic] { images.diagnostics + links.diagnostics }
}
