import ParzenFormat

/// One directive as written in a notebook, with its options checked.
public struct DirectiveCall: Sendable {
    /// The directive's name, e.g. `fit`.
    public var name: String
    /// The label after the name (` ```{fit} kde ` → `kde`), if any.
    public var label: String?
    /// Where the fence starts; errors without a better place are reported here.
    public var location: SourceLocation
    /// The checked options.
    public var options: OptionValues

    public init(name: String, label: String?, location: SourceLocation, options: OptionValues) {
        self.name = name
        self.label = label
        self.location = location
        self.options = options
    }

    /// The label, or the directive's name and line when the author gave none (for messages).
    public var displayName: String { label ?? "\(name)@\(location.line)" }
}

/// A directive as parsed from the notebook, before its options are checked: what the
/// Markdown layer hands to the runner.
public struct DirectiveSource: Sendable {
    public var name: String
    public var nameLocation: SourceLocation
    public var label: String?
    public var labelLocation: SourceLocation?
    /// Where the opening fence starts.
    public var location: SourceLocation
    /// The body text between the fences (YAML).
    public var body: String
    /// The notebook line on which the body starts, and the column of its first character.
    public var bodyLine: Int
    public var bodyColumn: Int

    public init(name: String, nameLocation: SourceLocation, label: String?, labelLocation: SourceLocation?,
                location: SourceLocation, body: String, bodyLine: Int, bodyColumn: Int) {
        self.name = name
        self.nameLocation = nameLocation
        self.label = label
        self.labelLocation = labelLocation
        self.location = location
        self.body = body
        self.bodyLine = bodyLine
        self.bodyColumn = bodyColumn
    }
}
