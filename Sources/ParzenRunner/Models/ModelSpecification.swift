import ParzenCore

/// A recipe for fitting one model to training points: what `{fit}` and `parzen fit` read
/// from their options, kept with the fitted model so that `{compare}` can refit it on every
/// fold of a k-fold split.
public struct ModelSpecification: Sendable, Codable {
    public var family: Family
    /// The KDE kernel.
    public var kernel: Kernel = .gaussian
    /// The KDE bandwidth.
    public var bandwidth: BandwidthSpecification = .rule(.defaultRule)
    /// k for `gmm`.
    public var components: Int = 2
    /// The covariance shape of each `gmm` component: full, diagonal, spherical or tied.
    public var covarianceType: GaussianMixture.CovarianceType = .full
    /// k-means++ starts of EM for `gmm`; the best of them is kept.
    public var restarts: Int = 10
    /// When EM stops for `gmm`: a bound on the relative change of the mean log-likelihood.
    public var tolerance: EMTolerance = .relative(1e-10)
    /// The most EM iterations per start for `gmm`.
    public var maxIterations: Int = 1000
    /// The support of 1-D data for a `kde` reflected at its ends; nil for an unbounded KDE.
    public var boundary: DensityBoundary?
    /// k for `ppca` and `latent`.
    public var latentDimension: Int = 1
    /// G for `latent`.
    public var decoder: Decoder = .linear
    /// Importance samples per point for `latent`.
    public var importanceSamples: Int = 500
    /// Divide the Gaussian's covariance by N − 1 instead of N.
    public var unbiased: Bool = false
    /// Seeds k-means++ (gmm), the tanh network's weights and the importance sampler (latent).
    public var seed: UInt64 = 0

    public init(family: Family) {
        self.family = family
    }

    /// What a fit produced: the model and, for a KDE, the bandwidth and how it was chosen.
    public struct Fit: Sendable {
        public var model: any DensityModel
        public var bandwidth: Bandwidth?
        /// How the bandwidth was chosen ("chosen by Scott's rule …").
        public var bandwidthChoice: [Inline]?
        /// The rule that chose the bandwidth and, when it replaced the one asked for (ISJ
        /// without a root), why: a warning at the `bandwidth` option. Nil for a given bandwidth.
        public var bandwidthSelection: BandwidthSelection?

        public init(model: any DensityModel, bandwidth: Bandwidth? = nil, bandwidthChoice: [Inline]? = nil,
                    bandwidthSelection: BandwidthSelection? = nil) {
            self.model = model
            self.bandwidth = bandwidth
            self.bandwidthChoice = bandwidthChoice
            self.bandwidthSelection = bandwidthSelection
        }
    }

    /// Fits the model to `points`, as its family does.
    /// - Throws: `ModelError` from the core (too few points, singular covariance, bad
    ///   bandwidth, k too large, …).
    public func fit(_ points: PointSet) throws -> Fit {
        try family.type.fit(points, self)
    }
}
