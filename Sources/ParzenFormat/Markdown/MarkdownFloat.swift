/// A MyST `{figure}` or `{table}`: numbered content with a caption and an optional label,
/// cited with `{ref}` or `{numref}` ("Figure 2", "Table 1").
///
///     ```{figure} plots/iris.png
///     :name: fig-iris
///     :alt: Petal length against width
///     :width: 80%
///     The iris data, coloured by species.
///     ```
///
///     ```{table} Held-out NLL per model
///     :name: tab-nll
///     | model | NLL |
///     |---|---:|
///     | kde | 1.669 |
///     ```
public struct MarkdownFloat: Sendable, Hashable {
    /// What is numbered: a local image or a GFM table.
    public enum Content: Sendable, Hashable {
        /// `{figure} path`: the path as written and where it starts; `alt` from `:alt:`,
        /// `width` from `:width:` (a CSS length such as `80%` or `300px`).
        case image(path: String, at: SourceLocation, alt: String?, width: String?)
        /// `{table} Caption`: the table in the body.
        case table(MarkdownTable)
    }

    /// The image or the table.
    public var content: Content
    /// The caption: a figure's body, or a table's argument as one paragraph; empty when none.
    public var caption: [MarkdownBlock]
    /// The label from `:name:`, if any.
    public var name: String?
    /// CSS classes from `:class:`, in the order written.
    public var classes: [String]
    /// The fence as written, for writers that keep the author's source (ipynb) and its lines.
    public var fence: DirectiveFence

    /// A float from its parts.
    public init(content: Content, caption: [MarkdownBlock], name: String? = nil, classes: [String] = [],
                fence: DirectiveFence) {
        self.content = content
        self.caption = caption
        self.name = name
        self.classes = classes
        self.fence = fence
    }

    /// The opening fence, where the float is counted and what diagnostics point at.
    public var location: SourceLocation { fence.location }

    /// `true` for `{figure}`, which is numbered with the plots; `{table}`s have numbers of their own.
    public var isFigure: Bool {
        if case .image = content { return true }
        return false
    }
}
