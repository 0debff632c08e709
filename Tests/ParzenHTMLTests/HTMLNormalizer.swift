/// The comparison the CommonMark spec runner (`test/normalize.py`) makes, reduced to what
/// the GFM examples need: white space between tags and at the ends is dropped, runs of white
/// space outside `<pre>` collapse to one space, attributes are sorted and self-closing
/// slashes removed.
enum HTMLNormalizer {
    static func normalize(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        var inPre = false
        var pendingSpace = false
        while index < html.endIndex {
            let char = html[index]
            if char == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = String(html[index...close])
                let normalized = normalizeTag(tag)
                if normalized.hasPrefix("<pre") { inPre = true }
                if normalized.hasPrefix("</pre") { inPre = false }
                // White space right before or after a tag is insignificant.
                pendingSpace = false
                out += normalized
                index = html.index(after: close)
                // Skip white space after the tag.
                if !inPre { while index < html.endIndex, html[index].isWhitespace { index = html.index(after: index) } }
                continue
            }
            if !inPre && char.isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty && out.last != ">" { out += " " }
                pendingSpace = false
                out.append(char)
            }
            index = html.index(after: index)
        }
        return out
    }

    /// `<input type="checkbox" disabled="" />` → `<input disabled="" type="checkbox">`
    private static func normalizeTag(_ tag: String) -> String {
        guard !tag.hasPrefix("<!"), !tag.hasPrefix("<?"), !tag.hasPrefix("</") else { return tag }
        var body = tag.dropFirst().dropLast()
        if body.hasSuffix("/") { body = body.dropLast() }
        let name = body.prefix { !$0.isWhitespace }
        var attributes: [String] = []
        var rest = body.dropFirst(name.count)
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard !rest.isEmpty else { break }
            let key = rest.prefix { !$0.isWhitespace && $0 != "=" }
            rest = rest.dropFirst(key.count)
            guard rest.first == "=" else { attributes.append(String(key)); continue }
            rest = rest.dropFirst()
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let value = rest.dropFirst().prefix { $0 != quote }
                attributes.append("\(key)=\"\(value)\"")
                rest = rest.dropFirst(value.count + 2)
            } else {
                let value = rest.prefix { !$0.isWhitespace }
                attributes.append("\(key)=\"\(value)\"")
                rest = rest.dropFirst(value.count)
            }
        }
        return "<" + ([String(name)] + attributes.sorted()).joined(separator: " ") + ">"
    }
}
