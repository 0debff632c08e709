/// A directive that declares the keys of the values it exposes to `{value}` roles, `--json`
/// and `{from: label.key}` options, so that the reference lists them beside the options and
/// `parzen check` validates a reference before anything runs.
public protocol DocumentedResults {
    /// Every key the result may hold, with its kind; `<label>` and `<column>` stand for a
    /// model's label or a column.
    static var resultKeyDeclarations: [ResultKeyDeclaration] { get }

    /// The keys a result of `shape` may hold: by default every declared one, kinds resolved
    /// for the shape's dimension when it has one. A directive narrows it where the shape tells
    /// more (a fit's family, a data set's columns).
    static func resultKeys(for shape: ResultShape) -> [ResultKeyDeclaration]
}

extension DocumentedResults {
    public static func resultKeys(for shape: ResultShape) -> [ResultKeyDeclaration] {
        resultKeyDeclarations
    }

    /// (keys, meaning) pairs for docs/directives.md, keys comma-separated.
    public static var resultKeys: [(key: String, meaning: String)] {
        resultKeyDeclarations.map { ($0.keys.map(\.name).joined(separator: ", "), $0.meaning) }
    }
}
