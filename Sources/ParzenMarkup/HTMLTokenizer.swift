/// Splits a fragment of raw HTML into text, tags and other markup, closely enough to the
/// HTML standard's tokenizer that every tag a browser would see is seen here.
///
/// The sanitizer never writes the author's bytes of a tag back: it writes tags it built
/// from the names and values read here, and text with every `<` escaped. A fragment read
/// differently from a browser can therefore lose or mangle markup, never smuggle it through.
struct HTMLTokenizer {
    struct Attribute {
        /// Lower-cased, as HTML compares attribute names.
        var name: String
        /// Decoded (see ``CharacterReference``); nil for a bare attribute (`<details open>`).
        var value: String?
        /// Byte offset of the attribute's name in the fragment.
        var offset: Int
    }

    enum Token {
        case text(Range<Int>)
        /// `<name …>`; the name lower-cased.
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool, range: Range<Int>)
        case endTag(name: String, range: Range<Int>)
        /// A comment, doctype, processing instruction or CDATA section, or a tag cut off by
        /// the end of the fragment.
        case other(Range<Int>)
    }

    private let bytes: [UInt8]

    init(_ html: String) { bytes = Array(html.utf8) }

    /// The text of a byte range.
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    func tokens() -> [Token] {
        var tokens: [Token] = []
        var textStart = 0
        var index = 0
        func flushText(upTo end: Int) {
            if end > textStart { tokens.append(.text(textStart..<end)) }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else { index += 1; continue }
            let next = bytes[index + 1]
            let token: Token
            if Self.isLetter(next) {
                token = startTag(at: index)
            } else if next == UInt8(ascii: "/"), index + 2 < bytes.count, Self.isLetter(bytes[index + 2]) {
                token = endTag(at: index)
            } else if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
                token = markup(at: index)
            } else {
                index += 1
                continue
            }
            flushText(upTo: index)
            tokens.append(token)
            switch token {
            case .startTag(_, _, _, let range), .endTag(_, let range), .other(let range), .text(let range):
                index = range.upperBound
            }
            textStart = index
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    /// A comment runs to `-->`; anything else starting `<!`, `<?` or `</` to the next `>`.
    private func markup(at start: Int) -> Token {
        if bytes[start...].starts(with: "<!--".utf8) {
            // `<!-->` and `<!--->` are complete (empty) comments to a browser.
            if bytes[(start + 4)...].starts(with: ">".utf8) { return .other(start..<(start + 5)) }
            if bytes[(start + 4)...].starts(with: "->".utf8) { return .other(start..<(start + 6)) }
            var index = start + 4
            while index + 2 < bytes.count {
                if bytes[index..<(index + 3)].elementsEqual("-->".utf8) {
                    return .other(start..<(index + 3))
                }
                index += 1
            }
            return .other(start..<bytes.count)
        }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
        return .other(start..<end)
    }

    private func name(from start: Int) -> (String, Int) {
        var index = start
        while index < bytes.count, !Self.isSpace(bytes[index]), !"/>".utf8.contains(bytes[index]) { index += 1 }
        return (text(start..<index).lowercased(), index)
    }

    private func endTag(at start: Int) -> Token {
        let (name, after) = name(from: start + 2)
        guard let close = bytes[after...].firstIndex(of: UInt8(ascii: ">")) else { return .other(start..<bytes.count) }
        return .endTag(name: name, range: start..<(close + 1))
    }

    private func startTag(at start: Int) -> Token {
        var (name, index) = name(from: start + 1)
        var attributes: [Attribute] = []
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) { index += 1; continue }
            if byte == UInt8(ascii: ">") {
                return .startTag(
                    name: name, attributes: attributes, selfClosing: selfClosing, range: start..<(index + 1))
            }
            if byte == UInt8(ascii: "/") { selfClosing = true; index += 1; continue }
            selfClosing = false
            // An attribute name (its first character may be `=`, as the standard says).
            let nameStart = index
            index += 1
            while index < bytes.count, !Self.isSpace(bytes[index]), !"/>=".utf8.contains(bytes[index]) { index += 1 }
            let attributeName = text(nameStart..<index).lowercased()
            var cursor = index
            while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
            var value: String?
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                    let quote = bytes[cursor]
                    guard let close = bytes[(cursor + 1)...].firstIndex(of: quote) else {
                        return .other(start..<bytes.count)
                    }
                    value = text((cursor + 1)..<close)
                    index = close + 1
                } else {
                    let valueStart = cursor
                    while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") {
                        cursor += 1
                    }
                    value = text(valueStart..<cursor)
                    index = cursor
                }
            }
            let decoded = value.map(CharacterReference.decode)
            attributes.append(Attribute(name: attributeName, value: decoded, offset: nameStart))
        }
        return .other(start..<bytes.count)
    }
}
