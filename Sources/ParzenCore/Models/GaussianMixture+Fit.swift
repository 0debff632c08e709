#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GaussianMixture {
    /// Fits k components by EM (see the type's documentation for the updates).
    ///
    /// - Parameters:
    ///   - points: N ≥ k data points.
    ///   - k: the number of components.
    ///   - covarianceType: `.full` (default) or `.diagonal`.
    ///   - initialization: `.kMeansPlusPlus(seed:)` (default seed 0) or given parameters.
    ///   - regularization: λ ≥ 0 added to each covariance's diagonal (default 1e-6).
    ///   - tolerance: stop when the mean log-likelihood changes by less (default 1e-3, as scikit-learn).
    ///   - maxIterations: the most EM iterations (default 100); `convergence.converged` says
    ///     whether the tolerance was met.
    /// - Throws: `ModelError` for k outside 1...N, bad initial parameters, non-finite data,
    ///   or a singular covariance (possible only with λ = 0).
    public static func fit(_ points: PointSet, components k: Int,
                           covarianceType: CovarianceType = .full,
                           initialization: Initialization = .kMeansPlusPlus(seed: 0),
                           regularization: Double = 1e-6,
                           tolerance: Double = 1e-3,
                           maxIterations: Int = 100) throws -> GaussianMixture {
        guard k >= 1 else {
            throw ModelError.invalidParameter("the number of components k", "\(k)", expected: "k ≥ 1")
        }
        guard points.count >= max(k, 2) else {
            throw ModelError.tooFewPoints("a mixture of \(k) Gaussians", needed: max(k, 2), got: points.count)
        }
        guard points.values.allSatisfy(\.isFinite) else {
            throw ModelError(.invalidParameter, problem: "the data contain NaN or infinite values",
                             fix: "remove or impute the non-finite cells")
        }
        guard regularization >= 0, regularization.isFinite else {
            throw ModelError.invalidParameter("the regularisation λ", "\(regularization)", expected: "λ ≥ 0, e.g. 1e-6")
        }
        guard tolerance > 0, maxIterations >= 1 else {
            throw ModelError.invalidParameter("tolerance/maxIterations", "\(tolerance)/\(maxIterations)",
                                              expected: "a positive tolerance and at least one iteration")
        }
        var mixture: GaussianMixture
        switch initialization {
        case .kMeansPlusPlus(let seed):
            let labels = try kMeansLabels(points, k: k, seed: seed)
            var hard = Matrix(rows: points.count, columns: k)
            for (i, j) in labels.enumerated() { hard[i, j] = 1 }
            mixture = try maximizationStep(points, responsibilities: hard, covarianceType: covarianceType,
                                           regularization: regularization)
        case .parameters(let w, let means, let covariances):
            guard w.count == k, means.count == k, covariances.count == k else {
                throw ModelError.invalidParameter("the initial parameters", "\(w.count) weights, \(means.count) means, \(covariances.count) covariances",
                                                  expected: "k = \(k) of each")
            }
            let comps = try zip(means, covariances).map { try Gaussian(mean: $0, covariance: $1) }
            if let odd = comps.first(where: { $0.dimension != points.dimension }) {
                throw ModelError.dimensionMismatch("an initial component", expected: points.dimension, got: odd.dimension)
            }
            mixture = try GaussianMixture(weights: w, components: comps, covarianceType: covarianceType)
        }

        var history: [Double] = []
        var converged = false
        var iterations = 0
        var previous = -Double.infinity
        for _ in 0..<maxIterations {
            iterations += 1
            let (logR, current) = mixture.expectationStep(points)
            history.append(current)
            var r = logR
            for t in r.values.indices { r.values[t] = exp(r.values[t]) }
            mixture = try maximizationStep(points, responsibilities: r, covarianceType: covarianceType,
                                           regularization: regularization)
            if abs(current - previous) < tolerance {
                converged = true
                break
            }
            previous = current
        }
        let report = EMReport(iterations: iterations, logLikelihood: mixture.expectationStep(points).meanLogLikelihood,
                              history: history, converged: converged, tolerance: tolerance)
        return try GaussianMixture(weights: mixture.weights, components: mixture.components,
                                   covarianceType: covarianceType, convergence: report)
    }

    /// The M-step from responsibilities rᵢⱼ (rows: points).
    ///
    /// Nⱼ gets 10ε added, as in scikit-learn, so an empty component gives weight ≈ 0 and a
    /// finite mean instead of 0/0.
    static func maximizationStep(_ points: PointSet, responsibilities r: Matrix, covarianceType: CovarianceType,
                                 regularization: Double) throws -> GaussianMixture {
        let n = points.count, d = points.dimension, k = r.columns
        var weights: [Double] = []
        var comps: [Gaussian] = []
        for j in 0..<k {
            var nj = 10 * Double.ulpOfOne
            var mu = [Double](repeating: 0, count: d)
            for i in 0..<n {
                let rij = r[i, j]
                nj += rij
                for a in 0..<d { mu[a] += rij * points.values[i * d + a] }
            }
            for a in 0..<d { mu[a] /= nj }
            var sigma = Matrix(rows: d, columns: d)
            var residual = [Double](repeating: 0, count: d)
            for i in 0..<n {
                let rij = r[i, j]
                if rij == 0 { continue }
                for a in 0..<d { residual[a] = points.values[i * d + a] - mu[a] }
                switch covarianceType {
                case .full:
                    for a in 0..<d { for b in 0...a { sigma.values[a * d + b] += rij * residual[a] * residual[b] } }
                case .diagonal:
                    for a in 0..<d { sigma.values[a * d + a] += rij * residual[a] * residual[a] }
                }
            }
            for a in 0..<d {
                for b in 0...a {
                    let v = sigma.values[a * d + b] / nj + (a == b ? regularization : 0)
                    sigma.values[a * d + b] = v
                    sigma.values[b * d + a] = v
                }
            }
            do {
                comps.append(try Gaussian(mean: mu, covariance: sigma))
            } catch {
                throw ModelError(.degenerateData,
                                 problem: "component \(j + 1)'s covariance is singular (it sits on \(Int(nj.rounded())) point\(nj.rounded() == 1 ? "" : "s") or a flat subspace)",
                                 fix: "use a positive regularisation (e.g. 1e-6), fewer components, or a diagonal covariance")
            }
            weights.append(nj / Double(n))
        }
        // The 10ε per component make Σπⱼ = 1 + O(kε/N); renormalising would change nothing visible.
        let total = weights.reduce(0, +)
        return try GaussianMixture(weights: weights.map { $0 / total }, components: comps,
                                   covarianceType: covarianceType, convergence: nil)
    }

    /// Hard cluster labels: k-means++ seeding, then Lloyd iterations until no label changes
    /// (at most 100).
    ///
    /// k-means++ picks the first centre uniformly, then each next centre with probability
    /// proportional to D(x)², the squared distance to the nearest centre chosen so far
    /// (Arthur & Vassilvitskii, SODA 2007). Each pick uses one `nextUniform()`.
    static func kMeansLabels(_ points: PointSet, k: Int, seed: UInt64) throws -> [Int] {
        let n = points.count, d = points.dimension
        var generator = Xoshiro256StarStar(seed: seed)
        func squaredDistance(_ i: Int, _ c: [Double]) -> Double {
            var s = 0.0
            for a in 0..<d { let t = points.values[i * d + a] - c[a]; s += t * t }
            return s
        }
        var centres: [[Double]] = [Array(points[generator.nextIndex(below: n)])]
        var nearest = (0..<n).map { squaredDistance($0, centres[0]) }
        while centres.count < k {
            let total = nearest.reduce(0, +)
            guard total > 0 else {
                throw ModelError(.degenerateData,
                                 problem: "the data have only \(centres.count) distinct point\(centres.count == 1 ? "" : "s"), fewer than k = \(k) components",
                                 fix: "use fewer components")
            }
            let target = generator.nextUniform() * total
            var cumulative = 0.0
            var pick = n - 1
            for i in 0..<n {
                cumulative += nearest[i]
                if cumulative > target { pick = i; break }
            }
            let centre = Array(points[pick])
            centres.append(centre)
            for i in 0..<n { nearest[i] = min(nearest[i], squaredDistance(i, centre)) }
        }
        var labels = [Int](repeating: -1, count: n)
        for _ in 0..<100 {
            var changed = false
            for i in 0..<n {
                var best = 0, bestDistance = Double.infinity
                for j in 0..<k {
                    let dist = squaredDistance(i, centres[j])
                    if dist < bestDistance { best = j; bestDistance = dist }
                }
                if labels[i] != best { labels[i] = best; changed = true }
            }
            if !changed { break }
            var sums = [[Double]](repeating: [Double](repeating: 0, count: d), count: k)
            var counts = [Int](repeating: 0, count: k)
            for i in 0..<n {
                counts[labels[i]] += 1
                for a in 0..<d { sums[labels[i]][a] += points.values[i * d + a] }
            }
            // An emptied cluster keeps its old centre, so it can win points back.
            for j in 0..<k where counts[j] > 0 { centres[j] = sums[j].map { $0 / Double(counts[j]) } }
        }
        return labels
    }
}
