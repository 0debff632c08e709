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
    /// The version of the directive's code, part of its cached results' keys: bump it with
    /// any change to what it computes or shows (an output block reworded, a value added), so
    /// that results cached before the change are computed again.
    static var version: Int { get }
    /// What kind of result this directive leaves under its label for later directives.
    static var resultKind: ResultKind { get }
    /// An example body (YAML) for the docs; tests check it against `options`.
    static var example: String { get }
    /// Rules between options (one of several, not together, only with another), checked in
    /// the validation phase after each option's own type. Declared in the directive's
    /// `+Validation.swift` file; `parzen fit` checks `{fit}`'s on its flags.
    static var rules: [OptionRule] { get }

    /// The validation phase: checks the call against the *shapes* of the results it uses
    /// (dimension, columns, point counts, known truth, which data set a fit belongs to) and
    /// returns the shape of its own result — computing nothing but what is cheap and static
    /// (reading and parsing a CSV file, parsing a kernel formula). It runs, for every
    /// directive, before any directive runs, in `parzen check` and `parzen render` alike;
    /// `run` may rely on everything it checked.
    ///
    /// - Throws: `DirectiveError` at the option at fault.
    static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape

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

extension Directive {
    /// No rules between options unless the directive declares some.
    public static var rules: [OptionRule] { [] }

    /// No checks against earlier shapes; the result's shape tells later directives nothing.
    public static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape {
        .opaque(resultKind)
    }
}

/// The kind of an earlier result, so that options which refer to labels can be checked
/// ("'faithful' is a data set, but 'fits' needs fitted models").
public struct ResultKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}
