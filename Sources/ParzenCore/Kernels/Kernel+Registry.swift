extension Kernel {
    /// Every built-in kernel, in the order help lists them. The runner builds "did you mean"
    /// from `builtInNames` (ParzenFormat's `Suggestion`); formula kernels are written
    /// `formula: <expression in x>` and built by `FormulaKernel(source:)`, radial ones
    /// `radial: <expression in r>` and built by `RadialFormulaKernel(source:)`.
    public static let builtIn: [Kernel] = [
        .gaussian, .epanechnikov, .tophat, .exponential, .linear, .cosine, .biweight, .triweight,
    ]

    /// The names of the built-in kernels, as accepted by `Kernel(named:)`.
    public static var builtInNames: [String] { builtIn.map(\.name) }

    /// The built-in kernel with this name (exact, lower-case spelling), or nil.
    public init?(named name: String) {
        guard let kernel = Kernel.builtIn.first(where: { $0.name == name }) else { return nil }
        self = kernel
    }

    /// One line for help: profile, support and variance in 1-D with scale h, e.g.
    /// `epanechnikov  k(r) = 1 − r², support |u| < h, variance h²/5`.
    public var helpLine: String {
        let profile: String
        switch self {
        case .gaussian: profile = "k(r) = exp(−r²/2), support ℝ, variance h²"
        case .epanechnikov: profile = "k(r) = 1 − r², support |u| < h, variance h²/5"
        case .tophat: profile = "k(r) = 1, support |u| < h, variance h²/3"
        case .exponential: profile = "k(r) = exp(−r), support ℝ, variance 2h²"
        case .linear: profile = "k(r) = 1 − r, support |u| < h, variance h²/6"
        case .cosine: profile = "k(r) = cos(πr/2), support |u| < h, variance (1 − 8/π²)h²"
        case .biweight: profile = "k(r) = (1 − r²)², support |u| < h, variance h²/7"
        case .triweight: profile = "k(r) = (1 − r²)³, support |u| < h, variance h²/9"
        case .formula(let f): profile = "K(x) ∝ \(f.source), 1-D, variance \(f.variance)h²"
        case .radial(let f): profile = "k(r) ∝ \(f.source), up to \(f.maximumDimension)-D"
        }
        return "\(name)  \(profile)"
    }
}
