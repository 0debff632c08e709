/// A notebook as read from its text in one call: mis-encoded text repaired, front matter
/// split off and read, the body parsed into a Markdown tree whose blocks keep their
/// positions, and every directive fence in document order.
public struct Notebook: Sendable {
    /// The path as the user gave it (for messages, and to anchor the notebook's files).
    public var path: String
    /// The text as read (mis-encoding repaired, a lone "\r" read as a line end), which writers
    /// that keep the author's Markdown (the `.ipynb` writer) cut into prose; locations in the
    /// tree index its lines.
    public var text: String
    /// The line of ``text`` where the body starts, after the front matter.
    public var bodyFirstLine: Int
    public var frontMatter: FrontMatter
    public var document: MarkdownDocument
    /// Every directive fence, in document order, wherever it is nested.
    public var directiveFences: [DirectiveFence]
    /// Problems found while reading: encoding repairs, front matter, Markdown.
    public var diagnostics: [Diagnostic]

    /// Reads a notebook from its text; `defaults` (the project's) fill in front-matter keys the
    /// notebook does not write.
    public init(text: String, path: String, defaults: FrontMatterDefaults = .none) {
        let (repairedText, repairs) = MojibakeRepair.repair(LoneCarriageReturns.asLineFeeds(text))
        let repairDiagnostics = repairs.map {
            Diagnostic(.warning, file: path, at: SourceLocation(line: $0.line, column: $0.column),
                "repaired mis-encoded text '\($0.original)' as '\($0.repaired)' (UTF-8 that was read as Windows-1252)",
                       fix: "save the file as UTF-8 with the intended characters")
        }
        let (split, splitDiagnostics) = FrontMatterParser.split(repairedText, file: path)
        let (writtenFrontMatter, frontMatterDiagnostics) = FrontMatterParser.parse(split, file: path)
        // Before the body is parsed: a default `compat` changes how it is read.
        let frontMatter = defaults.applied(to: writtenFrontMatter)
        let document = MarkdownParser.parse(split.body, options: .init(
            file: path, lineOffset: split.bodyFirstLine - 1, kramdownMathEscapes: frontMatter.compatibility == .jekyll))
        self.path = path
        self.text = repairedText
        self.bodyFirstLine = split.bodyFirstLine
        self.frontMatter = frontMatter
        self.document = document
        self.directiveFences = document.directiveFences
        self.diagnostics = repairDiagnostics + splitDiagnostics + frontMatterDiagnostics + document.diagnostics
    }
}

extension MarkdownDocument {
    /// Every directive fence, in document order, wherever it is nested (lists, quotes, details,
    /// admonitions, captions).
    public var directiveFences: [DirectiveFence] {
        allBlocks.compactMap { if case .directive(let fence) = $0.kind { fence } else { nil } }
    }

    /// Every `{figure}` and `{table}`, in document order, wherever it is nested.
    public var floats: [MarkdownFloat] {
        allBlocks.compactMap { if case .float(let float) = $0.kind { float } else { nil } }
    }

    /// Every block, in document order (footnote definitions last), each before the blocks inside it.
    public var allBlocks: [MarkdownBlock] {
        var found: [MarkdownBlock] = []
        var stack: [ArraySlice<MarkdownBlock>] = [footnotes.flatMap(\.blocks)[...], blocks[...]]
        // An explicit stack: nesting depth is the author's, so no recursion on it.
        while var top = stack.popLast() {
            guard let block = top.popFirst() else { continue }
            stack.append(top)
            found.append(block)
            switch block.kind {
            case .blockQuote(let children), .details(_, let children): stack.append(children[...])
            case .admonition(let admonition): stack.append(admonition.blocks[...])
            case .float(let float): stack.append(float.caption[...])
            case .epigraph(let epigraph): stack.append(epigraph.blocks[...])
            case .list(let list): stack.append(list.items.flatMap(\.blocks)[...])
            default: break
            }
        }
        return found
    }
}
