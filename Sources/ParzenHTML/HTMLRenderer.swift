import ParzenFormat
import ParzenMarkup

/// Renders a ``MarkdownDocument`` to HTML, byte for byte as cmark-gfm's own HTML renderer
/// does with raw HTML allowed (`CMARK_OPT_UNSAFE`), footnotes on and the tagfilter applied —
/// plus Parzen's nodes, each through a hook the report fills in (MathML, directive output,
/// computed values) or a plain default.
///
/// ```swift
/// var renderer = HTMLRenderer(options: .init(headingIDs: true))
/// renderer.inlineMath = { math in translate(math.tex, display: false) }
/// let output = renderer.render(document)
/// output.html        // the body
/// output.headings    // for the table of contents
/// ```
public struct HTMLRenderer {
    /// Choices that change the HTML.
    public struct Options: Sendable, Hashable {
        /// Give every heading an `id` (see ``HeadingEntry``); off by default, as in cmark-gfm.
        public var headingIDs: Bool
        /// Apply GFM's tagfilter to raw HTML (see ``TagFilter``); on by default. Turn it off
        /// only for HTML you trust to contain `<script>`, `<style>`, `<iframe>`….
        public var tagFilter: Bool
        /// Render someone else's notebook: raw HTML is rebuilt from an allow-list (see
        /// `HTMLSanitizer` in ParzenMarkup), links only to http(s), mailto and relative URLs,
        /// no remote images. Off by default: raw HTML then passes through (tag-filtered), and
        /// what it would run or fetch is reported as warnings. In both modes, Markdown links
        /// and images with script URLs (`javascript:`, `vbscript:`, `file:`, non-image `data:`)
        /// are written without the URL, as cmark-gfm's safe mode does.
        public var safe: Bool
        /// The notebook's path as the user named it, for diagnostics.
        public var file: String

        /// Options; the defaults match cmark-gfm (no ids, tagfilter on) with raw HTML kept.
        public init(headingIDs: Bool = false, tagFilter: Bool = true, safe: Bool = false, file: String = "<input>") {
            self.headingIDs = headingIDs
            self.tagFilter = tagFilter
            self.safe = safe
            self.file = file
        }
    }

    /// The rendered body and its headings.
    public struct Output: Sendable, Hashable {
        /// The body's HTML (no `<html>` or `<body>` around it).
        public var html: String
        /// Every heading in document order (also those inside quotes, lists and details).
        public var headings: [HeadingEntry]
        /// What was written differently from the source, or will run or load remotely in
        /// the reader's browser: script URLs dropped, remote resources, and in safe mode
        /// everything the allow-list removed — each at its position, in document order.
        public var diagnostics: [Diagnostic]
    }

    /// Choices that change the HTML.
    public var options: Options
    /// Markup for inline math (`$…$`, `\(…\)`, display math sharing its line with text).
    /// Default: `<span class="math-tex">TeX</span>` (`math-tex display` for display math).
    public var inlineMath: ((MathSpan) -> String)?
    /// Markup for a display math block. Default: `<div class="math-tex display">TeX</div>`.
    public var displayMath: ((MathSpan) -> String)?
    /// Markup for a directive fence. Default: its body as code in
    /// `<pre class="directive" data-directive="name">`.
    public var directive: ((DirectiveFence) -> String)?
    /// Markup for a role. Default: `<code class="role" data-role="name">content</code>`.
    public var role: ((MarkdownRole) -> String)?
    /// Markup for a prose reference. Default: a link to `#label`, in parentheses for `\eqref`.
    public var reference: ((MarkdownReference) -> String)?
    /// What a `{figure}` or `{table}` shows besides its caption: the element's `id`, the number
    /// its caption starts with ("Figure 2") and, for a figure, the `<img>`. Default: the
    /// `:name:` as id, no number, `<img src="path">` with the path as written.
    public var float: ((MarkdownFloat) -> FloatMarkup)?
    /// The URL a Markdown link points to instead of its destination (a sibling notebook's
    /// report), given the destination and the link's position; nil keeps it. Called only for
    /// destinations that pass the safety checks. Default: every destination as written.
    public var linkDestination: ((String, SourceLocation) -> String?)?
    /// The `src` of a Markdown image instead of its source (a local file as a `data:` URI),
    /// given the source and the image's position; nil keeps it. Called only for sources that
    /// pass the safety checks. Default: every source as written.
    public var imageSource: ((String, SourceLocation) -> String?)?
    /// What a `{bibliography}` block shows, given where it stands and the heading written last
    /// before it (a report puts its reference list there). Default: nothing.
    public var bibliography: ((SourceLocation, HeadingEntry?) -> BibliographyMarkup)?

    /// A renderer with default hooks; set the hook properties to replace them.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Renders `document`.
    public func render(_ document: MarkdownDocument) -> Output {
        var writer = HTMLWriter(renderer: self, footnotes: document.footnotes)
        writer.blocks(document.blocks, tight: false)
        writer.footnoteSection()
        return Output(html: writer.out, headings: writer.headings, diagnostics: writer.diagnostics)
    }

    /// The plain text of inlines, as cmark-gfm writes an image's alt text: formatting
    /// dropped, raw HTML as written, math as its TeX, breaks as spaces.
    public static func plainText(_ inlines: [MarkdownInline]) -> String {
        plainText(inlines, includingHTML: true)
    }

    /// `plainText`, optionally without raw HTML (a heading's text for the table of contents
    /// should not show the author's `<small>` tags).
    static func plainText(_ inlines: [MarkdownInline], includingHTML: Bool) -> String {
        var out = ""
        for inline in inlines {
            switch inline.kind {
            case .text(let text), .code(let text): out += text
            case .html(let html): if includingHTML { out += html }
            case .softBreak, .lineBreak: out += " "
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, _, let children), .image(_, _, let children):
                out += plainText(children, includingHTML: includingHTML)
            case .footnoteReference: break
            case .math(let math): out += math.tex
            case .role(let role): out += role.content
            case .reference(let reference): out += reference.label
            }
        }
        return out
    }
}
