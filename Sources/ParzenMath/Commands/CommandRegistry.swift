import ParzenMarkup

/// Every TeX command Parzen understands, by name, with the handler that parses it.
///
/// Each command family registers its names in its own file; the registry is the one list
/// that parsing, did-you-mean suggestions and the tests' coverage checks read.
struct CommandRegistry: Sendable {
    /// Parses one command whose token was just read, returning its node.
    typealias Handler = @Sendable (Parser, Token) throws -> MathNode

    private var handlers: [String: Handler] = [:]
    /// The families in registration order, each with the names it registered (for the docs).
    private(set) var families: [(title: String, names: [String])] = []

    /// The registry with every family.
    static let standard: CommandRegistry = {
        var registry = CommandRegistry()
        registry.add("Delimiters", DelimiterCommands.register)
        registry.add("Large operators and operator names", OperatorCommands.register)
        registry.add("Math alphabets and font switches", FontCommands.register)
        registry.add("Fractions, binomials and radicals", FractionCommands.register)
        registry.add("Scripts on both sides and stacked lines", ScriptCommands.register)
        registry.add("Dirac brackets and sets (braket)", BraketCommands.register)
        registry.add("Accents, braces, stacks and extensible arrows", AccentCommands.register)
        registry.add("Spaces and phantoms", SpacingCommands.register)
        registry.add("Boxes, frames and strike-outs", BoxCommands.register)
        registry.add("Text", TextCommands.register)
        registry.add("Styles, sizes and colours", StyleCommands.register)
        registry.add("Equation numbers and references", ReferenceCommands.register)
        registry.add("Environments and rows", EnvironmentCommands.register)
        // Last: the package symbol tables fill in what no family registered by hand.
        registry.add("Symbols", SymbolCommands.register)
        return registry
    }()

    /// Runs one family's registration, recording the names it adds under `title`.
    private mutating func add(_ title: String, _ register: (inout CommandRegistry) -> Void) {
        families.append((title, []))
        register(&self)
    }

    /// Registers `handler` under `name` (with its backslash).
    mutating func register(_ name: String, _ handler: @escaping Handler) {
        precondition(handlers[name] == nil, "command \(name) registered twice")
        handlers[name] = handler
        if !families.isEmpty { families[families.count - 1].names.append(name) }
    }

    /// Registers `handler` under `name` unless a family registered it already (the generated
    /// package tables cover names that hand-written families treat specially).
    mutating func registerIfNew(_ name: String, _ handler: @escaping Handler) {
        if handlers[name] == nil { register(name, handler) }
    }

    func handler(for name: String) -> Handler? {
        handlers[name]
    }

    /// Whether `name` is a built-in command (including the macro-defining ones).
    func knows(_ name: String) -> Bool {
        handlers[name] != nil || MacroExpander.definitionCommands.contains(name)
    }

    /// All built-in command names, sorted.
    var names: [String] {
        (Array(handlers.keys) + MacroExpander.definitionCommands).sorted()
    }

    /// The known command closest to a misspelt `name`, if one is close enough to be a likely
    /// typo (edit distance at most 2, and at most a third of the name's length). A control
    /// word (`\\x`) is compared with control words only, a control symbol (`\\;`) with control
    /// symbols: `\\x` is a typo for `\\xi`, never for the control space `\\ ` one edit away.
    func suggestion(for name: String, userMacros: some Sequence<String>) -> String? {
        let isWord = Self.isControlWord(name)
        let candidates = (Array(handlers.keys) + MacroExpander.definitionCommands + userMacros)
            .filter { Self.isControlWord($0) == isWord }
        return Suggestion.closest(to: name, among: candidates.sorted())
    }

    private static func isControlWord(_ name: String) -> Bool {
        name.dropFirst().first?.isLetter ?? false
    }
}
