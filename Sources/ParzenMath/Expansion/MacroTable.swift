/// The user macros of one document, shared by all its formulas in document order: a
/// `\newcommand` in one formula is visible in the following ones, as authors expect from
/// MathJax and as front-matter macros require.
final class MacroTable {
    /// Keyed by the name with its backslash (`\R`); changed through `define(_:as:)`. Read for
    /// every command token, never while being changed: no run-time exclusivity check.
    @exclusivity(unchecked) private(set) var definitions: [String: MacroDefinition] = [:]
    /// `\newenvironment`s: name → tokens that replace `\begin{name}` and `\end{name}`.
    var environments: [String: (parameterCount: Int, begin: [Token], end: [Token])] = [:]
    /// Did-you-mean answers by unknown name: computed once per distinct name and document, so
    /// a formula repeating one unknown command 10,000 times compares it with the registry once.
    private var suggestions: [String: String?] = [:]

    /// Front-matter macros: names with or without the backslash.
    init(frontMatter: [String: String]) {
        for (name, body) in frontMatter {
            let key = name.hasPrefix("\\") ? name : "\\" + name
            definitions[key] = MacroDefinition(source: body)
        }
    }

    /// Defines or redefines `name`. A new name forgets the cached suggestions, which depend on
    /// the names defined.
    func define(_ name: String, as definition: MacroDefinition) {
        if definitions.updateValue(definition, forKey: name) == nil { suggestions.removeAll() }
    }

    /// The known command (built-in or user macro) closest to the unknown `name`, if any.
    func suggestion(for name: String) -> String? {
        if let known = suggestions[name] { return known }
        let answer = CommandRegistry.standard.suggestion(for: name, userMacros: definitions.keys)
        suggestions[name] = answer
        return answer
    }
}
