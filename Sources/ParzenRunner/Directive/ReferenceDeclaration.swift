import ParzenFormat

/// What a directive fence will put on the page that prose can cite, known from the fence
/// alone — before and without running it — so `parzen check` and `render` resolve the same
/// references and number figures alike: every `{plot}` is one numbered figure; a `{compare}`
/// whose criterion writes the MLE ⇔ min-KL derivation defines the equation `eq:<label>`.
public struct ReferenceDeclaration: Sendable {
    public enum Kind: Sendable, Equatable {
        case figure
        /// A derivation numbered in the directives' own sequence, with its equation label.
        /// Unlabelled comparisons write derivations too: they are numbered, not citable.
        case derivation(label: String?)
    }

    public var kind: Kind
    /// The fence's label, under which a figure is cited.
    public var label: String?
    /// Where the fence starts.
    public var location: SourceLocation

    /// The declarations of every fence, in document order; unknown directives declare nothing.
    /// A derivation that `output:` hides (its fence's, else `defaultOutput`) is not declared:
    /// it is neither numbered nor citable.
    public static func declarations(in fences: [DirectiveFence], registry: DirectiveRegistry,
                                    defaultOutput: OutputDetail = .full) -> [ReferenceDeclaration] {
        fences.flatMap { fence -> [ReferenceDeclaration] in
            guard let directive = registry.directive(named: fence.name) else { return [] }
            let (body, _) = YAMLReader.read(
                fence.body, file: "", firstLine: fence.bodyStart.line, firstColumn: fence.bodyStart.column)
            let shown = DirectivePresentation.showsDerivations(body: body, defaults: defaultOutput)
            return directive.citables(label: fence.label, body: body).filter {
                if case .derivation = $0 { shown } else { true }
            }.map {
                ReferenceDeclaration(kind: $0, label: fence.label, location: fence.location)
            }
        }
    }
}

extension Directive {
    public static func citables(label: String?, body: YAMLValue?) -> [ReferenceDeclaration.Kind] { [] }
}
