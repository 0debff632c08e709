import ParzenFormat
import ParzenRunner

/// What a page shows or points to outside its own text, read before it is written, once for
/// every writer: its images (``PageImages``) and its links to files of the project (``PageLinks``).
public struct PageResources: Sendable {
    public let images: PageImages
    public let links: PageLinks

    /// Reads the images and checks the links of `notebook`, whose report goes to `outputPath` in
    /// the output folder (nil: where ``RenderPlan`` would put it).
    public init(notebook: Notebook, paths: ProjectPaths, outputPath: String? = nil) {
        // One copy of the source for both, to place their mistakes at the paths as written.
        let source = ProseSource(notebook)
        images = PageImages(notebook: notebook, paths: paths, source: source)
        links = PageLinks(notebook: notebook, paths: paths, outputPath: outputPath, source: source)
    }

    /// Nothing read: a `{figure}` shows its path as written, links are left as written.
    public static let none = PageResources(images: .none, links: .none)

    private init(images: PageImages, links: PageLinks) {
        self.images = images
        self.links = links
    }

    /// The problems found while reading them.
    public var diagnostics: [Diagnostic] { images.diagnostics + links.diagnostics }
}
