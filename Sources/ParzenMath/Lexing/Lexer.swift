/// Splits TeX source into tokens the way TeX's eyes do in math mode: control words (`\alpha`,
/// spaces after them skipped), control symbols (`\{`, `\,`, `\\`), `%` comments, one token per
/// other character, and runs of white space folded into one space token.
///
/// Works on UTF-8 bytes; offsets are byte offsets into the source.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// Returns the next token; at the end of input, returns `.end` tokens forever.
    mutating func next() -> Token {
        while position < bytes.count {
            let start = position
            let byte = bytes[position]
            if byte == UInt8(ascii: "%") {
                while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
                position += 1
                continue
            }
            if Lexer.isSpace(byte) {
                while position < bytes.count && Lexer.isSpace(bytes[position]) { position += 1 }
                return Token(kind: .space, text: " ", offset: start)
            }
            if byte == UInt8(ascii: "\\") {
                return readControlSequence(from: start)
            }
            let length = Lexer.scalarLength(byte)
            let end = min(position + length, bytes.count)
            position = end
            return Token(kind: .character, text: String(decoding: bytes[start..<end], as: UTF8.self), offset: start)
        }
        return Token(kind: .end, text: "", offset: bytes.count)
    }

    /// `\verb`'s argument: the next character is the delimiter, the text runs to its next
    /// occurrence on the same line. Nil (nothing consumed) when there is no closing delimiter.
    mutating func readVerbatim() -> String? {
        guard position < bytes.count else { return nil }
        let delimiter = bytes[position]
        var end = position + 1
        while end < bytes.count, bytes[end] != delimiter, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        guard end < bytes.count, bytes[end] == delimiter, !Lexer.isLetter(delimiter), !Lexer.isSpace(delimiter) else {
            return nil
        }
        let text = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
        position = end + 1
        return text
    }

    /// Moves back to `offset` (only ever to the start of a token already read).
    mutating func rewind(to offset: Int) {
        position = offset
    }

    private mutating func readControlSequence(from start: Int) -> Token {
        position += 1
        guard position < bytes.count else {
            return Token(kind: .command, text: "\\", offset: start)
        }
        if Lexer.isLetter(bytes[position]) {
            while position < bytes.count && Lexer.isLetter(bytes[position]) { position += 1 }
            let name = String(decoding: bytes[start..<position], as: UTF8.self)
            // TeX skips the spaces after a control word; they never reach the parser.
            while position < bytes.count && Lexer.isSpace(bytes[position]) { position += 1 }
            return Token(kind: .command, text: name, offset: start)
        }
        let length = Lexer.scalarLength(bytes[position])
        let end = min(position + length, bytes.count)
        position = end
        var name = String(decoding: bytes[start..<end], as: UTF8.self)
        // A backslash before a line break is a control space, as in TeX.
        if name == "\\\n" || name == "\\\t" || name == "\\\r" { name = "\\ " }
        return Token(kind: .command, text: name, offset: start)
    }

    /// Whether `scalar` is a control character TeX refuses in a formula: C0 controls other
    /// than tab, line feed and carriage return, and DEL (LaTeX's category 15, "invalid").
    static func isInvalid(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Length of the UTF-8 sequence that starts with `byte` (1 for stray continuation bytes).
    private static func scalarLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
