/// Finds citations in a string, working on its UTF-8 bytes (every delimiter is ASCII; bytes
/// of other characters count as letters, so keys may hold any Unicode letter).
///
/// Keys follow pandoc: they start with a letter, digit or `_` and may contain letters, digits,
/// `_` and internal `:.#$%&-+?<>~/` (trailing punctuation ends the sentence, not the key), or
/// are written in braces, `@{key with anything}`.
struct CitationScanner {
    /// No citation is longer than this; longer brackets are not read as one, which keeps
    /// deeply nested or unclosed brackets linear.
    static let maximumLength = 1024

    private let bytes: [UInt8]
    /// For each `[`, the offset of its matching `]` (found in one pass with a stack).
    private let closingBracket: [Int: Int]
    private var index = 0
    private var citations: [Citation] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
        var open: [Int] = []
        var matches: [Int: Int] = [:]
        var at = 0
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "\\"): at += 1
            case UInt8(ascii: "["): open.append(at)
            case UInt8(ascii: "]"): if let start = open.popLast() { matches[start] = at }
            default: break
            }
            at += 1
        }
        closingBracket = matches
    }

    mutating func scan() -> [Citation] {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
            } else if byte == UInt8(ascii: "["), index == 0 || bytes[index - 1] != UInt8(ascii: "!"),
                      let citation = bracketed(at: index) {
                citations.append(citation)
                index = citation.range.upperBound
            } else if byte == UInt8(ascii: "@"), !isWordByte(before: index), let citation = narrative(at: index) {
                citations.append(citation)
                index = citation.range.upperBound
            } else if byte == UInt8(ascii: "<"), let citation = distill(at: index) {
                citations.append(citation)
                index = citation.range.upperBound
            } else {
                index += 1
            }
        }
        return citations
    }

    // MARK: pandoc

    /// `[prefix @key suffix; …]` from the `[` at `start`, unless it is a link or holds an item
    /// without a key (then it is ordinary text, as in pandoc).
    private func bracketed(at start: Int) -> Citation? {
        guard let end = closingBracket[start], end - start <= Self.maximumLength,
              bytes[start..<end].contains(UInt8(ascii: "@")) else { return nil }
        if isLink(closingAt: end) { return nil }
        var items: [CitationItem] = []
        var itemStart = start + 1
        for separator in splitPoints(from: start + 1, to: end) + [end] {
            guard let item = item(from: itemStart, to: separator) else { return nil }
            items.append(item)
            itemStart = separator + 1
        }
        return Citation(form: .parenthetical, syntax: .pandoc, items: items, range: start..<(end + 1))
    }

    /// The offsets of `;` between items (outside nested brackets and braces).
    private func splitPoints(from start: Int, to end: Int) -> [Int] {
        var points: [Int] = []
        var depth = 0
        var at = start
        while at < end {
            switch bytes[at] {
            case UInt8(ascii: "\\"): at += 1
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ";") where depth == 0: points.append(at)
            default: break
            }
            at += 1
        }
        return points
    }

    /// One item: the first `@key` (or `-@key`) not preceded by a letter, with the text around it.
    private func item(from start: Int, to end: Int) -> CitationItem? {
        var at = start
        while at < end {
            if bytes[at] == UInt8(ascii: "@"), !isWordByte(before: at), let (key, keyRange) = key(at: at, limit: end) {
                let suppress = at > start && bytes[at - 1] == UInt8(ascii: "-")
                let prefixEnd = suppress ? at - 1 : at
                let (locator, suffix) = Self.locator(in: text(keyEnd(keyRange), end))
                return CitationItem(key: key, keyRange: keyRange, prefix: text(start, prefixEnd).trimmed,
                                    locator: locator, suffix: suffix, suppressesAuthor: suppress)
            }
            at += 1
        }
        return nil
    }

    /// Narrative `@key`, with an optional `[locator]` right after it (`@key [p. 12]`).
    private func narrative(at start: Int) -> Citation? {
        guard let (key, keyRange) = key(at: start, limit: bytes.count) else { return nil }
        var end = keyEnd(keyRange)
        var locator: Locator?
        var suffix = ""
        if end + 1 < bytes.count, bytes[end] == UInt8(ascii: " "), bytes[end + 1] == UInt8(ascii: "["),
           let close = closingBracket[end + 1], close - end <= Self.maximumLength,
           !bytes[(end + 2)..<close].contains(UInt8(ascii: "@")),
           !isLink(closingAt: close) {
            (locator, suffix) = Self.locator(in: ", " + text(end + 2, close))
            end = close + 1
        }
        let item = CitationItem(key: key, keyRange: keyRange, locator: locator, suffix: suffix)
        return Citation(form: .narrative, syntax: .pandoc, items: [item], range: start..<end)
    }

    /// The key after the `@` at `at`, and its byte range.
    private func key(at sign: Int, limit: Int) -> (String, Range<Int>)? {
        let first = sign + 1
        guard first < limit else { return nil }
        if bytes[first] == UInt8(ascii: "{") {
            guard let close = bytes[first..<limit].firstIndex(of: UInt8(ascii: "}")), close > first + 1 else {
                return nil
            }
            return (text(first + 1, close), (first + 1)..<close)
        }
        guard isWordByte(bytes[first]) || bytes[first] == UInt8(ascii: "_") else { return nil }
        var end = first
        while end < limit {
            let byte = bytes[end]
            if isWordByte(byte) || byte == UInt8(ascii: "_") {
                end += 1
            } else if ":.#$%&-+?<>~/".utf8.contains(byte), end + 1 < limit,
                      isWordByte(bytes[end + 1]) || bytes[end + 1] == UInt8(ascii: "_") {
                end += 1
            } else {
                break
            }
        }
        return (text(first, end), first..<end)
    }

    /// Splits the text after a key into a locator (when it starts with `, label value` or
    /// `, value`) and the suffix that remains.
    static func locator(in after: String) -> (Locator?, String) {
        let trimmed = after.trimmed
        guard trimmed.hasPrefix(",") else {
            return (nil, trimmed.isEmpty ? "" : (after.first == " " ? " " : "") + trimmed)
        }
        var rest = Substring(trimmed.dropFirst()).drop { $0 == " " }
        var label = Locator.Label.page
        let lowered = rest.lowercased()
        let terms = Locator.Label.terms.filter { lowered.hasPrefix($0.term) }
        if let term = terms.max(by: { $0.term.count < $1.term.count }),
           rest.dropFirst(term.term.count).first.map({ $0 == " " || $0.isNumber }) ?? false {
            label = term.label
            rest = rest.dropFirst(term.term.count).drop { $0 == " " }
        }
        let value = locatorValue(rest)
        guard !value.isEmpty else { return (nil, trimmed) }
        let suffix = rest.dropFirst(value.count)
        return (Locator(label, value), String(suffix).trimmedEnd)
    }

    /// The longest prefix made of numbers, roman numerals and the range or list marks between
    /// them ("12", "12-14", "3, 5", "iv").
    private static func locatorValue(_ text: Substring) -> String {
        var value = "", pending = "", token = ""
        func accept() -> Bool {
            guard token.contains(where: \.isNumber) || token.allSatisfy({ "ivxlcdm".contains($0) }) else {
                return false
            }
            value += pending + token
            pending = ""
            token = ""
            return true
        }
        for character in text {
            if character.isLetter || character.isNumber {
                token.append(character)
                continue
            }
            if !token.isEmpty, !accept() { return value }
            guard "-–,& ".contains(character), !value.isEmpty else { return value }
            pending.append(character)
        }
        if !token.isEmpty { _ = accept() }
        return value
    }

    // MARK: distill

    /// `<d-cite key="a,b">` (attributes in any order, either quotes), with `</d-cite>` when it
    /// follows at once.
    private func distill(at start: Int) -> Citation? {
        let opening = "<d-cite".utf8
        guard bytes[start...].starts(with: opening),
              let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let tag = text(start, close)
        guard let keyAttribute = tag.range(of: "key=") else { return nil }
        let valueStart = tag.utf8.distance(from: tag.startIndex, to: keyAttribute.upperBound) + start
        let quote = bytes[valueStart]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
              let valueEnd = bytes[(valueStart + 1)..<close].firstIndex(of: quote) else { return nil }
        var items: [CitationItem] = []
        var keyStart = valueStart + 1
        for end in (bytes[(valueStart + 1)..<valueEnd].indices.filter { bytes[$0] == UInt8(ascii: ",") }) + [valueEnd] {
            var lower = keyStart, upper = end
            while lower < upper, bytes[lower] == UInt8(ascii: " ") { lower += 1 }
            while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") { upper -= 1 }
            if lower < upper { items.append(CitationItem(key: text(lower, upper), keyRange: lower..<upper)) }
            keyStart = end + 1
        }
        guard !items.isEmpty else { return nil }
        var end = close + 1
        let closing = Array("</d-cite>".utf8)
        if bytes[end...].starts(with: closing) { end += closing.count }
        return Citation(form: .parenthetical, syntax: .distill, items: items, range: start..<end)
    }

    // MARK: Bytes

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        let scalar = Unicode.Scalar(byte)
        return byte >= 0x80 || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// A `]` followed by `(` or `[` closes a link's text, not a citation.
    private func isLink(closingAt close: Int) -> Bool {
        close + 1 < bytes.count && (bytes[close + 1] == UInt8(ascii: "(") || bytes[close + 1] == UInt8(ascii: "["))
    }

    /// Where the text after a key starts: past the `}` of a braced key.
    private func keyEnd(_ keyRange: Range<Int>) -> Int {
        keyRange.upperBound + (bytes[keyRange.lowerBound - 1] == UInt8(ascii: "{") ? 1 : 0)
    }

    private func isWordByte(before offset: Int) -> Bool { offset > 0 && isWordByte(bytes[offset - 1]) }
}

private extension StringProtocol {
    var trimmed: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
    var trimmedEnd: String { String(reversed().drop { $0 == " " }.reversed()) }
}
