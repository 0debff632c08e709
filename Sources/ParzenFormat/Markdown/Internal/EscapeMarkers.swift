/// Keeps `\(`, `\)`, `\[` and `\]` recognisable through cmark-gfm's inline parser.
///
/// cmark handles backslash escapes before any extension sees the text, so `\(` would reach
/// the tree as a bare `(` and `\[…\]` math could not be told from escaped brackets. Before
/// parsing, every unescaped `\(`, `\)`, `\[`, `\]` is replaced by one reserved character from
/// the Supplemental Punctuation block (U+2E02…U+2E05, the substitution brackets). They are
/// punctuation for cmark's emphasis rules, like the backslash and bracket they stand for,
/// and nobody writes them in a notebook: when a body does contain one, the substitution is
/// skipped (and `\(…\)` / `\[…\]` math is not recognised in that body).
///
/// The math extension turns marker pairs into math; everything else gets its text back:
/// literal contexts (code, raw HTML, TeX) the two characters as written, contexts where cmark
/// resolved escapes (text, link destinations, titles, info strings) the bare punctuation.
enum EscapeMarkers {
    /// The marker's three UTF-8 bytes are `0xE2, 0xB8, last`.
    static let leadByte: UInt8 = 0xE2
    static let secondByte: UInt8 = 0xB8
    static let openParenthesis: UInt8 = 0x82
    static let closeParenthesis: UInt8 = 0x83
    static let openBracket: UInt8 = 0x84
    static let closeBracket: UInt8 = 0x85

    /// The body with markers substituted, and per body line the byte offsets (in the result)
    /// of the markers; `nil` when the body already contains a marker character.
    static func substitute(_ body: [UInt8]) -> (text: [UInt8], markerOffsets: [Int: [Int]])? {
        let count = body.count
        for index in body.indices where body[index] == leadByte && index + 2 < count
            && body[index + 1] == secondByte && (openParenthesis...closeBracket).contains(body[index + 2]) {
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(count + 16)
        var offsets: [Int: [Int]] = [:]
        var line = 0
        var lineStart = 0
        var index = 0
        while index < count {
            let byte = body[index]
            if byte == UInt8(ascii: "\n") {
                out.append(byte)
                line += 1
                lineStart = out.count
                index += 1
            } else if byte == UInt8(ascii: "<"), let end = autolinkEnd(body, from: index) {
                // A URI autolink keeps its backslashes literally (spec example 611).
                out.append(contentsOf: body[index..<end])
                index = end
            } else if byte == UInt8(ascii: "\\"), index + 1 < count {
                let next = body[index + 1]
                if let marker = marker(for: next) {
                    offsets[line, default: []].append(out.count - lineStart)
                    out.append(contentsOf: [leadByte, secondByte, marker])
                } else {
                    // An escaped character (`\\` included) is copied as a pair, so the
                    // `(` of `\\(` stays a plain parenthesis.
                    out.append(byte)
                    out.append(next)
                    if next == UInt8(ascii: "\n") { line += 1; lineStart = out.count }
                }
                index += 2
            } else {
                out.append(byte)
                index += 1
            }
        }
        return (out, offsets)
    }

    private static func marker(for byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "("): openParenthesis
        case UInt8(ascii: ")"): closeParenthesis
        case UInt8(ascii: "["): openBracket
        case UInt8(ascii: "]"): closeBracket
        default: nil
        }
    }

    /// The end (one past `>`) of a CommonMark URI autolink starting at `start`, if any:
    /// `<`, a scheme of 2–32 letters, digits, `+`, `.`, `-` starting with a letter, `:`, then
    /// no space, control character, `<` or `>` until `>`.
    private static func autolinkEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        guard index < bytes.count, isLetter(bytes[index]) else { return nil }
        let schemeStart = index
        while index < bytes.count, isLetter(bytes[index]) || isDigit(bytes[index])
                || bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: ".")
                || bytes[index] == UInt8(ascii: "-")
        {
            index += 1
        }
        guard (2...32).contains(index - schemeStart), index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            return nil
        }
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if byte <= 0x20 || byte == UInt8(ascii: "<") { return nil }
            index += 1
        }
        return nil
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// `text` with markers turned back into what the author wrote: `\(` etc. when
    /// `literal`, the bare punctuation where cmark resolved escapes.
    static func restore(_ text: String, literal: Bool) -> String {
        guard text.unicodeScalars.contains(where: { (0x2E02...0x2E05).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let bare: Unicode.Scalar? = switch scalar.value {
            case 0x2E02: "("
            case 0x2E03: ")"
            case 0x2E04: "["
            case 0x2E05: "]"
            default: nil
            }
            if let bare {
                if literal { out.append("\\") }
                out.append(bare)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
