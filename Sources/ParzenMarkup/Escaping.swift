/// Escaping for HTML, SVG and MathML output: the one place where text becomes markup.
///
/// Everything Parzen interpolates into a report — prose, option values, numbers, labels,
/// file names, TeX sources in annotations — goes through these functions. Raw markup is
/// the explicit opt-out (`Markup.raw`), never the default.
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

    private static func escape(_ string: String, quotes: Bool) -> String {
        // Fast path: most strings need no escaping at all.
        guard string.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) else {
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
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
