/// The MyST directive names Parzen reads itself, rather than handing them to the runner:
/// the one list that "did you mean …?" for an unknown `{name}` fence draws on, next to the
/// runner's own directives.
public enum MySTDirectiveNames {
    /// Every MyST name Parzen understands, in a fixed order (ties in suggestions go to the first).
    public static let all: [String] = MarkdownAdmonition.Kind.allCases.map(\.rawValue)
        + ["math", "code-block", "code", "figure", "table", "epigraph", "bibliography"]

    /// `true` when `name` is one of ``all``.
    public static func contains(_ name: String) -> Bool { all.contains(name) }
}
