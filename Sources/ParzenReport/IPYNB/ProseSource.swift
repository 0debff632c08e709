import Foundation
import ParzenFormat

/// The author's Markdown as lines of Unicode scalars (the unit of `SourceLocation.column`),
/// edited in place where a reference or a value is resolved, then cut into the prose
/// between directive fences.
struct ProseSource {
    private var lines: [[Unicode.Scalar]]
    /// The first line of the body (after the front matter).
    private let firstLine: Int

    init(_ notebook: Notebook) {
        // Split by scalars: a Character split took ~4% of a warm render (grapheme breaking over
        // the whole notebook), and it never split at a CRLF ("\r\n" is one Character).
        lines = notebook.text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.filter { $0 != "\r" }
        }
        firstLine = notebook.bodyFirstLine
    }

    /// The text from `location` to the end of its line.
    func rest(at location: SourceLocation) -> String {
        guard lines.indices.contains(location.line - 1) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: lines[location.line - 1].dropFirst(location.column - 1))
        return String(out)
    }

    /// Where `written` stands after the `](` of the link or image starting at `location`: nil
    /// when it is not written that way on the line the link starts (a reference link, `<…>`,
    /// escapes, a line break in the link text).
    func destination(_ written: String, ofLinkAt location: SourceLocation) -> SourceLocation? {
        let rest = rest(at: location)
        guard let range = rest.range(of: "](" + written) else { return nil }
        let offset = rest.unicodeScalars.distance(from: rest.startIndex, to: range.lowerBound) + 2
        return SourceLocation(line: location.line, column: location.column + offset)
    }

    /// Replaces `length` scalars at `location`; edits on one line must come right to left.
    mutating func replace(at location: SourceLocation, length: Int, with replacement: String) {
        guard lines.indices.contains(location.line - 1) else { return }
        let start = location.column - 1
        guard start >= 0, start + length <= lines[location.line - 1].count else { return }
        lines[location.line - 1].replaceSubrange(start..<(start + length), with: Array(replacement.unicodeScalars))
    }

    /// The lines a fence takes, opening to closing: the body has one line per newline, and the
    /// closing fence follows it unless the fence ran to the end of the document unclosed.
    func lineRange(of fence: DirectiveFence) -> ClosedRange<Int> {
        let bodyLines = fence.body.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        let closing = fence.bodyStart.line + bodyLines
        guard lines.indices.contains(closing - 1) else {
            return fence.location.line...max(fence.location.line, lines.count)
        }
        let text = String(String.UnicodeScalarView(lines[closing - 1])).drop { $0 == " " || $0 == ">" }
        let closes = text.hasPrefix("```") || text.hasPrefix("~~~") || text.hasPrefix(":::")
        return fence.location.line...(closes ? closing : closing - 1)
    }

    /// The prose before, between and after `fences` (sorted by position): `fences.count + 1`
    /// pieces, blank lines at either end trimmed, empty when there is no prose.
    func prose(around fences: [DirectiveFence]) -> [String] {
        var pieces: [String] = []
        var next = firstLine
        for fence in fences {
            let range = lineRange(of: fence)
            pieces.append(text(lines: next..<range.lowerBound))
            next = max(next, range.upperBound + 1)
        }
        pieces.append(text(lines: next..<(lines.count + 1)))
        return pieces
    }

    /// Replaces the lines of `range` by `text`, keeping the line count (blank lines pad it), so
    /// the positions of everything after it still hold.
    mutating func replaceLines(_ range: ClosedRange<Int>, with text: String) {
        var replacement = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard range.lowerBound >= 1, range.upperBound <= lines.count, replacement.count <= range.count else { return }
        replacement += Array(repeating: [], count: range.count - replacement.count)
        lines.replaceSubrange((range.lowerBound - 1)...(range.upperBound - 1), with: replacement)
    }

    /// The lines of `range` (1-based), joined, with blank lines at either end trimmed.
    func text(lines range: Range<Int>) -> String {
        let slice = range.clamped(to: 1..<(lines.count + 1)).map { String(String.UnicodeScalarView(lines[$0 - 1])) }
        let isBlank = { (line: String) in line.allSatisfy { $0 == " " || $0 == "\t" } }
        return slice.drop(while: isBlank).reversed().drop(while: isBlank).reversed().joined(separator: "\n")
    }

    /// The MyST fence opening on `line` (`{margin}`, `{epigraph}`) as a Markdown quote, which
    /// Jupyter and GitHub show, instead of the code block they would make of the fence: its
    /// `:option:` lines dropped, its `title` (the text after `{name}`) in bold on the first
    /// line, and the dash of an `attribution` (the last paragraph's `-- `) as "—". A fence whose
    /// opening or closing line is not found as written (inside a list or a quote) is left as it is.
    mutating func quoteFence(at line: Int, title: Bool, attribution: Bool) {
        guard lines.indices.contains(line - 1) else { return }
        let opening = String(String.UnicodeScalarView(lines[line - 1]))
        let indent = opening.prefix { $0 == " " }
        guard let marker = opening.dropFirst(indent.count).first, "`~:".contains(marker) else { return }
        let fence = opening.dropFirst(indent.count).prefix { $0 == marker }
        guard fence.count >= 3, let close = opening.firstIndex(of: "}") else { return }
        var closing = line + 1
        while closing <= lines.count {
            let text = String(String.UnicodeScalarView(lines[closing - 1])).trimmingCharacters(in: .whitespaces)
            if text.count >= fence.count, text.allSatisfy({ $0 == marker }) { break }
            closing += 1
        }
        guard closing <= lines.count else { return }
        var body = (line + 1..<closing).map { String(String.UnicodeScalarView(lines[$0 - 1])) }
            .map { $0.hasPrefix(indent) ? String($0.dropFirst(indent.count)) : $0 }
        while let first = body.first, first.hasPrefix(":"), first.dropFirst().contains(":") { body.removeFirst() }
        if attribution, let start = body.lastIndex(where: { $0.hasPrefix("-- ") || $0.hasPrefix("--- ") }) {
            body[start] = "\u{2014} " + body[start].drop { $0 == "-" }.drop { $0 == " " }
        }
        var quoted: [String] = []
        let heading = opening[opening.index(after: close)...].trimmingCharacters(in: .whitespaces)
        if title, !heading.isEmpty { quoted += ["**" + heading + "**", ""] }
        quoted += body
        let text = quoted.map { indent + ($0.isEmpty ? ">" : "> " + $0) }.joined(separator: "\n")
        replaceLines(line...closing, with: text)
    }
}
