import ParzenMarkup

/// Equation numbering: `\label{…}`, `\tag{…}`, `\tag*{…}`, `\nonumber`, `\notag`, and
/// cross-references `\eqref{…}` ("(2)") and `\ref{…}` ("2").
enum ReferenceCommands {
    static func register(in registry: inout CommandRegistry) {
        registry.register("\\label") { parser, token in
            let label = try parser.readStringArgument(of: token)
            if parser.equationRows.isEmpty {
                parser.log.warning("'\\label{\(label)}' is outside a numbered display, so references to it show '??'",
                                   fix: "put it inside \\begin{equation}…\\end{equation}", at: token.offset)
            } else {
                let row = parser.equationRows.count - 1
                if let first = parser.equationRows[row].labels.first {
                    // amsmath: "Multiple \label's: label 'a' will be lost".
                    parser.log.error(
                        "a second '\\label' in one equation ('\\label{\(first.name)}' is already here)",
                        fix: "keep one label per equation; an equation has one number", at: token.offset)
                }
                parser.equationRows[row].labels.append((label, token.offset))
            }
            return MathNode(.empty, at: token.offset)
        }
        registry.register("\\tag") { parser, token in
            let starred = try parser.readStar()
            let tag = tagText(try parser.readStringArgument(of: token))
            guard !parser.equationRows.isEmpty else {
                parser.log.warning("'\\tag' is only allowed in display math; it is ignored", at: token.offset)
                return MathNode(.empty, at: token.offset)
            }
            if parser.equationRows[parser.equationRows.count - 1].tag != nil {
                throw TeXError("multiple '\\tag' in one row", fix: "keep one", at: token.offset)
            }
            parser.equationRows[parser.equationRows.count - 1].tag = (tag, starred)
            return MathNode(.empty, at: token.offset)
        }
        for name in ["\\nonumber", "\\notag"] {
            registry.register(name) { parser, token in
                if !parser.equationRows.isEmpty {
                    parser.equationRows[parser.equationRows.count - 1].suppressed = true
                }
                return MathNode(.empty, at: token.offset)
            }
        }
        // mathtools: \newtagform{name}[inner]{left}{right}, \renewtagform, \usetagform{name}.
        for name in ["\\newtagform", "\\renewtagform"] {
            registry.register(name) { parser, token in
                let form = try parser.readStringArgument(of: token)
                let inner = try parser.readOptionalString()
                let left = tagText(try parser.readStringArgument(of: token))
                let right = tagText(try parser.readStringArgument(of: token))
                let exists = parser.numbering.tagForms[form] != nil
                if exists == (name == "\\newtagform") {
                    throw TeXError(
                        exists ? "tag form '\(form)' is already defined" : "tag form '\(form)' is not defined",
                        fix: exists ? "use \\renewtagform{\(form)} to change it" : "use \\newtagform{\(form)} first",
                        at: token.offset)
                }
                var style: String?
                if let inner, !inner.isEmpty {
                    guard let known = TextCommands.styles[inner] else {
                        throw TeXError(
                            "'\(inner)' as the inner format of a tag form is not supported",
                            fix: "use \\textbf, \\textit, \\textsf, \\texttt or \\textrm", at: token.offset)
                    }
                    style = known
                }
                parser.numbering.tagForms[form] = TagForm(left: left, right: right, style: style)
                return MathNode(.empty, at: token.offset)
            }
        }
        registry.register("\\usetagform") { parser, token in
            let name = try parser.readStringArgument(of: token)
            guard let form = parser.numbering.tagForms[name] else {
                throw TeXError(
                    "tag form '\(name)' is not defined",
                    fix: Suggestion.didYouMean(name, among: parser.numbering.tagForms.keys.sorted())
                        ?? "define it with \\newtagform{\(name)}{(}{)}", at: token.offset)
            }
            parser.numbering.tagForm = form
            return MathNode(.empty, at: token.offset)
        }
        for (name, parenthesized) in references {
            registry.register(name) { parser, token in
                let label = try parser.readStringArgument(of: token)
                let form = parenthesized ? parser.numbering.tagForm : nil
                return MathNode(.reference(label: label, form: form), at: token.offset)
            }
        }
    }

    /// The cross-reference commands and whether each prints its number in parentheses; they
    /// work in math and inside `\text{…}` alike, as in LaTeX.
    static let references = ["\\eqref": true, "\\ref": false, "\\refeq": false]

    /// The text of a `\tag{…}`, shown as plain text beside the equation: math shifts are
    /// dropped and symbol commands become their characters (`$\star$` → "⋆").
    static func tagText(_ source: String) -> String {
        var result = ""
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            if character == "$" {
                index = source.index(after: index)
                continue
            }
            if character == "\\" {
                var end = source.index(after: index)
                while end < source.endIndex, source[end].isASCII, source[end].isLetter {
                    end = source.index(after: end)
                }
                let name = String(source[source.index(after: index)..<end])
                if !name.isEmpty, let symbol = symbol(named: name) {
                    result += symbol
                    index = end
                    continue
                }
            }
            result.append(character)
            index = source.index(after: index)
        }
        return result
    }

    private static func symbol(named name: String) -> String? {
        SymbolCommands.operatorTable[name]?.text ?? SymbolCommands.ordinaries[name]?.text
            ?? SymbolCommands.lowercaseGreek[name] ?? SymbolCommands.uppercaseGreek[name]
    }
}
