import Foundation
import ParzenCitations
import ParzenFormat

/// A tree → tree pass: finds the citations in a notebook's prose and puts a `{cite}` role
/// where each stands, so that the HTML writer formats them with the rest of the page.
///
/// It scans the Markdown tree, never rendered HTML. cmark splits text at `[` and `]` and
/// hands distill's `<d-cite …>` and `</d-cite>` over as separate raw-HTML pieces, so each run
/// of neighbouring text (and `d-cite` tags) is joined before ``Citation/find(in:)`` reads it;
/// the pieces between citations keep their kinds. cmark has already removed the backslash of
/// `\@`, so the notebook's own line tells whether an `@` was escaped. Code spans, links and
/// math are not scanned.
struct CitationRewriter {
    /// A citation found in the notebook, with notebook positions.
    struct Found {
        var citation: Citation
        /// Where the citation starts (the role's location, by which the writer finds it).
        var location: SourceLocation
        /// Where each item's key starts, in item order.
        var keyLocations: [SourceLocation]
    }

    /// The notebook's lines, as Unicode scalars (columns count scalars).
    private let lines: [[Unicode.Scalar]]
    /// Whether narrative `@key` is read as a citation (only when the page has a bibliography:
    /// without one, an `@` in prose is a handle or an address, not a citation).
    private let readsNarrative: Bool
    /// The citations in reading order (the body, then the footnotes).
    private(set) var found: [Found] = []

    init(notebookText: String, readsNarrative: Bool) {
        lines = notebookText.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        self.readsNarrative = readsNarrative
    }

    mutating func rewrite(_ document: MarkdownDocument) -> MarkdownDocument {
        var document = document
        document.blocks = blocks(document.blocks)
        document.footnotes = document.footnotes.map { footnote in
            var footnote = footnote
            footnote.blocks = blocks(footnote.blocks)
            return footnote
        }
        return document
    }

    private mutating func blocks(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        blocks.map { block in
            var block = block
            switch block.kind {
            case .paragraph(let inlines): block.kind = .paragraph(self.inlines(inlines))
            case .heading(let level, let inlines): block.kind = .heading(level: level, self.inlines(inlines))
            case .blockQuote(let children): block.kind = .blockQuote(self.blocks(children))
            case .details(let summary, let children):
                block.kind = .details(summary: inlines(summary), self.blocks(children))
            case .admonition(var admonition):
                admonition.title = inlines(admonition.title)
                admonition.blocks = self.blocks(admonition.blocks)
                block.kind = .admonition(admonition)
            case .list(let list): block.kind = .list(list.mappingItemBlocks { self.blocks($0) })
            case .table(let table): block.kind = .table(self.table(table))
            case .float(var float):
                float.caption = self.blocks(float.caption)
                if case .table(let table) = float.content { float.content = .table(self.table(table)) }
                block.kind = .float(float)
            case .epigraph(var epigraph):
                epigraph.blocks = self.blocks(epigraph.blocks)
                epigraph.attribution = inlines(epigraph.attribution)
                block.kind = .epigraph(epigraph)
            case .thematicBreak, .codeBlock, .htmlBlock, .displayMath, .directive, .bibliography: break
            }
            return block
        }
    }

    private mutating func table(_ table: MarkdownTable) -> MarkdownTable {
        var table = table
        table.header = table.header.map { inlines($0) }
        table.rows = table.rows.map { $0.map { inlines($0) } }
        return table
    }

    private mutating func inlines(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        var run: [MarkdownInline] = []
        // cmark gives nodes its extensions make (autolinks, and the text after them) no
        // position; such a node reads as the body's first line. Positions only grow along a
        // paragraph, so the last one seen is a floor the notebook's line is searched from.
        var floor = inlines.first?.location ?? SourceLocation(line: 1, column: 1)
        for var inline in inlines {
            if inline.location < floor { inline.location = floor } else { floor = inline.location }
            switch inline.kind {
            case .text:
                run.append(inline)
            case .html(let html) where html.hasPrefix("<d-cite") || html.hasPrefix("</d-cite"):
                run.append(inline)
            case .emphasis(let children):
                out += rewritten(run) + [MarkdownInline(.emphasis(self.inlines(children)), at: inline.location)]
                run = []
            case .strong(let children):
                out += rewritten(run) + [MarkdownInline(.strong(self.inlines(children)), at: inline.location)]
                run = []
            case .role(let role) where role.name == "cite":
                out += rewritten(run) + [mystCitation(role)]
                run = []
            default:
                out += rewritten(run) + [inline]
                run = []
            }
        }
        return out + rewritten(run)
    }

