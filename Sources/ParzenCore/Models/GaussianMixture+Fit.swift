import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GaussianMixture {
    /// Fits k components by EM from `restarts` k-means++ starts and keeps the run with the
    /// highest likelihood (see the type's documentation for the updates).
    ///
    /// Start r (r = 0 … restarts − 1) is seeded with `seed &+ r`, so each run is exactly
    /// `fit(…, initialization: .kMeansPlusPlus(seed: seed &+ r), restarts: 1)`; `restarts`
    /// lists every run's report and `bestRestart` says which was kept (the first of equal
    /// likelihoods). EM climbs to the nearest stationary point, and different starts can
    /// reach different ones (with tied covariances, Old Faithful has one at NLL 4.74190 with
    /// both means at the data's mean, the maximum being 4.19186): more starts make the
    /// global maximum likelier, at proportional cost.
    ///
    /// - Parameters:
    ///   - points: N ≥ k data points.
    ///   - k: the number of components.
    ///   - covarianceType: `.full` (default), `.diagonal`, `.spherical` or `.tied`.
    ///   - initialization: `.kMeansPlusPlus(seed:)` (default seed 0) or given parameters
    ///     (one run; `restarts` must then be 1).
    ///   - restarts: the number of k-means++ starts (default 10).
    ///   - regularization: λ ≥ 0 added to each covariance's diagonal (default 1e-6).
    ///   - tolerance: when a run stops (default `.relative(1e-10)`; scikit-learn's rule is
    ///     `.absolute(1e-3)`).
    ///   - maxIterations: the most EM iterations per run (default 1000); a run cut off
    ///     there reports `converged == false`.
    /// - Throws: `ModelError` for k outside 1...N, restarts < 1 (or ≠ 1 with given
    ///   parameters), bad initial parameters, non-finite data, or a singular covariance
    ///   (possible only with λ = 0).
    /// - Cost: restarts × iterations × O(N·k·d²), the starts and their runs spread over every core.
    public static func fit(_ points: PointSet, components k: Int,
                           covarianceType: CovarianceType = .full,
                           initialization: Initialization = .kMeansPlusPlus(seed: 0),
                           restarts: Int = 10,
                           regularization: Double = 1e-6,
                           tolerance: EMTolerance = .relative(1e-10),
                           maxIterations: Int = 1000) throws -> GaussianMixture {
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
        guard tolerance.value > 0, maxIterations >= 1 else {
            throw ModelError.invalidParameter("tolerance/maxIterations", "\(tolerance.value)/\(maxIterations)",
                                              expected: "a positive tolerance and at least one iteration")
        }
        guard restarts >= 1 else {
            throw ModelError.invalidParameter("restarts", "\(restarts)", expected: "at least one start")
        }
        let starts: [GaussianMixture]
        switch initialization {
        case .kMeansPlusPlus(let seed):
            starts = try inOrder(restarts) { r in
                let labels = try kMeansLabels(points, k: k, seed: seed &+ UInt64(r))
                var hard = Matrix(rows: points.count, columns: k)
                for (i, j) in labels.enumerated() { hard[i, j] = 1 }
                return try maximizationStep(points, responsibilities: hard, covarianceType: covarianceType,
                                            regularization: regularization)
            }
        case .parameters(let w, let means, let covariances):
            guard restarts == 1 else {
                throw ModelError.invalidParameter(
                    "restarts", "\(restarts)",
                    expected: "restarts: 1 with given starting parameters (every run would be the same)")
            }
            guard w.count == k, means.count == k, covariances.count == k else {
                let given = "\(w.count) weights, \(means.count) means, \(covariances.count) covariances"
                throw ModelError.invalidParameter("the initial parameters", given, expected: "k = \(k) of each")
            }
            let comps = try zip(means, covariances).map { try Gaussian(mean: $0, covariance: $1) }
            if let odd = comps.first(where: { $0.dimension != points.dimension }) {
                throw ModelError.dimensionMismatch("an initial component", expected: points.dimension,
                                                   got: odd.dimension)
            }
            starts = [try GaussianMixture(weights: w, components: comps, covarianceType: covarianceType)]
        }
        var best: (mixture: GaussianMixture, index: Int)?
        var reports: [EMReport] = []
        let runs = try inOrder(starts.count) { r in
            try expectationMaximization(points, from: starts[r], regularization: regularization,
                                        tolerance: tolerance, maxIterations: maxIterations)
        }
        for (index, (mixture, report)) in runs.enumerated() {
            reports.append(report)
            if best == nil || report.logLikelihood > reports[best!.index].logLikelihood { best = (mixture, index) }
        }
        return try GaussianMixture(weights: best!.mixture.weights, components: best!.mixture.components,
                                   covarianceType: covarianceType, restarts: reports, bestRestart: best!.index)
    }

    /// `body(r)` for r = 0 … count − 1, on every core: the starts and the EM runs are
    /// independent and each deterministic, so the outcome (values in order, the first error
    /// in order thrown) is a loop's, `restarts` times faster on as many cores.
    private static func inOrder<Value: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> Value) throws
        -> [Value] {
        var outcomes = [Result<Value, any Error>?](repeating: nil, count: count)
        outcomes.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot, so the unsynchronised writes never overlap.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { r in slots[r] = Result { try body(r) } }
        }
        return try outcomes.map { try $0!.get() }
    }

    /// One EM run from `start` until `tolerance` is met or `maxIterations` pass.
    static func expectationMaximization(_ points: PointSet, from start: GaussianMixture, regularization: Double,
                                        tolerance: EMTolerance,
                                        maxIterations: Int) throws -> (GaussianMixture, EMReport) {
        var mixture = start
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
            mixture = try maximizationStep(points, responsibilities: r, covarianceType: mixture.covarianceType,
                                           regularization: regularization)
            if tolerance.isMet(previous: previous, current: current) {
                converged = true
                break
            }
            previous = current
        }
        let report = EMReport(iterations: iterations, logLikelihood: mixture.expectationStep(points).meanLogLikelihood,
                              history: history, converged: converged, tolerance: tolerance.value)
        return (mixture, report)
    }

    /// The M-step from responsibilities rᵢⱼ (rows: points).
    ///
    /// Nⱼ gets 10ε added, as in scikit-learn, so an empty component gives weight ≈ 0 and a
    /// finite mean instead of 0/0.
    static func maximizationStep(_ points: PointSet, responsibilities r: Matrix, covarianceType: CovarianceType,
                                 regularization: Double) throws -> GaussianMixture {
        let n = points.count, d = points.dimension, k = r.columns
        // Only the diagonal of Sⱼ is needed for diagonal and spherical covariances.
        let fullScatter = covarianceType == .full || covarianceType == .tied
        var counts: [Double] = []
        var means: [[Double]] = []
        var scatters: [Matrix] = []  // Sⱼ, lower triangle (or diagonal) filled
        for j in 0..<k {
            var nj = 10 * Double.ulpOfOne
            var mu = [Double](repeating: 0, count: d)
            for i in 0..<n {
                let rij = r[i, j]
                nj += rij
                for a in 0..<d { mu[a] += rij * points.values[i * d + a] }
            }
            for a in 0..<d { mu[a] /= nj }
            var scatter = Matrix(rows: d, columns: d)
            var residual = [Double](repeating: 0, count: d)
            for i in 0..<n {
                let rij = r[i, j]
                if rij == 0 { continue }
                for a in 0..<d { residual[a] = points.values[i * d + a] - mu[a] }
                for a in 0..<d {
                    for b in (fullScatter ? 0 : a)...a { scatter.values[a * d + b] += rij * residual[a] * residual[b] }
                }
            }
            for t in scatter.values.indices { scatter.values[t] /= nj }
            counts.append(nj)
            means.append(mu)
            scatters.append(scatter)
        }
        let total = counts.reduce(0, +)
        var pooled = Matrix(rows: d, columns: d)
        if covarianceType == .tied {
            for j in 0..<k { for t in pooled.values.indices { pooled.values[t] += counts[j] * scatters[j].values[t] } }
            for t in pooled.values.indices { pooled.values[t] /= total }
        }
        var comps: [Gaussian] = []
        for j in 0..<k {
            var sigma = Matrix(rows: d, columns: d)
            let s = covarianceType == .tied ? pooled : scatters[j]
            let trace = (0..<d).reduce(0) { $0 + s[$1, $1] }
            for a in 0..<d {
                for b in 0...a {
                    let v: Double = switch covarianceType {
                    case .full, .tied: s[a, b] + (a == b ? regularization : 0)
                    case .diagonal: a == b ? s[a, a] + regularization : 0
                    case .spherical: a == b ? trace / Double(d) + regularization : 0
                    }
                    sigma.values[a * d + b] = v
                    sigma.values[b * d + a] = v
                }
            }
            do {
                comps.append(try Gaussian(mean: means[j], covariance: sigma))
            } catch {
                let points = Int(counts[j].rounded())
                throw ModelError(.degenerateData,
                                 problem: "component \(j + 1)'s covariance is singular (it sits on \(points) "
                                     + "point\(points == 1 ? "" : "s") or a flat subspace)",
                                 fix: "use a positive regularisation (e.g. 1e-6), fewer components, "
                                     + "or a diagonal covariance")
            }
        }
        // The 10ε per component make Σπⱼ = 1 + O(kε/N); renormalising would change nothing visible.
        return try GaussianMixture(weights: counts.map { $0 / total }, components: comps,
                                   covarianceType: covarianceType)
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
                                 problem: "the data have only \(centres.count) distinct "
                                     + "point\(centres.count == 1 ? "" : "s"), fewer than k = \(k) components",
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
