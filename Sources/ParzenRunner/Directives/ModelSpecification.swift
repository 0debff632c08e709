import ParzenCore

/// A recipe for fitting one model to training points: what `{fit}` and `parzen fit` read
/// from their options, kept with the fitted model so that `{compare}` can refit it on every
/// fold of a k-fold split.
public struct ModelSpecification: Sendable {
    /// The model families.
    public enum Family: String, Sendable, CaseIterable {
        /// One Gaussian N(μ, Σ) by maximum likelihood.
        case gaussian
        /// A kernel density estimate (Parzen window).
        case kde
        /// The empirical distribution (1/N) Σ δ(x − oᵢ).
        case empirical
        /// A Gaussian mixture fitted by EM.
        case gmm
        /// Probabilistic PCA, the linear-Gaussian latent model, closed-form MLE.
        case ppca
        /// A latent model z ∼ N(0, I), x = G(z) + ε with log p(x) estimated by importance sampling.
        case latent
    }

    /// The decoder G of a `latent` model.
    public enum Decoder: String, Sendable, CaseIterable {
        /// G(z) = W z + μ with W, μ, σ² from the pPCA fit: the exact marginal is known, so
        /// the Monte Carlo estimate can be checked.
        case linear
        /// A fixed one-hidden-layer tanh network (16 hidden units) with seeded random weights,
        /// shifted to the data's mean, and noise σ² = a quarter of the data's mean variance:
        /// nothing is learned; it shows the intractable marginal, not a good fit.
        case tanh
    }

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

    /// Fits the model to `points`.
    /// - Throws: `ModelError` from the core (too few points, singular covariance, bad
    ///   bandwidth, k too large, …).
    public func fit(_ points: PointSet) throws -> Fit {
        switch family {
        case .gaussian:
            return Fit(model: try Gaussian.fit(points, estimator: unbiased ? .unbiased : .maximumLikelihood))
        case .kde:
            let (bandwidth, how) = try self.bandwidth.resolve(for: points, kernel: kernel)
            return Fit(model: try KernelDensityEstimate(data: points, kernel: kernel, bandwidth: bandwidth), bandwidth: bandwidth, bandwidthChoice: how)
        case .empirical:
            return Fit(model: try EmpiricalDistribution(data: points))
        case .gmm:
            let mixture = try GaussianMixture.fit(points, components: components, covarianceType: covarianceType,
                                                  initialization: .kMeansPlusPlus(seed: seed))
            return Fit(model: mixture)
        case .ppca:
            return Fit(model: try fitPPCA(points))
        case .latent:
            let decoder: any LatentDecoder
            let noise: Double
            switch self.decoder {
            case .linear:
                let ppca = try fitPPCA(points)
                decoder = try LinearDecoder(weights: ppca.loadings, offset: ppca.mean)
                noise = ppca.noiseVariance
            case .tanh:
                let network = TanhNetworkDecoder.random(latentDimension: latentDimension, hidden: 16, outputDimension: points.dimension, seed: seed)
                let mean = points.mean()
                decoder = try TanhNetworkDecoder(inputWeights: network.inputWeights, hiddenBias: network.hiddenBias,
                                                 outputWeights: network.outputWeights, outputBias: zip(network.outputBias, mean).map(+))
                // Not fitted: a quarter of the mean per-coordinate variance, so the noise is
                // visible but does not swamp the decoder (see `Decoder.tanh`).
                noise = Moments(of: points).covariance.trace / Double(points.dimension) / 4
            }
            return Fit(model: try LatentVariableModel(decoder: decoder, noiseVariance: noise, evaluationSamples: importanceSamples, evaluationSeed: seed))
        }
    }

    private func fitPPCA(_ points: PointSet) throws -> ProbabilisticPCA {
        guard points.dimension >= 2 else {
            throw ModelError(.invalidParameter, problem: "probabilistic PCA needs at least 2 columns (k < d), the data have 1",
                             fix: "select two or more columns, or use model: gaussian")
        }
        return try ProbabilisticPCA.fit(points, latentDimension: latentDimension)
    }
}
