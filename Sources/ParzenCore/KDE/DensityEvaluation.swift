/// How a kernel density estimate is evaluated at many points.
public enum DensityEvaluation: String, Sendable, Equatable, CaseIterable {
    /// The exact sum over all data points at every query (N terms each, on all cores).
    case exact
    /// The binned sum (`BinnedGaussianSum`: Lagrange spreading, FFT, Lagrange gathering) with
    /// its computed error bound reported whatever it is; queries off the grid are exact.
    case binned
    /// Binned where its computed bound meets the tolerance, exact at the other points; exact
    /// everywhere when binning does not apply (not a Gaussian kernel, d > 2) or does not pay
    /// (fewer than 2²⁶ kernel terms in all, ~50 ms exact: small notebooks stay exact).
    case auto
}

/// Log-densities at many points, with how they were computed and a bound on their error.
public struct LogDensityEvaluation: Sendable, Equatable {
    /// log p(xⱼ) for every query point, in order.
    public let values: [Double]
    /// `.exact` or `.binned` (never `.auto`: the method auto chose). `.binned` may include
    /// some exactly evaluated points (`exactPoints`).
    public let method: DensityEvaluation
    /// Per point, a bound on |log p̃(xⱼ) − log p(xⱼ)| (0 for exactly evaluated points, whose
    /// error is rounding only, ~N·ε relative); +∞ where the binned bound does not even keep p̃
    /// positive.
    public let errorBounds: [Double]
    /// How many points were evaluated by the exact sum.
    public let exactPoints: Int

    /// The largest per-point bound.
    public var maximumErrorBound: Double { errorBounds.max() ?? 0 }
}
