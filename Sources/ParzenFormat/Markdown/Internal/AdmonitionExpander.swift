import ParzenMarkup

/// A tree → tree pass that turns MyST admonition and `{dropdown}` fences (which cmark sees as
/// code) into ``MarkdownBlock/Kind/admonition(_:)`` blocks: `:option:` lines at the top of
/// the body are read, the title and the rest of the body are parsed as Markdown with their
/// notebook positions, so math, roles and directive fences inside them work as anywhere else.
///
/// Each body is a parse of its own; ``maximumNesting`` admonitions inside one another cap the
/// recursion (deeper ones are errors, shown as code).
struct AdmonitionExpander {
    static let maximumNesting = 20

    let options: MarkdownParser.Options
    private var diagnostics: [Diagnostic] = []

    init(options: MarkdownParser.Options) {
        self.options = options
    }

    /// `document` with every admonition fence (at any depth) expanded; its diagnostics and
    /// those of the bodies together.
    func expand(_ document: MarkdownDocument) -> MarkdownDocument {
        var expander = self
        var document = document
        document.blocks = expander.blocks(document.blocks)
        document.footnotes = document.footnotes.map { footnote in
            var footnote = footnote
            footnote.blocks = expander.blocks(footnote.blocks)
            return footnote
        }
        document.diagnostics += expander.diagnostics
        return document
    }

    private mutating func blocks(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        blocks.map { block in
            var block = block
            switch block.kind {
            case .directive(let fence):
                if let kind = MarkdownAdmonition.Kind(rawValue: fence.name) { block.kind = admonition(kind, fence) }
            case .blockQuote(let children): block.kind = .blockQuote(self.blocks(children))
            case .details(let summary, let children): block.kind = .details(summary: summary, self.blocks(children))
            case .list(var list):
                list.items = list.items.map { item in
                    var item = item
                    item.blocks = self.blocks(item.blocks)
                    return item
                }
                block.kind = .list(list)
            // Admonitions were expanded by their own parse.
            case .paragraph, .heading, .thematicBreak, .codeBlock, .htmlBlock, .table, .displayMath, .admonition: break
            }
            return block
        }
    }

    private mutating func admonition(_ kind: MarkdownAdmonition.Kind, _ fence: DirectiveFence) -> MarkdownBlock.Kind {
        guard options.nesting < Self.maximumNesting else {
            diagnostics.append(Diagnostic(.error, file: options.file, at: fence.location,
                                          "admonitions nested more than \(Self.maximumNesting) deep; this {\(fence.name)} is shown as code",
                                          fix: "move it out of the admonitions around it"))
            return .codeBlock(info: "{\(fence.name)}", text: fence.body)
        }
        var lines = fence.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var consumed = 0
        var admonition = MarkdownAdmonition(kind: kind, title: [], blocks: [])
        while consumed < lines.count, let (key, value) = Self.option(lines[consumed]) {
            let at = SourceLocation(line: fence.bodyStart.line + consumed, column: fence.bodyStart.column)
            apply(key, value, to: &admonition, fence: fence, at: at)
            consumed += 1
        }
        lines.removeFirst(consumed)
        if let title = fence.label, let at = fence.labelLocation {
            admonition.title = self.title(title, at: at)
        } else if kind.defaultTitle == nil {
            diagnostics.append(Diagnostic(.error, file: options.file, at: fence.nameLocation, "{\(fence.name)} needs a title",
                                          fix: "write it after the name, e.g. ```{\(fence.name)} Why held-out data"))
        }
        var nested = options
        nested.lineOffset = fence.bodyStart.line - 1 + consumed
        nested.columnOffset = fence.bodyStart.column - 1
        nested.nesting += 1
        let body = MarkdownParser.parse(lines.joined(separator: "\n"), options: nested)
        diagnostics += body.diagnostics
        if !body.footnotes.isEmpty || fence.body.contains("[^") {
            diagnostics.append(Diagnostic(.warning, file: options.file, at: fence.location,
                                          "footnotes inside {\(fence.name)} are not linked to their definitions",
                                          fix: "put the footnote reference in the text before or after the {\(fence.name)}"))
        }
        admonition.blocks = body.blocks
        return .admonition(admonition)
    }

    /// A `:key: value` (or `:key:`) option line, as MyST writes directive options.
    private static func option(_ line: String) -> (key: String, value: String)? {
        let line = line.trimmedOfSpacesAndTabs
        guard line.hasPrefix(":"), let close = line.dropFirst().firstIndex(of: ":") else { return nil }
        let key = line[line.index(after: line.startIndex)..<close]
        guard DirectiveInfo.isName(key) else { return nil }
        return (String(key), line[line.index(after: close)...].trimmedOfSpacesAndTabs)
    }

    private mutating func apply(_ key: String, _ value: String, to admonition: inout MarkdownAdmonition,
                                fence: DirectiveFence, at: SourceLocation) {
        let known = admonition.kind.options
        guard known.contains(key) else {
            diagnostics.append(Diagnostic(.error, file: options.file, at: at, "unknown option ':\(key):' for {\(fence.name)}",
                                          fix: Suggestion.fix(for: key, among: known)))
            return
        }
        switch key {
        case "class":
            admonition.classes += value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        case "name":
            if value.isEmpty {
                diagnostics.append(Diagnostic(.error, file: options.file, at: at, "':name:' needs a value",
                                              fix: "write ':name: an-anchor'"))
            } else {
                admonition.name = value
            }
        default:  // open
            if !value.isEmpty {
                diagnostics.append(Diagnostic(.error, file: options.file, at: at, "':open:' takes no value, found '\(value)'",
                                              fix: "write ':open:' alone, or remove it to start closed"))
            }
            admonition.isOpen = true
        }
    }

    /// The title as inline Markdown at its notebook position; if it would parse as a block of
    /// another kind (`# …`, `1. …`), as plain text.
    private func title(_ text: String, at location: SourceLocation) -> [MarkdownInline] {
        var nested = options
        nested.lineOffset = location.line - 1
        nested.columnOffset = location.column - 1
        nested.nesting += 1
        let parsed = MarkdownParser.parse(text, options: nested)
        if parsed.blocks.count == 1, case .paragraph(let inlines) = parsed.blocks[0].kind { return inlines }
        return [MarkdownInline(.text(text), at: location)]
    }
}
