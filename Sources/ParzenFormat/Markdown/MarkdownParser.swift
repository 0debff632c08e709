import CCmarkGFM
import Foundation

/// Parses a notebook body with cmark-gfm (GFM tables, strikethrough, autolinks, tagfilter,
/// task lists and footnotes; raw HTML kept) into a ``MarkdownDocument``, finding math before
/// Markdown's inline rules can touch it.
///
/// ```swift
/// let document = MarkdownParser.parse(body, options: .init(file: "kde.md", lineOffset: 12))
/// ```
public enum MarkdownParser {
    /// How to read the body.
    public struct Options: Sendable, Hashable {
        /// The notebook's path as the user named it, for diagnostics.
        public var file: String
        /// Lines before the body (the front matter and its fences): line 1 of the body is
        /// line `lineOffset + 1` of the notebook.
        public var lineOffset: Int
        /// Resolve kramdown's backslash escapes inside `$…$` math, as Jekyll posts need:
        /// kramdown treats single-dollar math as ordinary text, so authors write `\\{` for
        /// `\{` and `\_` for `_`, and MathJax only sees the unescaped TeX. With this on,
        /// `\` followed by one of kramdown's escapable characters (`` \ . * _ + - ` ( ) [ ] { } # ! : | " ' $ = < > ``)
        /// becomes that character; TeX spacing such as `\,` is untouched. `$$…$$` math is
        /// left as is (kramdown does not process it either).
        public var kramdownMathEscapes: Bool
        /// Size caps; only ``InputLimits/tableColumns`` applies here.
        public var limits: InputLimits
        /// Columns before every line: an admonition body is parsed on its own, without the
        /// indentation of its fence.
        var columnOffset = 0
        /// How many admonitions enclose the text being parsed (capped by ``MySTBlockExpander``).
        var nesting = 0

        /// Options for a body in `file` that starts after `lineOffset` lines.
        public init(file: String = "<input>", lineOffset: Int = 0, kramdownMathEscapes: Bool = false,
                    limits: InputLimits = .current) {
            self.file = file
            self.lineOffset = lineOffset
            self.kramdownMathEscapes = kramdownMathEscapes
            self.limits = limits
        }
    }

    /// cmark-gfm's core extensions are registered in a process-wide table; registering is
    /// not thread-safe, so it happens exactly once.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark adds extension trigger characters to a process-wide table for the duration of
    /// each parse (and removes them after), so every cmark parse in the process — Parzen's
    /// and a test's reference parse alike — must hold this lock.
    static let lock = NSLock()

    /// The cmark options: raw HTML is kept (the renderer passes it through), footnotes on, and
    /// source positions: without them cmark does not count the lines inside a code span, and
    /// every inline after one over lines was placed on the line it started on.
    private static let cmarkOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS

    /// Parses `body` (the notebook after its front matter).
    public static func parse(_ body: String, options: Options = Options()) -> MarkdownDocument {
        // Outside the lock: admonition bodies are parsed with a parse of their own.
        var document = MySTBlockExpander(options: options).expand(parseWithCmark(body, options: options))
        document.diagnostics.sort { $0.location < $1.location }
        return document
    }

    private static func parseWithCmark(_ body: String, options: Options) -> MarkdownDocument {
        // cmark replaces NUL by U+FFFD (CommonMark §2.3): three bytes for one, which would shift
        // every byte column after it. Done here first, cmark's bytes and the source map's agree,
        // and columns (in scalars, one each) are unchanged.
        var original = Array(body.utf8)
        if original.contains(0) {
            original = original.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }
        }
        let substituted = EscapeMarkers.substitute(original)
        var unclosedFences: [ColonFences.Unclosed] = []
        var text = ColonFences.rewrite(substituted?.text ?? original, unclosed: &unclosedFences)
        let wideTables = TableWidthCap.apply(to: &text, cap: options.limits.tableColumns)
        let sourceMap = SourceMap(body: original, lineOffset: options.lineOffset, columnOffset: options.columnOffset,
                                  markerOffsets: substituted?.markerOffsets ?? [:])
        let collector = MathCollector()

        lock.lock()
        defer { lock.unlock() }
        _ = registered
        // Freed last: the parser's extension list points at it.
        let math = collector.makeExtension()
        defer { cmark_syntax_extension_free(cmark_get_default_mem_allocator(), math) }
        guard let parser = cmark_parser_new(cmarkOptions) else { return MarkdownDocument(blocks: []) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        cmark_parser_attach_syntax_extension(parser, math)
        text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        var builder = TreeBuilder(sourceMap: sourceMap, collector: collector, options: options)
        var document = builder.build(root)
        for table in wideTables {
            document.diagnostics.append(Diagnostic(
                .error, file: options.file, at: SourceLocation(line: options.lineOffset + table.line + 1, column: 1),
                "this table has \(table.columns) columns, more than the cap of \(options.limits.tableColumns); "
                    + "it is shown as text",
                fix: InputLimits.howToRaise("PARZEN_MAX_TABLE_COLUMNS")))
        }
        document.diagnostics += unclosedFenceDiagnostics(unclosedFences, options: options)
        if substituted == nil {
            document.diagnostics.append(Diagnostic(
                .warning, file: options.file, at: SourceLocation(line: options.lineOffset + 1, column: 1),
                    "the body contains one of U+2E02…U+2E05, which Parzen reserves; \\(…\\) and \\[…\\] math is not " +
                        "recognised",
                fix: "remove those characters or use $…$ and $$…$$"
            ))
        }
        return document
    }

    /// At most this many unclosed colon fences are reported one by one; the rest are counted.
    static let maximumUnclosedFenceReports = 10

    /// A warning at each `:::{name}` line that nothing closes (it is shown as text).
    private static func unclosedFenceDiagnostics(_ fences: [ColonFences.Unclosed],
                                                 options: Options) -> [Diagnostic] {
        var diagnostics = fences.prefix(maximumUnclosedFenceReports).map { fence in
            let colons = String(repeating: ":", count: fence.colons)
            return Diagnostic(.warning, file: options.file,
                              at: SourceLocation(line: options.lineOffset + fence.line + 1,
                                                 column: options.columnOffset + fence.column),
                              "this '\(colons){\(fence.name)}' fence is never closed, so it is shown as text",
                              fix: "end its body with a line of \(colons)")
        }
        if fences.count > maximumUnclosedFenceReports, let last = diagnostics.last {
            let more = fences.count - maximumUnclosedFenceReports
            diagnostics.append(Diagnostic(.note, file: options.file, at: last.location,
                                          "and \(more) more unclosed ':::' fences"))
        }
        return diagnostics
    }
}
