/// Log-densities of a model at Monte Carlo draws, for the estimates that average them (KL
/// divergence, cross-entropy, entropy), with how they were computed and the error each
/// average inherits from that computation (not the Monte Carlo error, which the SE measures).
///
/// A Gaussian KDE in 1-D or 2-D is evaluated through the binned grid (`BinnedGaussianSum`,
/// designed for 10⁻¹⁰ per point, off-grid draws exact) wherever that costs less than the exact
/// sum (`KernelDensityEstimate.binningIsCheaper`), and the result is kept only as far as its
/// computed bound allows:
///
/// ```
/// |Ẽ − E| ≤ B = (1/M) Σⱼ bⱼ ≤ f·SE,   f = 10⁻³
/// ```
/// for every estimate E = (1/M) Σⱼ (aⱼ − log p(xⱼ)) the values enter (aⱼ = 0 for the entropy
/// or cross-entropy, log p_data(xⱼ) for a KL), bⱼ the per-draw bound on |log p̃(xⱼ) − log p(xⱼ)|
/// and SE the estimate's Monte Carlo standard error, computed from the binned values. Draws are
/// evaluated exactly, largest bound first, until B ≤ f·SE; if B still exceeds f·SE of the
/// values that result (SE = 0, e.g. a model against itself), every draw is exact. Any other
/// model is evaluated exactly, B = 0.
///
/// Why f = 10⁻³: the estimate is read as value ± SE. An evaluation error of at most SE/1000
/// shifts a ±2 SE interval by a 2000th of its width and the value by far less than the SE's
/// second significant digit, at which it is printed, so the binned estimate is as good as the
/// exact one for every reading of it; the SE itself changes by less than B (the bⱼ bound every
/// term's change). Deterministic: the same draws give the same grid, the same values and the
/// same choice of exact draws.
///
/// - Cost: binned, O(N·p + M·p) plus a small FFT (p = 8 taps in 1-D, 12² in 2-D) — 20,000 draws
///   of a 400-point 1-D KDE in about a millisecond instead of several; exact draws as
///   `logDensities(at:)`.
public struct MonteCarloLogDensities: Sendable, Equatable {
    /// log p(xⱼ) at every draw, in order.
    public private(set) var values: [Double]
    /// Per draw, a bound on |log p̃(xⱼ) − log p(xⱼ)| (0 where evaluated exactly).
    public private(set) var errorBounds: [Double]
    /// How many draws were evaluated by the exact sum.
    public private(set) var exactPoints: Int

    /// The fraction f of the standard error that the evaluation error of an estimate may reach.
    public static let standardErrorFraction = 1e-3
    /// The per-point tolerance the grid is designed for (its cost grows only as tol^{−1/p}).
    static let gridTolerance = 1e-10

    /// `.exact` when every draw was evaluated exactly, otherwise `.binned`.
    public var method: DensityEvaluation { exactPoints == values.count ? .exact : .binned }

    /// B = (1/M) Σⱼ bⱼ, the bound on the evaluation error of any average of ±log p(xⱼ) plus
    /// exactly known terms.
    public var bound: Double { errorBounds.reduce(0, +) / Double(values.count) }

    /// `model` at `draws`, for the averages −log p (cross-entropy, entropy) and, with `minuend`
    /// aⱼ, a − log p (KL(p_data ‖ p) with aⱼ = log p_data(xⱼ)): B ≤ f·SE of each.
    public init(_ model: some DensityModel, at draws: PointSet, minuend: [Double]? = nil,
                fraction: Double = standardErrorFraction) {
        precondition(minuend.map { $0.count == draws.count } ?? true, "one minuend term per draw")
        var parts = [Self(candidate: model, at: draws)]
        Self.meet(&parts, of: [model], at: draws, fraction: fraction) { values in
            let own = Estimate(meanOf: values[0].map { -$0 }).standardError
            guard let minuend else { return own }
            return min(own, Estimate(meanOf: zip(minuend, values[0]).map { $0 - $1 }).standardError)
        }
        self = parts[0]
    }

    /// Binned on the grid designed for `tolerance` per point where that is cheaper (off-grid draws
    /// exact, their bounds 0), exact otherwise.
    init(candidate model: some DensityModel, at draws: PointSet, tolerance: Double = gridTolerance) {
        if let kde = model as? KernelDensityEstimate, kde.binningIsCheaper(at: draws, tolerance: tolerance) {
            let evaluation = kde.logDensities(at: draws, method: .binned, tolerance: tolerance)
            values = evaluation.values
            errorBounds = evaluation.errorBounds
            exactPoints = evaluation.exactPoints
        } else {
            values = model.logDensities(at: draws)
            errorBounds = [Double](repeating: 0, count: values.count)
            exactPoints = values.count
        }
    }

    /// Evaluates draws of `parts` (one per model, at the same draws) exactly, largest summed
    /// bound first, until the summed bound B is at most `fraction` times `standardError` of
    /// the parts' values; all of them when that fails.
    static func meet(_ parts: inout [Self], of models: [any DensityModel], at draws: PointSet, fraction: Double,
                     standardError: ([[Double]]) -> Double) {
        let m = draws.count
        func perDraw() -> [Double] { (0..<m).map { j in parts.reduce(0) { $0 + $1.errorBounds[j] } } }
        func met(_ bounds: [Double]) -> Bool {
            bounds.reduce(0, +) <= fraction * standardError(parts.map(\.values)) * Double(m)
        }
        let bounds = perDraw()
        guard bounds.contains(where: { $0 > 0 }) else { return }
        let budget = fraction * standardError(parts.map(\.values)) * Double(m)
        var remaining = bounds.reduce(0, +), redo: [Int] = []
        guard !(remaining <= budget) else { return }
        // Only draws above the average allowance budget/M can be needed: together the others
        // sum to at most the budget. Ties broken by index, so that the choice is deterministic.
        let candidates = bounds.indices.filter { bounds[$0] > budget / Double(m) }
        for j in candidates.sorted(by: { (bounds[$0], $1) > (bounds[$1], $0) }) {
            guard !(remaining <= budget) else { break }
            redo.append(j)
            remaining -= bounds[j]
        }
        for k in parts.indices { parts[k].evaluateExactly(redo, of: models[k], at: draws) }
        guard !met(perDraw()) else { return }
        for k in parts.indices { parts[k].evaluateExactly(Array(0..<m), of: models[k], at: draws) }
    }

    /// Replaces the values at `indices` that carry a bound by the exact ones.
    private mutating func evaluateExactly(_ indices: [Int], of model: any DensityModel, at draws: PointSet) {
        let redo = indices.filter { errorBounds[$0] > 0 }
        guard !redo.isEmpty else { return }
        let exact = model.logDensities(at: draws.selecting(redo))
        for (k, j) in redo.enumerated() { values[j] = exact[k]; errorBounds[j] = 0 }
        exactPoints += redo.count
    }
}
