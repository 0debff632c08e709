import ParzenFormat

/// A comparison whose criterion writes the MLE ⇔ min-KL derivation defines `eq:<label>`; one
/// written `on: train` does not, since a training NLL is no estimate of the KL divergence.
extension CompareDirective {
    public static func citables(label: String?, body: YAMLValue?) -> [ReferenceDeclaration.Kind] {
        // Known from the fence alone: `on:` left out means held-out data when the data set has
        // some, which only the run knows, so only a written `on: train` declares no derivation.
        guard writesDerivation(criterion: body?["criterion"]?.scalarText, on: body?["on"]?.scalarText) else {
            return []
        }
        return [.derivation(label: label.map(derivationLabel(for:)))]
    }

    /// Whether a comparison by `criterion` (nil: the default) on `on` (nil: not written) writes the
    /// derivation: for NLLs of held-out or cross-validated points, never for training points.
    static func writesDerivation(criterion: String?, on: String?) -> Bool {
        ["nll", "kl", "all"].contains(criterion ?? "nll") && on != "train"
    }

    /// The equation label of a comparison's derivation.
    public static func derivationLabel(for label: String) -> String { "eq:" + label }
}
