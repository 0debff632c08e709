import Foundation
import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// The local images a page shows — each `{figure}`'s and each Markdown `![alt](pic.png)` —
/// read before it is written so that the page is self-contained (each image a `data:` URI)
/// and a missing or unreadable file is an error at the image in the notebook. Paths follow
/// the project's rules (``ProjectPaths``): relative to the notebook, inside the project unless
/// `--allow-outside` (never with `--safe`). A remote Markdown image stays a link, with a
/// warning from the HTML renderer that the page then needs the network.
public struct PageImages: Sendable {
    /// Above this size (1 MB) an embedded image gets a warning: it is in the page, and base64
    /// adds a third to it.
    static let warningBytes = 1_000_000

    /// Each image, by where its `{figure}` fence or its Markdown image (`!`) starts.
    let images: [SourceLocation: EmbeddedImage]
    /// Missing, outside, unrecognised or very large images, at the image in the notebook.
    public let diagnostics: [Diagnostic]

    /// No images: what a writer uses when it was given none.
    static let none = PageImages(images: [:], diagnostics: [])

    private init(images: [SourceLocation: EmbeddedImage], diagnostics: [Diagnostic]) {
        self.images = images
        self.diagnostics = diagnostics
    }

    /// Reads the image of every `{figure}` and every local Markdown image in `notebook`, placing
    /// mistakes at the paths as written in `source`, the notebook's text.
    init(notebook: Notebook, paths: ProjectPaths, source text: ProseSource) {
        var reader = Reader(file: notebook.path, paths: paths)
        for float in notebook.document.floats {
            guard case .image(let path, let at, _, _) = float.content else { continue }
            if Self.isRemote(path) {
                reader.error("{figure} '\(path)' is not a local file; the page would need the network to show it",
                             at: at, fix: "download the image next to the notebook and write its relative path")
                continue
            }
            reader.read(path, at: at, key: float.location)
        }
        for inline in notebook.document.allInlines {
            // Remote images are the HTML renderer's to report (and, with --safe, to refuse); a
            // script URL is never read.
            guard case .image(let source, _, _) = inline.kind, !Self.isRemote(source),
                  !URLSafety.runsScript(source), !source.isEmpty else { continue }
            // Mistakes point at the path where it is written that way, else at the image's `!`.
            let at = text.destination(source, ofLinkAt: inline.location) ?? inline.location
            reader.read(source.removingPercentEncoding ?? source, at: at, key: inline.location)
        }
        self.images = reader.images
        self.diagnostics = reader.diagnostics
    }

    /// Not a file of the project: a URL with a scheme, a `data:` URI or a protocol-relative URL.
    static func isRemote(_ path: String) -> Bool {
        path.contains("://") || path.hasPrefix("data:") || path.hasPrefix("//")
    }

    /// Reads images one at a time, collecting them and what went wrong.
    private struct Reader {
        let file: String
        let paths: ProjectPaths
        var images: [SourceLocation: EmbeddedImage] = [:]
        var diagnostics: [Diagnostic] = []

        mutating func error(_ message: String, at location: SourceLocation, fix: String) {
            diagnostics.append(Diagnostic(.error, file: file, at: location, message, fix: fix))
        }

        /// The image at `path` (as written, relative to the notebook) for the image at `key`.
        mutating func read(_ path: String, at at: SourceLocation, key: SourceLocation) {
            switch paths.resolve(path) {
            case .failure(.missing(let resolved)):
                error("image '\(path)' not found (looked for \(resolved))", at: at,
                      fix: "paths are relative to the notebook's folder; check the spelling")
            case .failure(.outsideProject(_, let root)):
                error("image '\(path)' leaves the project folder \(root)", at: at,
                      fix: "move the image into the project, or run with --allow-outside")
            case .success(let resolved):
                guard let bytes = FileManager.default.contents(atPath: resolved) else {
                    error("cannot read the image '\(path)'", at: at, fix: "check that it is a readable file")
                    return
                }
                guard let type = EmbeddedImage.MediaType(sniffing: bytes) else {
                    error("'\(path)' is not a PNG, JPEG, GIF, WebP or SVG image", at: at,
                          fix: "convert it to PNG (or SVG for line drawings)")
                    return
                }
                if bytes.count > PageImages.warningBytes {
                    diagnostics.append(Diagnostic(.warning, file: file, at: at,
                                                  "image '\(path)' adds \(bytes.count / 1000) kB to the page",
                                                  fix: "shrink it (e.g. to 1600 px wide) or save it as JPEG"))
                }
                images[key] = EmbeddedImage(type: type, bytes: bytes, path: resolved)
            }
        }
    }
}
