/// Finds the math span that starts at a given byte of a paragraph's inline text, with
/// pandoc's rules (its Markdown reader's `tex_math_dollars` and single-backslash math):
///
/// - `$$…$$` is display math; it may span lines and contain single `$`.
/// - `$…$` is inline math only if the opening `$` has a non-space right after it, the closing
///   `$` a non-space right before it and no digit right after it — so `$5` and
///   `costs $3 and $4` stay text. Whitespace followed by `$` ends the attempt, as in pandoc.
/// - `\(…\)` and `\[…\]` (seen as ``EscapeMarkers``) are inline and display math.
/// - Inside math a backslash protects the next character (`\$` does not close), and
///   `\text{…}` may contain `$` in balanced braces.
///
/// The scanner reads through a closure so it runs directly on cmark's inline buffer. One
/// scanner serves one buffer (a paragraph, heading or table cell) and remembers what it
/// learnt, so that all the attempts in a buffer cost O(n) together: 80,000 unclosed `\(` or
/// `$\text{` each rescanned the rest of the paragraph before (~30 s). Two memos make that so:
///
/// - where each `{` closes, from one left-to-right pass (backslash pairs are a property of
///   the position, so the pass agrees with a scan starting after any unescaped `{`);
/// - which bytes lead to the end of the buffer without a closer, per kind of delimiter. A
///   scan's next step depends only on the byte it is at, so once a byte is known to lead to
///   the end, any later attempt that reaches it fails at once.
struct MathScanner {
    /// A math span: its delimiter, the content's byte range and the byte after the closer.
    struct Match: Equatable {
        var delimiter: MathSpan.Delimiter
        var content: Range<Int>
        var end: Int
    }

    /// The kinds of scan, each with its own memo of bytes that lead to the end.
    private enum Scan: Int, CaseIterable {
        case display, inlineDollar, parenthesis, bracket
    }

    /// `byte(i)` returns 0 past the end (cmark replaces NUL bytes, so 0 never occurs inside).
    private let byte: (Int) -> UInt8
    private let length: Int
    /// For each byte offset holding an unescaped `{`: the offset of its `}`, or -1 if none.
    private var closingBraces: [Int32]?
    /// Per ``Scan``: bytes from which that scan is known to run to the end without a closer.
    private var leadsToEnd: [[Bool]]

    /// A scanner over a buffer of `length` bytes read through `byte`.
    init(length: Int, byte: @escaping (Int) -> UInt8) {
        self.byte = byte
        self.length = length
        leadsToEnd = Array(repeating: [], count: Scan.allCases.count)
    }

