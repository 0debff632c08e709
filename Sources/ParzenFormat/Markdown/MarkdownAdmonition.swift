/// A MyST admonition (`{note}`, `{warning}`, `{admonition} Title`, …) or `{dropdown}`: a
/// fenced block whose body is Markdown, written in backtick or colon fences.
///
///     :::{warning} Held-out data
///     :class: wide
///     The training NLL favours the most flexible model.
///     :::
public struct MarkdownAdmonition: Sendable, Hashable {
    /// The directive the author wrote; the raw value is its MyST name.
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case note, tip, hint, important, seealso, attention, caution, warning, danger, error
        /// `{admonition} Title`: a titled box with no kind of its own (style it with `:class:`).
        case admonition
        /// `{dropdown} Title`: a disclosure, closed unless `:open:` is given.
        case dropdown
        /// `{margin}` (title optional): a side note, beside the text on wide screens and in
        /// line on narrow ones.
        case margin

        /// The title shown when the author gives none (`nil`: the author must give one; empty:
        /// none is shown).
        public var defaultTitle: String? {
            switch self {
            case .note: "Note"
            case .tip: "Tip"
            case .hint: "Hint"
            case .important: "Important"
            case .seealso: "See also"
            case .attention: "Attention"
            case .caution: "Caution"
            case .warning: "Warning"
            case .danger: "Danger"
            case .error: "Error"
            case .dropdown: "Details"
            case .margin: ""
            case .admonition: nil
            }
        }

        /// The `:option:` lines this kind accepts at the top of its body.
        var options: [String] {
            self == .dropdown ? ["class", "name", "open"] : ["class", "name"]
        }
    }

    /// Which directive it is.
    public var kind: Kind
    /// The title written after `{name}`; empty when none was given (``Kind/defaultTitle`` is shown).
    public var title: [MarkdownInline]
    /// CSS classes from `:class:`, in the order written.
    public var classes: [String]
    /// The anchor from `:name:` (an `id`), if any.
    public var name: String?
    /// `:open:` on a dropdown: shown expanded.
    public var isOpen: Bool
    /// The body, parsed as Markdown (directives inside it are fences like any other).
    public var blocks: [MarkdownBlock]

    /// An admonition from its parts.
    public init(kind: Kind, title: [MarkdownInline], classes: [String] = [], name: String? = nil,
                isOpen: Bool = false, blocks: [MarkdownBlock]) {
        self.kind = kind
        self.title = title
        self.classes = classes
        self.name = name
        self.isOpen = isOpen
        self.blocks = blocks
    }
}
