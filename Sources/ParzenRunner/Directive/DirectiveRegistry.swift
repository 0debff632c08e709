/// The directives a notebook may use, by name. One registry feeds the runner, `parzen
/// check`, the help text and the generated `docs/directives.md`.
public struct DirectiveRegistry: Sendable {
    public private(set) var directives: [any Directive.Type]

    public init(_ directives: [any Directive.Type]) {
        self.directives = directives
    }

    public func directive(named name: String) -> (any Directive.Type)? {
        directives.first { $0.name == name }
    }

    public var names: [String] { directives.map { $0.name } }
}
