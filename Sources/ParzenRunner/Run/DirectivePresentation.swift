import ParzenFormat

/// How one directive is shown: its source above its output (`echo`), and how much of its
/// output (`output`). Each directive's own options win over the notebook's defaults (front
/// matter, or `parzen.yml`'s `defaults:`). Neither changes what is computed: both are left
/// out of cache keys and seeds (`ResultKey.presentationOptions`).
public struct DirectivePresentation: Sendable, Equatable {
    public var echo: Bool
    public var output: OutputDetail

    public init(echo: Bool = false, output: OutputDetail = .full) {
        self.echo = echo
        self.output = output
    }

    /// The notebook's defaults, from its front matter.
    public init(_ frontMatter: FrontMatter) {
        self.init(echo: frontMatter.echo, output: frontMatter.output)
    }

    /// `call`'s own `echo:` and `output:` over `defaults`.
    init(_ call: DirectiveCall, defaults: DirectivePresentation) {
        echo = call.options.boolean("echo") ?? defaults.echo
        output = call.options.text("output").flatMap(OutputDetail.init(rawValue:)) ?? defaults.output
    }

    /// Whether `block` is shown: figures and tables always; formulas from `brief` on; sentences
    /// and derivations only in `full`.
    public func shows(_ block: OutputBlock) -> Bool {
        switch block {
        case .figure, .table: true
        case .equation: output != .none
        case .paragraph, .derivation: output == .full
        }
    }

    /// Whether a fence shows the derivation it declares (known from its body, before it runs,
    /// for the numbering of derivations): only in `full`.
    static func showsDerivations(body: YAMLValue?, defaults: OutputDetail) -> Bool {
        (body?["output"]?.scalarText.flatMap(OutputDetail.init(rawValue:)) ?? defaults) == .full
    }
}
