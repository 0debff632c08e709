/// Escapes a URL for an `href`/`src` attribute exactly as cmark-gfm does (its
/// `houdini_escape_href`): characters that are safe or reserved in URLs stay,
/// `&` and `'` become entities, every other byte is percent-encoded. Already
/// percent-encoded sequences are left alone (`%` is kept).
enum HrefEscaping {
    /// `!#$%()*+,-./0-9:;=?@A-Z_a-z~`
    private static let safe: [Bool] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            true
        default:
            "!#$%()*+,-./:;=?@_~".utf8.contains(UInt8(byte))
        }
    }

    static func escape(_ url: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if safe[Int(byte)] {
                out.append(byte)
            } else if byte == UInt8(ascii: "&") {
                out += "&amp;".utf8
            } else if byte == UInt8(ascii: "'") {
                out += "&#x27;".utf8
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
