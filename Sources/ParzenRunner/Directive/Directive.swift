import ParzenFormat

/// A kind of fenced block an author can write, such as ```` ```{fit} kde ````.
///
/// A directive declares its options (names, types, defaults, help) so that the runner can
/// check every option before anything runs, `parzen check` can validate a notebook without
/// computing, and `docs/directives.md` is generated from the same declarations.
/// Implementations are stateless; everything they need arrives in the call and the context.
public protocol Directive: Sendable {
    /// The name inside the braces, e.g. `fit`.
    static var name: String { get }
    /// One sentence saying what the directive does, for help and docs.
    static var summary: String { get }
    /// The options the body may set.
    static var options: [OptionSpec] { get }
    /// What kind of result this directive leaves under its label for later directives.
    static var resultKind: ResultKind { get }
    /// An example body (YAML) for the docs; tests check it against `options`.
    static var example: String { get }

    /// Does the work: reads earlier results from `context`, computes, and returns this
    /// directive's result and what to show in the report.
    ///
    /// - Throws: `DirectiveError` for problems the author can fix (with the location of the
    ///   option at fault when there is one). Other errors are reported at the fence.
    static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult

    /// What a fence of this directive puts on the page that prose can cite (a figure, a
    /// derivation), known from its label and body alone, without running it; none by default.
    static func citables(label: String?, body: YAMLValue?) -> [ReferenceDeclaration.Kind]
}

/// The kind of an earlier result, so that options which refer to labels can be checked
/// ("'faithful' is a data set, but 'fits' needs fitted models").
public struct ResultKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}
