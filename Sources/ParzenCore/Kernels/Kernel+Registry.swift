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
}
