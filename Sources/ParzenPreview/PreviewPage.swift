import Foundation

/// A page as the preview server sends it: the rendered HTML with the reload script and, when
/// the latest build failed, the error overlay, both placed just before `</body>`.
public struct PreviewPage: Sendable {
    /// The page's file name, e.g. `a-linear-model.html` or `index.html`.
    public var fileName: String
    public var html: String

    /// Decorates `renderedHTML` for the preview.
    public init(fileName: String, renderedHTML: String, overlay: ErrorOverlay?) {
        self.fileName = fileName
        let addition = (overlay?.html ?? "") + LiveReloadScript.element(forPage: fileName) + "\n"
        // The last `</body>`: an earlier one may be quoted inside the body (in code, escaped,
        // it would not match; raw HTML blocks could contain one).
        if let close = renderedHTML.range(of: "</body>", options: .backwards) {
            html = renderedHTML.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: addition)
        } else {
            html = renderedHTML + addition
        }
    }
}
