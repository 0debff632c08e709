/// Probabilistic principal component analysis: the linear-Gaussian latent-variable model
///
/// ```
/// z ∼ N(0, I_k),   x = W z + μ + ε,   ε ∼ N(0, σ² I_d)
/// p(x) = N(x | μ, C),   C = W Wᵀ + σ² I_d
/// ```
/// whose marginal is exact, so it is the yardstick for the Monte Carlo estimates of the
/// nonlinear `LatentVariableModel`.
///
/// The maximum-likelihood fit has a closed form (Tipping & Bishop 1999, eqs. 7–8): with
/// S = U Λ Uᵀ the eigendecomposition of the sample covariance (λ₁ ≥ … ≥ λ_d),
///
/// ```
/// μ̂ = x̄,   σ̂² = (1/(d − k)) Σ_{j>k} λⱼ,   Ŵ = U_k (Λ_k − σ̂² I)^{1/2} R
/// ```
/// for any rotation R; Parzen takes R = I, so the columns of Ŵ are the principal axes
/// scaled by the variance they explain beyond the noise. Only W Wᵀ is identifiable.
///
/// - Domain: 1 ≤ k < d and N ≥ k + 2; throws `ModelError` when σ̂² = 0 (the data lie in a
///   k-dimensional affine subspace: choose a smaller k).
/// - Accuracy: eigenvalues by Jacobi to ~ε‖S‖; log-densities match scikit-learn's
///   `PCA.score_samples` (with `.unbiased`, its convention) and scipy on the MLE to ~1e-13.
/// - Cost: N·d² for S, O(d³) for the eigendecomposition and the marginal.
/// - Reference: M. E. Tipping and C. M. Bishop, "Probabilistic principal component
///   analysis", J. R. Statist. Soc. B 61(3), 611–622, 1999.
public struct ProbabilisticPCA: Sendable, Equatable {
    /// The mean μ.
    public let mean: [Double]
    /// The loadings W (d × k); determined up to a rotation W·R.
    public let loadings: Matrix
    /// The isotropic noise variance σ².
    public let noiseVariance: Double
    /// The exact marginal N(μ, W Wᵀ + σ² I).
    public let marginal: Gaussian

    /// The model with given parameters.
    /// - Throws: `ModelError` when the sizes disagree or σ² ≤ 0.
    public init(mean: [Double], loadings: Matrix, noiseVariance: Double) throws {
        guard loadings.rows == mean.count else {
            throw ModelError.dimensionMismatch(
                "the loadings W (\(loadings.rows)×\(loadings.columns))", expected: mean.count, got: loadings.rows)
        }
        guard noiseVariance > 0, noiseVariance.isFinite else {
            throw ModelError.invalidParameter("σ²", "\(noiseVariance)", expected: "a positive noise variance")
        }
        self.mean = mean
        self.loadings = loadings
        self.noiseVariance = noiseVariance
        let c = (loadings * loadings.transposed).addingToDiagonal(noiseVariance)
        marginal = try Gaussian(mean: mean, covariance: c)
    }

    /// The closed-form maximum-likelihood fit with k latent dimensions.
    ///
    /// `estimator` picks the sample covariance S: `.maximumLikelihood` (1/N) is Tipping &
    /// Bishop's MLE; `.unbiased` (1/(N−1)) reproduces scikit-learn's `PCA` scores when
    /// N > d (with N ≤ d scikit-learn averages the discarded variances over min(N, d) − k
    /// components instead of d − k, so σ² differs).
    /// - Throws: `ModelError` for k outside 1..<d, N < k + 2 (then σ̂² = 0 necessarily),
    ///   non-finite data, or σ̂² = 0.
    public static func fit(_ points: PointSet, latentDimension k: Int,
                           estimator: CovarianceEstimator = .maximumLikelihood) throws -> ProbabilisticPCA {
        let d = points.dimension
        guard k >= 1, k < d else {
            throw ModelError.invalidParameter("the latent dimension k", "\(k)", expected: "1 ≤ k < d = \(d)")
        }
        // N points span at most N − 1 directions; σ² > 0 needs more than k of them.
        guard points.count >= k + 2 else {
            throw ModelError.tooFewPoints("probabilistic PCA with k = \(k)", needed: k + 2, got: points.count,
                                          fix: "provide more points or choose a smaller latent dimension k")
        }
        guard points.values.allSatisfy(\.isFinite) else {
            throw ModelError(.invalidParameter, problem: "the data contain NaN or infinite values",
                             fix: "remove or impute the non-finite cells")
        }
        let mu = points.mean()
        let eigen = SymmetricEigendecomposition(points.covariance(about: mu, estimator))
        let discarded = eigen.eigenvalues[k...]
        let sigma2 = discarded.reduce(0, +) / Double(d - k)
        guard sigma2 > Double.ulpOfOne * max(eigen.eigenvalues[0], Double.leastNormalMagnitude) * Double(d) else {
            throw ModelError(.degenerateData,
                             problem: "the data lie in a \(k)-dimensional subspace, so the noise variance σ² is 0",
                             fix: "choose a latent dimension smaller than \(k)")
        }
        var w = Matrix(rows: d, columns: k)
        for j in 0..<k {
            let scale = max(eigen.eigenvalues[j] - sigma2, 0).squareRoot()
            for i in 0..<d { w[i, j] = eigen.eigenvectors[i, j] * scale }
        }
        return try ProbabilisticPCA(mean: mu, loadings: w, noiseVariance: sigma2)
    }

    /// The observed dimension d.
    public var dimension: Int { mean.count }
    /// The latent dimension k.
    public var latentDimension: Int { loadings.columns }

    /// The exact posterior p(z | x) = N(M⁻¹Wᵀ(x − μ), σ² M⁻¹), M = WᵀW + σ² I_k
    /// (Tipping & Bishop 1999, eq. 6). Cost O(d·k² + k³).
    public func posterior(at x: [Double]) -> Gaussian {
        precondition(x.count == dimension, "point has dimension \(x.count), model has \(dimension)")
        let m = (loadings.transposed * loadings).addingToDiagonal(noiseVariance)
        // M is positive definite for σ² > 0, so the factorisation cannot fail.
        let mFactor = try! Cholesky(m)
        let projected = loadings.transposed * zip(x, mean).map { $0 - $1 }
        let posteriorMean = mFactor.solve(projected)
        return try! Gaussian(mean: posteriorMean, covariance: noiseVariance * mFactor.inverse)
    }
}
