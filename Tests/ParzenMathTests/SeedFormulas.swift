import Foundation
import ParzenTestSupport

/// The formulas of a Jekyll post (``JekyllPost``: ours, or the seed in `../shared/seed/`), read
/// the way the Markdown layer hands them over: `$$…$$` blocks as display math, `$…$` as inline
/// math with kramdown's backslash escapes removed (`\\` → `\`, `\_` → `_`, `\{` → `{`).
enum SeedFormulas {
    struct Formula {
        var tex: String
        var display: Bool
    }

    static func load(_ post: JekyllPost) throws -> [Formula] {
        extract(from: try post.text, kramdownInline: true)
    }

    /// Splits Markdown into its math spans, in document order; `kramdownInline` removes
    /// kramdown's escapes from inline math.
    static func extract(from markdown: String, kramdownInline: Bool) -> [Formula] {
        var formulas: [Formula] = []
        let characters = Array(markdown)
        var index = 0
        while index < characters.count {
            if characters[index] == "$" {
                let display = index + 1 < characters.count && characters[index + 1] == "$"
                let delimiter = display ? 2 : 1
                var end = index + delimiter
                while end < characters.count {
                    if characters[end] == "\\" { end += 2; continue }
                    if characters[end] == "$" && (!display || (end + 1 < characters.count && characters[end + 1] == "$")) { break }
                    end += 1
                }
                let body = String(characters[(index + delimiter)..<min(end, characters.count)])
                let tex = display || !kramdownInline ? body.trimmingCharacters(in: .whitespacesAndNewlines) : unescapeKramdown(body)
                formulas.append(Formula(tex: tex, display: display))
                index = end + delimiter
            } else {
                index += 1
            }
        }
        return formulas
    }

    /// Removes a backslash before ASCII punctuation, as kramdown does in inline math.
    static func unescapeKramdown(_ text: String) -> String {
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if character == "\\" {
                guard let next = iterator.next() else { result.append(character); break }
                if next.isASCII && next.isPunctuation || next.isASCII && next.isSymbol {
                    result.append(next)
                } else {
                    result.append(character)
                    result.append(next)
                }
            } else {
                result.append(character)
            }
        }
        return result
    }
}
