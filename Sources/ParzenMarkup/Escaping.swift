/// Escaping for every output Parzen writes — HTML, SVG and MathML text and attributes, URLs,
/// element ids, TeX text and JSON strings: the one place where text becomes markup.
///
/// Everything Parzen interpolates into a report — prose, option values, numbers, labels,
/// file names, TeX sources in annotations — goes through these functions, directly or
/// through `Markup`, whose `.text` escapes and whose `.raw` is the visible opt-out.
public enum Escaping {
    /// Escapes text for an element's content: `&`, `<`, `>` (and `"` for symmetry with cmark).
    public static func text(_ string: String) -> String {
        escape(string, quotes: true)
    }

    /// Escapes text for a double-quoted attribute value: `&`, `<`, `>`, `"`.
    public static func attribute(_ string: String) -> String {
        escape(string, quotes: true)
    }

    /// Escapes text for CommonMark/GFM prose (a notebook's Markdown cell): every ASCII
    /// punctuation character that can start markup gets a backslash (CommonMark §2.4), `$` too
    /// so that Jupyter does not read it as math; line breaks become spaces, so text cannot
    /// start a block.
    public static func markdown(_ string: String) -> String {
        var out = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "$", "|", "&", "~", "#", "!":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `&`, `<`, `>` and `"` as references; the characters XML 1.0 cannot carry at all (not
    /// even as a reference: C0 controls other than tab, line feed and carriage return; U+FFFE,
    /// U+FFFF), which HTML also counts as parse errors, as their visible Control Pictures
    /// (U+2400 + code) or U+FFFD, so that the text stays well-formed and nothing vanishes.
    private static func escape(_ string: String, quotes: Bool) -> String {
        // Fast path: most strings need no escaping at all.
        guard
            string.utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"") || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D)
                    || $0 == 0xEF
            })
        else {
            return string
        }
        var out = ""
        out.reserveCapacity(string.utf8.count + 16)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case let control where control.value < 0x20:
                out.unicodeScalars.append(Unicode.Scalar(0x2400 + control.value)!)
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A URL for an `href`/`src` attribute exactly as cmark-gfm writes one (its
    /// `houdini_escape_href`): characters that are safe or reserved in URLs stay, `&` and `'`
    /// become entities, every other byte is percent-encoded. Already percent-encoded sequences
    /// are left alone (`%` is kept).
    public static func href(_ url: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if hrefSafe[Int(byte)] {
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

    /// `!#$%()*+,-./0-9:;=?@A-Z_a-z~`
    private static let hrefSafe: [Bool] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "a")...UInt8(ascii: "z"):
            true
        default:
            "!#$%()*+,-./:;=?@_~".utf8.contains(UInt8(byte))
        }
    }

    /// An element id from a label: `prefix` and the label with every byte outside
    /// `[A-Za-z0-9:.-]` written as `_XX`, so ids are deterministic, distinct for distinct
    /// labels, and need no further escaping in an attribute or a URL fragment.
    public static func identifier(_ label: String, prefix: String) -> String {
        var id = prefix
        for byte in label.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "-"):
                id.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                id += "_" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return id
    }

    /// Text safe inside TeX's `\text{…}`: the special characters escaped.
    public static func texText(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\textbackslash "
            case "{", "}", "$", "&", "#", "_", "%": out += "\\" + String(c)
            case "^": out += "\\textasciicircum "
            case "~": out += "\\textasciitilde "
            default: out.append(c)
            }
        }
        return out
    }

    /// Text for one line of a terminal or a log (a diagnostic): line breaks, tabs and the other
    /// C0 and C1 control characters written as Swift-style escapes (`\n`, `\r`, `\t`,
    /// `\u{1B}`), so quoted input can neither break the line nor send the terminal commands.
    public static func lineText(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where isControl(control):
                out += "\\u{" + String(control.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A JSON string literal, quotes included: `"`, `\\` and control characters escaped.
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
