extension PointSet {
    /// The sample mean x̄ = (1/N) Σᵢ xᵢ, one entry per coordinate.
    ///
    /// Computed in two passes: the plain mean, then the mean of the residuals added back
    /// as a correction, which cancels most of the rounding of the first sum (the "corrected
    /// two-pass" algorithm; Chan, Golub & LeVeque, Am. Stat. 37(3), 1983).
    /// - Precondition: at least one point. Cost: 2·N·d additions.
    public func mean() -> [Double] {
        precondition(count > 0, "the mean of an empty point set is undefined")
        let d = dimension, n = Double(count)
        var m = [Double](repeating: 0, count: d)
        for i in 0..<count { for k in 0..<d { m[k] += values[i * d + k] } }
        for k in 0..<d { m[k] /= n }
        var correction = [Double](repeating: 0, count: d)
        for i in 0..<count { for k in 0..<d { correction[k] += values[i * d + k] - m[k] } }
        for k in 0..<d { m[k] += correction[k] / n }
        return m
    }

    /// The sample covariance about the sample mean, with the chosen normalisation.
    ///
    /// ```
    /// Σ̂ = (1/D) Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ,   D = N (maximum likelihood) or N − 1 (unbiased)
    /// ```
    /// - Precondition: N ≥ 1 (N ≥ 2 for `.unbiased`); callers that take user data check
    ///   this first and throw `ModelError.tooFewPoints`.
    /// - Accuracy: two-pass about x̄, so no cancellation between Σx² and (Σx)².
    /// - Cost: N·d² multiply-adds.
    public func covariance(_ estimator: CovarianceEstimator = .maximumLikelihood) -> Matrix {
        covariance(about: mean(), estimator)
    }

    /// The scatter (1/D) Σᵢ (xᵢ − c)(xᵢ − c)ᵀ about a given centre c, e.g. a known mean.
    public func covariance(about centre: [Double], _ estimator: CovarianceEstimator = .maximumLikelihood) -> Matrix {
        precondition(centre.count == dimension, "centre has dimension \(centre.count), points have \(dimension)")
        precondition(count >= estimator.minimumCount, "the covariance needs at least \(estimator.minimumCount) points")
        let d = dimension
        var c = Matrix(rows: d, columns: d)
        var r = [Double](repeating: 0, count: d)
        for i in 0..<count {
            for k in 0..<d { r[k] = values[i * d + k] - centre[k] }
            for a in 0..<d {
                let ra = r[a]
                for b in 0...a { c.values[a * d + b] += ra * r[b] }
            }
        }
        let divisor = estimator.divisor(count: count)
        for a in 0..<d {
            for b in 0...a {
                let v = c.values[a * d + b] / divisor
                c.values[a * d + b] = v
                c.values[b * d + a] = v
            }
        }
        return c
    }
}