    /// The math span starting at `start`, or `nil` when the byte there does not open one.
    mutating func match(at start: Int) -> Match? {
        let dollar = UInt8(ascii: "$")
        switch byte(start) {
        case dollar where byte(start + 1) == dollar:
            return display(from: start + 2)
        case dollar:
            return inlineDollar(from: start + 1)
        case EscapeMarkers.leadByte where byte(start + 1) == EscapeMarkers.secondByte:
            switch byte(start + 2) {
            case EscapeMarkers.openParenthesis:
                return marked(from: start + 3, closer: EscapeMarkers.closeParenthesis, delimiter: .parenthesis,
                              scan: .parenthesis)
            case EscapeMarkers.openBracket:
                return marked(from: start + 3, closer: EscapeMarkers.closeBracket, delimiter: .bracket, scan: .bracket)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// Whether `index` is known to lead `scan` to the end; the path so far is remembered.
    private func knownToFail(_ index: Int, _ scan: Scan) -> Bool {
        let memo = leadsToEnd[scan.rawValue]
        return index < memo.count && memo[index]
    }

    /// Records that every byte on `path` leads `scan` to the end.
    private mutating func failed(_ path: [Int], _ scan: Scan) {
        if leadsToEnd[scan.rawValue].isEmpty { leadsToEnd[scan.rawValue] = Array(repeating: false, count: length + 1) }
        for index in path where index <= length { leadsToEnd[scan.rawValue][index] = true }
    }

    private mutating func display(from contentStart: Int) -> Match? {
        var index = contentStart
        var path: [Int] = []
        while true {
            if knownToFail(index, .display) { failed(path, .display); return nil }
            path.append(index)
            switch byte(index) {
            case 0:
                failed(path, .display)
                return nil
            case UInt8(ascii: "\\"):
                index = skipEscape(at: index)
            case UInt8(ascii: "$") where byte(index + 1) == UInt8(ascii: "$"):
                guard index > contentStart else { return nil }
                return Match(delimiter: .doubleDollar, content: contentStart..<index, end: index + 2)
            default:
                index += 1
            }
        }
    }

    private mutating func inlineDollar(from contentStart: Int) -> Match? {
        guard !Self.isSpace(byte(contentStart)), byte(contentStart) != 0 else { return nil }
        var index = contentStart
        var path: [Int] = []
        while true {
            if knownToFail(index, .inlineDollar) { failed(path, .inlineDollar); return nil }
            path.append(index)
            let current = byte(index)
            switch current {
            case 0:
                failed(path, .inlineDollar)
                return nil
            case UInt8(ascii: "\\"):
                index = skipEscape(at: index)
            case UInt8(ascii: "$"):
                let after = byte(index + 1)
                guard !(after >= UInt8(ascii: "0") && after <= UInt8(ascii: "9")) else { return nil }
                return Match(delimiter: .dollar, content: contentStart..<index, end: index + 1)
            case _ where Self.isSpace(current):
                var next = index
                while Self.isSpace(byte(next)) { next += 1 }
                // pandoc: a run of white space followed by `$` ends the attempt.
                if byte(next) == UInt8(ascii: "$") { return nil }
                index = next
            default:
                index += 1
            }
        }
    }

    private mutating func marked(from contentStart: Int, closer: UInt8, delimiter: MathSpan.Delimiter,
                                 scan: Scan) -> Match? {
        var index = contentStart
        var path: [Int] = []
        while true {
            if knownToFail(index, scan) { failed(path, scan); return nil }
            path.append(index)
            switch byte(index) {
            case 0:
                failed(path, scan)
                return nil
            case EscapeMarkers.leadByte where byte(index + 1) == EscapeMarkers.secondByte && byte(index + 2) == closer:
                guard index > contentStart else { return nil }
                return Match(delimiter: delimiter, content: contentStart..<index, end: index + 3)
            case UInt8(ascii: "\\"):
                index = skipEscape(at: index)
            default:
                index += 1
            }
        }
    }

    private static let textCommand: [UInt8] = Array("text{".utf8)

    /// The index after the escape at `index` (a backslash): `\text{…}` with balanced braces
    /// is skipped whole, any other backslash protects the character after it.
    private mutating func skipEscape(at index: Int) -> Int {
        if Self.textCommand.indices.allSatisfy({ byte(index + 1 + $0) == Self.textCommand[$0] }) {
            let brace = index + Self.textCommand.count
            if closingBraces == nil { closingBraces = matchBraces() }
            let close = brace < length ? Int(closingBraces![brace]) : -1
            return close < 0 ? index + 2 : close + 1
        }
        return byte(index + 1) == 0 ? index + 1 : index + 2
    }

    /// One pass over the buffer: each unescaped `{` paired with its `}` (a backslash protects
    /// the byte after it, so `\{` and `\}` do not count).
    private func matchBraces() -> [Int32] {
        var closing = [Int32](repeating: -1, count: length)
        var open: [Int] = []
        var index = 0
        while index < length {
            switch byte(index) {
            case UInt8(ascii: "\\") where index + 1 < length: index += 1
            case UInt8(ascii: "{"): open.append(index)
            case UInt8(ascii: "}"): if let start = open.popLast() { closing[start] = Int32(index) }
            default: break
            }
            index += 1
        }
        return closing
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}
