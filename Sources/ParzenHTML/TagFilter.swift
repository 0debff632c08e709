/// GFM's tagfilter extension: in raw HTML, the `<` of `title`, `textarea`, `style`, `xmp`,
/// `iframe`, `noembed`, `noframes`, `script` and `plaintext` tags (opening or closing, any
/// case) becomes `&lt;`, so the author's HTML cannot swallow the rest of the page.
enum TagFilter {
    private static let blocked = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ]

    /// An HTML block: every `<` that starts a blocked tag is escaped.
    static func filterBlock(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "<"), isBlocked(bytes[index...]) {
                out += "&lt;".utf8
            } else {
                out.append(bytes[index])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Inline HTML is one tag (or comment, …): only its first `<` is checked, as cmark-gfm does.
    static func filterInline(_ html: String) -> String {
        guard isBlocked(Array(html.utf8)[...]) else { return html }
        return "&lt;" + html.dropFirst()
    }

    /// `tag` starts with `<`, an optional `/`, a blocked name, then white space, `>` or `/>`.
    private static func isBlocked(_ tag: ArraySlice<UInt8>) -> Bool {
        var index = tag.startIndex + 1
        if index < tag.endIndex, tag[index] == UInt8(ascii: "/") { index += 1 }
        for name in blocked {
            var cursor = index
            var matched = true
            for char in name.utf8 {
                guard cursor < tag.endIndex, tag[cursor] | 0x20 == char else { matched = false; break }
                cursor += 1
            }
            guard matched, cursor < tag.endIndex else { continue }
            switch tag[cursor] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), 0x0B, 0x0C, UInt8(ascii: "\r"),
                UInt8(ascii: ">"):
                return true
            case UInt8(ascii: "/") where cursor + 1 < tag.endIndex && tag[cursor + 1] == UInt8(ascii: ">"):
                return true
            default:
                continue
            }
        }
        return false
    }
}
