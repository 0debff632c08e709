import ParzenMarkup

/// Every TeX command Parzen understands, by name, with the handler that parses it.
///
/// Each command family registers its names in its own file; the registry is the one list
/// that parsing, did-you-mean suggestions and the tests' coverage checks read.
struct CommandRegistry: Sendable {
    /// Parses one command whose token was just read, returning its node.
    typealias Handler = @Sendable (Parser, Token) throws -> MathNode

    private var handlers: [String: Handler] = [:]

    /// The registry with every family.
    static let standard: CommandRegistry = {
        var registry = CommandRegistry()
        SymbolCommands.register(in: &registry)
        DelimiterCommands.register(in: &registry)
        OperatorCommands.register(in: &registry)
        FontCommands.register(in: &registry)
        FractionCommands.register(in: &registry)
        AccentCommands.register(in: &registry)
        SpacingCommands.register(in: &registry)
        TextCommands.register(in: &registry)
        StyleCommands.register(in: &registry)
        ReferenceCommands.register(in: &registry)
        EnvironmentCommands.register(in: &registry)
        return registry
    }()

    /// Registers `handler` under `name` (with its backslash).
    mutating func register(_ name: String, _ handler: @escaping Handler) {
        precondition(handlers[name] == nil, "command \(name) registered twice")
        handlers[name] = handler
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
    /// typo (edit distance at most 2, and at most a third of the name's length).
    func suggestion(for name: String, userMacros: some Sequence<String>) -> String? {
        Suggestion.closest(to: name, among: (Array(handlers.keys) + MacroExpander.definitionCommands + userMacros).sorted())
    }
}
