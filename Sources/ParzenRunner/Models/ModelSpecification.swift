import ParzenCore

/// A recipe for fitting one model to training points: what `{fit}` and `parzen fit` read
/// from their options, kept with the fitted model so that `{compare}` can refit it on every
/// fold of a k-fold split.
public struct ModelSpecification: Sendable {
    public var family: Family
    /// The KDE kernel.
    public var kernel: Kernel = .gaussian
    /// The KDE bandwidth.
    public var bandwidth: BandwidthSpecification = .rule(.defaultRule)
    /// k for `gmm`.
    public var components: Int = 2
    /// Full or diagonal covariances for `gmm`.
    public var covarianceType: GaussianMixture.CovarianceType = .full
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
    }

    /// Fits the model to `points`, as its family does.
    /// - Throws: `ModelError` from the core (too few points, singular covariance, bad
    ///   bandwidth, k too large, …).
    public func fit(_ points: PointSet) throws -> Fit {
        try family.type.fit(points, self)
    }
}