    /// One run of text and `d-cite` pieces with each citation replaced by a `{cite}` role.
    private mutating func rewritten(_ run: [MarkdownInline]) -> [MarkdownInline] {
        guard !run.isEmpty else { return [] }
        let pieces = run.map { inline -> String in
            switch inline.kind {
            case .text(let text), .html(let text): text
            default: ""
            }
        }
        let joined = pieces.joined()
        let citations = Citation.find(in: joined).filter { citation in
            guard citation.syntax == .pandoc, citation.form == .narrative else { return true }
            return readsNarrative && !isEscaped(citation.items[0].keyRange.lowerBound - 1, run, pieces)
        }
        guard !citations.isEmpty else { return run }
        var out: [MarkdownInline] = []
        var at = 0
        for citation in citations {
            out += slice(at..<citation.range.lowerBound, of: run, pieces)
            let location = position(of: citation.range.lowerBound, in: run, pieces).approximate
            let keyLocations = citation.items.map { item in
                let (approximate, line) = position(of: item.keyRange.lowerBound, in: run, pieces)
                return refined(approximate, needle: item.key, line: line)
            }
            found.append(Found(citation: citation, location: location, keyLocations: keyLocations))
            let written = String(decoding: Array(joined.utf8)[citation.range], as: UTF8.self)
            out.append(MarkdownInline(.role(MarkdownRole(name: "cite", content: written, location: location,
                            contentLocation: keyLocations.first ?? location)), at: location))
            at = citation.range.upperBound
        }
        return out + slice(at..<joined.utf8.count, of: run, pieces)
    }

    /// MyST's `` {cite}`a,b` ``: a parenthetical citation of the keys, as written by the author.
    private mutating func mystCitation(_ role: MarkdownRole) -> MarkdownInline {
        var offset = 0
        var items: [CitationItem] = []
        var keyLocations: [SourceLocation] = []
        for part in role.content.split(separator: ",", omittingEmptySubsequences: false) {
            let key = part.trimmingCharacters(in: .whitespaces)
            let lead = part.prefix { $0 == " " }.utf8.count
            items.append(CitationItem(key: key, keyRange: (offset + lead)..<(offset + lead + key.utf8.count)))
            keyLocations.append(SourceLocation(line: role.contentLocation.line,
                    column: role.contentLocation.column + role.content.utf8.prefix(offset + lead).count))
            offset += part.utf8.count + 1
        }
        let citation = Citation(form: .parenthetical, syntax: .pandoc, items: items, range: 0..<role.content.utf8.count)
        found.append(Found(citation: citation, location: role.location, keyLocations: keyLocations))
        return MarkdownInline(.role(role), at: role.location)
    }

    /// The run's pieces cut to `range` (UTF-8 offsets into the joined text), kinds kept.
    private func slice(_ range: Range<Int>, of run: [MarkdownInline], _ pieces: [String]) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        var start = 0
        for (inline, piece) in zip(run, pieces) {
            let bytes = Array(piece.utf8)
            let end = start + bytes.count
            let lower = max(range.lowerBound, start), upper = min(range.upperBound, end)
            if lower < upper {
                let text = String(decoding: bytes[(lower - start)..<(upper - start)], as: UTF8.self)
                let location = position(of: lower, in: run, pieces).approximate
                switch inline.kind {
                case .html: out.append(MarkdownInline(.html(text), at: location))
                default: out.append(MarkdownInline(.text(text), at: location))
                }
            }
            start = end
        }
        return out
    }

    /// The notebook position of a UTF-8 offset into the joined run, counted from the start of
    /// the piece that holds it (escapes and entities cmark resolved make it early, never late).
    private func position(
        of offset: Int, in run: [MarkdownInline], _ pieces: [String]
    ) -> (approximate: SourceLocation, line: Int) {
        var start = 0
        for (inline, piece) in zip(run, pieces) {
            let count = piece.utf8.count
            if offset < start + count || inline == run.last {
                let before = String(decoding: Array(piece.utf8).prefix(max(0, offset - start)), as: UTF8.self)
                let newlines = before.unicodeScalars.filter { $0 == "\n" }.count
                let column = newlines == 0 ? inline.location.column + before.unicodeScalars.count
                    : 1
                        + (before.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).last?.count
                            ?? 0)
                let location = SourceLocation(line: inline.location.line + newlines, column: column)
                return (location, location.line)
            }
            start += count
        }
        return (run.first?.location ?? SourceLocation(line: 1, column: 1), run.first?.location.line ?? 1)
    }

    /// The first place at or after `approximate` on its line where `needle` stands in the notebook.
    private func refined(_ approximate: SourceLocation, needle: String, line: Int) -> SourceLocation {
        guard line >= 1, line <= lines.count else { return approximate }
        let text = lines[line - 1], target = Array(needle.unicodeScalars)
        guard !target.isEmpty, text.count >= target.count else { return approximate }
        let first = max(0, approximate.column - 1)
        guard first <= text.count - target.count else { return approximate }
        for index in first...(text.count - target.count) where Array(text[index..<(index + target.count)]) == target {
            return SourceLocation(line: line, column: index + 1)
        }
        return approximate
    }

    /// Whether the `@` at `offset` of the joined run was written `\@` in the notebook.
    private func isEscaped(_ offset: Int, _ run: [MarkdownInline], _ pieces: [String]) -> Bool {
        let joined = Array(pieces.joined().utf8)
        let keyStart = offset + 1
        let keyEnd = joined[keyStart...].firstIndex { !Self.isKeyByte($0) } ?? joined.count
        let key = String(decoding: joined[keyStart..<keyEnd], as: UTF8.self)
        let (approximate, line) = position(of: offset, in: run, pieces)
        let at = refined(approximate, needle: "@" + key, line: line)
        guard line >= 1, line <= lines.count, at.column >= 2, at.column - 2 < lines[line - 1].count else {
            return false
        }
        return lines[line - 1][at.column - 2] == "\\"
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
}
