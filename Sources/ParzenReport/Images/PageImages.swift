import Foundation
import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// The local images a page's `{figure}`s show, read before it is written so that the page is
/// self-contained (each image a `data:` URI) and a missing or unreadable file is an error at
/// the path in the notebook. Paths follow the project's rules (``ProjectPaths``): relative
/// to the notebook, inside the project unless `--allow-outside`.
public struct PageImages: Sendable {
    /// Above this size an embedded image gets a warning: it is in the page, base64 adds a third.
    static let warningBytes = 1_000_000

    /// Each figure's image, by where its fence starts.
    let images: [SourceLocation: EmbeddedImage]
    /// Missing, outside, unrecognised or very large images, at the path in the notebook.
    public let diagnostics: [Diagnostic]

    /// No images: what a writer uses when it was given none.
    static let none = PageImages(images: [:], diagnostics: [])

    private init(images: [SourceLocation: EmbeddedImage], diagnostics: [Diagnostic]) {
        self.images = images
        self.diagnostics = diagnostics
    }

    /// Reads the image of every `{figure}` in `notebook`.
    public init(notebook: Notebook, paths: ProjectPaths) {
        var images: [SourceLocation: EmbeddedImage] = [:]
        var diagnostics: [Diagnostic] = []
        let file = notebook.path
        for float in notebook.document.floats {
            guard case .image(let path, let at, _, _) = float.content else { continue }
            func error(_ message: String, fix: String) {
                diagnostics.append(Diagnostic(.error, file: file, at: at, message, fix: fix))
            }
            if path.contains("://") || path.hasPrefix("data:") || path.hasPrefix("//") {
                error("{figure} '\(path)' is not a local file; the page would need the network to show it",
                      fix: "download the image next to the notebook and write its relative path")
                continue
            }
            switch paths.resolve(path) {
            case .failure(.missing(let resolved)):
                error("image '\(path)' not found (looked for \(resolved))",
                      fix: "paths are relative to the notebook's folder; check the spelling")
            case .failure(.outsideProject(_, let root)):
                error("image '\(path)' leaves the project folder \(root)",
                      fix: "move the image into the project, or run with --allow-outside")
            case .success(let resolved):
                guard let bytes = FileManager.default.contents(atPath: resolved) else {
                    error("cannot read the image '\(path)'", fix: "check that it is a readable file")
                    continue
                }
                guard let type = EmbeddedImage.MediaType(sniffing: bytes) else {
                    error("'\(path)' is not a PNG, JPEG, GIF, WebP or SVG image",
                          fix: "convert it to PNG (or SVG for line drawings)")
                    continue
                }
                if bytes.count > Self.warningBytes {
                    diagnostics.append(Diagnostic(.warning, file: file, at: at,
                                                  "image '\(path)' adds \(bytes.count / 1000) kB to the page",
                                                  fix: "shrink it (e.g. to 1600 px wide) or save it as JPEG"))
                }
                images[float.location] = EmbeddedImage(type: type, bytes: bytes, path: resolved)
            }
        }
        self.images = images
        self.diagnostics = diagnostics
    }
}
