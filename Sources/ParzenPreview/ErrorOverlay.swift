import ParzenFormat
import ParzenMarkup

/// The box laid over a preview page whose latest build failed: every diagnostic of that build
/// as `file:line:column: severity: message` with its fix, escaped as HTML text. The page under
/// it is the last one that built without errors, so the author keeps reading while fixing.
///
/// Preview only: published pages show errors in place instead (red boxes in the report).
public struct ErrorOverlay: Sendable {
    /// The element's id, which the reload script and the tests look for.
    public static let elementID = "parzen-preview-errors"

    public var diagnostics: [Diagnostic]
    /// Whether the page under the overlay is older than the notebook (its last good build).
    public var showsLastGoodPage: Bool

    public init(diagnostics: [Diagnostic], showsLastGoodPage: Bool) {
        self.diagnostics = diagnostics
        self.showsLastGoodPage = showsLastGoodPage
    }

    /// The overlay as one `<div>`, with its own inline style so that a template without
    /// Parzen's style sheet still shows it.
    public var html: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let under = showsLastGoodPage ? "Below: the last version that built without errors."
            : "Below: this version, with the errors in place."
        let items = diagnostics.map { diagnostic in
            var item = "<li><code>" + Escaping.text(diagnostic.description) + "</code>"
            if let fix = diagnostic.fix, !diagnostic.description.contains(fix) {
                item += " — " + Escaping.text(fix)
            }
            return item + "</li>"
        }
        return """
            <div id="\(Self.elementID)" role="alert" style="position:fixed;inset:auto 1rem 1rem 1rem;\
            max-height:60vh;overflow:auto;z-index:2147483647;background:#fff5f5;color:#3b0000;\
            border:2px solid #c00;border-radius:6px;padding:0.75rem 1rem;font:14px/1.4 ui-monospace,monospace;\
            box-shadow:0 4px 16px rgba(0,0,0,.25)">\
            <button type="button" data-parzen-dismiss style="float:right" aria-label="Hide">×</button>\
            <strong>\(errors) error(s) in the latest build.</strong> \(under)
            <ul style="margin:0.5rem 0 0;padding-left:1.2rem">\(items.joined())</ul></div>
            """
    }
}
