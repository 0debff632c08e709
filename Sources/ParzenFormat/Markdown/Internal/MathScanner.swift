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
/// The scanner reads through a closure so it runs directly on cmark's inline buffer.
enum MathScanner {
    /// A math span: its delimiter, the content's byte range and the byte after the closer.
    struct Match: Equatable {
        var delimiter: MathSpan.Delimiter
        var content: Range<Int>
        var end: Int
    }

    /// The math span starting at `start`, or `nil` when the byte there does not open one;
    /// `byte(i)` returns 0 past the end (cmark replaces NUL bytes, so 0 never occurs inside).
    static func match(at start: Int, byte: (Int) -> UInt8) -> Match? {
        let dollar = UInt8(ascii: "$")
        switch byte(start) {
        case dollar where byte(start + 1) == dollar:
            return display(from: start + 2, byte: byte)
        case dollar:
            return inlineDollar(from: start + 1, byte: byte)
        case EscapeMarkers.leadByte where byte(start + 1) == EscapeMarkers.secondByte:
            switch byte(start + 2) {
            case EscapeMarkers.openParenthesis:
                return marked(from: start + 3, closer: EscapeMarkers.closeParenthesis, delimiter: .parenthesis, byte: byte)
            case EscapeMarkers.openBracket:
                return marked(from: start + 3, closer: EscapeMarkers.closeBracket, delimiter: .bracket, byte: byte)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    private static func display(from contentStart: Int, byte: (Int) -> UInt8) -> Match? {
        var index = contentStart
        while true {
            switch byte(index) {
            case 0:
                return nil
            case UInt8(ascii: "\\"):
                index = skipEscape(at: index, byte: byte)
            case UInt8(ascii: "$") where byte(index + 1) == UInt8(ascii: "$"):
                guard index > contentStart else { return nil }
                return Match(delimiter: .doubleDollar, content: contentStart..<index, end: index + 2)
            default:
                index += 1
            }
        }
    }

    private static func inlineDollar(from contentStart: Int, byte: (Int) -> UInt8) -> Match? {
        guard !isSpace(byte(contentStart)), byte(contentStart) != 0 else { return nil }
        var index = contentStart
        while true {
            let current = byte(index)
            switch current {
            case 0:
                return nil
            case UInt8(ascii: "\\"):
                index = skipEscape(at: index, byte: byte)
            case UInt8(ascii: "$"):
                let after = byte(index + 1)
                guard !(after >= UInt8(ascii: "0") && after <= UInt8(ascii: "9")) else { return nil }
                return Match(delimiter: .dollar, content: contentStart..<index, end: index + 1)
            case _ where isSpace(current):
                var next = index
                while isSpace(byte(next)) { next += 1 }
                // pandoc: a run of white space followed by `$` ends the attempt.
                if byte(next) == UInt8(ascii: "$") { return nil }
                index = next
            default:
                index += 1
            }
        }
    }

    private static func marked(from contentStart: Int, closer: UInt8, delimiter: MathSpan.Delimiter, byte: (Int) -> UInt8) -> Match? {
        var index = contentStart
        while true {
            switch byte(index) {
            case 0:
                return nil
            case EscapeMarkers.leadByte where byte(index + 1) == EscapeMarkers.secondByte && byte(index + 2) == closer:
                guard index > contentStart else { return nil }
                return Match(delimiter: delimiter, content: contentStart..<index, end: index + 3)
            case UInt8(ascii: "\\"):
                index = skipEscape(at: index, byte: byte)
            default:
                index += 1
            }
        }
    }

    /// The index after the escape at `index` (a backslash): `\text{…}` with balanced braces
    /// is skipped whole, any other backslash protects the character after it.
    private static func skipEscape(at index: Int, byte: (Int) -> UInt8) -> Int {
        let text: [UInt8] = Array("text{".utf8)
        if text.indices.allSatisfy({ byte(index + 1 + $0) == text[$0] }) {
            var depth = 1
            var cursor = index + 1 + text.count
            while depth > 0 {
                switch byte(cursor) {
                case 0: return index + 2
                case UInt8(ascii: "\\") where byte(cursor + 1) != 0: cursor += 1
                case UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "}"): depth -= 1
                default: break
                }
                cursor += 1
            }
            return cursor
        }
        return byte(index + 1) == 0 ? index + 1 : index + 2
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
