/// The user macros of one document, shared by all its formulas in document order: a
/// `\newcommand` in one formula is visible in the following ones, as authors expect from
/// MathJax and as front-matter macros require.
final class MacroTable {
    /// Keyed by the name with its backslash (`\R`).
    var definitions: [String: MacroDefinition] = [:]

    /// Front-matter macros: names with or without the backslash.
    init(frontMatter: [String: String]) {
        for (name, body) in frontMatter {
            let key = name.hasPrefix("\\") ? name : "\\" + name
            definitions[key] = MacroDefinition(source: body)
        }
    }
}
