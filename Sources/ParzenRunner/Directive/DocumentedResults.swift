/// A directive that documents the keys of the values it exposes to `{value}` roles and
/// `--json`, so the reference lists them beside the options.
public protocol DocumentedResults {
    /// (key, meaning) pairs; `<label>` and `<column>` stand for a model's label or a column.
    static var resultKeys: [(key: String, meaning: String)] { get }
}
