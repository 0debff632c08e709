import ParzenFormat

/// A comparison whose criterion writes the MLE ⇔ min-KL derivation defines `eq:<label>`.
extension CompareDirective {
    public static func citables(label: String?, body: YAMLValue?) -> [ReferenceDeclaration.Kind] {
        guard writesDerivation(criterion: body?["criterion"]?.scalarText) else { return [] }
        return [.derivation(label: label.map(derivationLabel(for:)))]
    }

    /// Whether a comparison by `criterion` (nil: the default) writes the derivation.
    static func writesDerivation(criterion: String?) -> Bool {
        ["nll", "kl", "all"].contains(criterion ?? "nll")
    }

    /// The equation label of a comparison's derivation.
    public static func derivationLabel(for label: String) -> String { "eq:" + label }
}
