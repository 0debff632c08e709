import ParzenFormat

extension MarkdownDocument {
    /// Every inline of the prose in document order, each before the inlines inside
    /// it: paragraphs, headings, table cells, titles of admonitions and `{% details %}`,
    /// attributions, captions and footnotes — what a pass over its links and images reads.
    var allInlines: [MarkdownInline] {
        var roots: [MarkdownInline] = []
        for block in allBlocks {
            switch block.kind {
            case .paragraph(let inlines), .heading(_, let inlines), .details(let inlines, _): roots += inlines
            case .table(let table): roots += Self.cells(table)
            case .float(let float):
                if case .table(let table) = float.content {
                    roots += Self.cells(table)
                }
            case .admonition(let admonition): roots += admonition.title
            case .epigraph(let epigraph): roots += epigraph.attribution
            case .thematicBreak, .blockQuote, .list, .codeBlock, .htmlBlock, .displayMath, .directive, .bibliography:
                break
            }
        }
        var found: [MarkdownInline] = []
        // An explicit stack, as for blocks: the nesting is the author's.
        var stack: [ArraySlice<MarkdownInline>] = [roots[...]]
        while var top = stack.popLast() {
            guard let inline = top.popFirst() else { continue }
            stack.append(top)
            found.append(inline)
            switch inline.kind {
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, _, let children), .image(_, _, let children):
                stack.append(children[...])
            default: break
            }
        }
        return found
    }

    private static func cells(_ table: MarkdownTable) -> [MarkdownInline] {
        ([table.header] + table.rows).flatMap { $0.flatMap { $0 } }
    }
}
