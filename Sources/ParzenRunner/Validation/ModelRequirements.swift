import ParzenCore
import ParzenFormat

/// What a model family needs of its training data that is known before fitting: the
/// dimension and the number of training points. The validation phase checks these, so that
/// `parzen check` refuses `model: ppca` on 1-D data, or a `holdout` that leaves fewer
/// training points than the model needs, with the core's own wording.
///
/// The thresholds are the core's guards (`Gaussian.fit`, `GaussianMixture.fit`,
/// `ProbabilisticPCA.fit`, `BandwidthRule.bandwidth(for:kernel:)`);
/// `ModelRequirementsTests` fits at and below each threshold to hold them to it.
enum ModelRequirements {
    /// Checks `specification` against training data of dimension `dimension` with
    /// `trainCount` points.
    /// - Throws: `Violation`: the core's `ModelError` and the option at fault.
    static func check(_ specification: ModelSpecification, dimension d: Int, trainCount n: Int) throws(Violation) {
        do {
            try checkFamily(specification, dimension: d, trainCount: n)
        } catch let violation as Violation {
            throw violation
        } catch {
            preconditionFailure("checkFamily throws only Violation, got \(error)")
        }
    }

    /// A requirement not met: the core's wording, and the option (of `{fit}`, or the flag
    /// of `parzen fit`) to point at.
    struct Violation: Error {
        var option: String
        var error: ModelError
    }

    private static func checkFamily(_ specification: ModelSpecification, dimension d: Int, trainCount n: Int) throws {
        switch specification.family {
        case .gaussian:
            let needed = max(d + 1, specification.unbiased ? 2 : 1)
            guard n >= needed else {
                throw Violation(option: "data", error: .tooFewPoints("a Gaussian in \(d) dimension\(d == 1 ? "" : "s")",
                                                                     needed: needed, got: n))
            }
        case .kde:
            guard case .rule(let rule) = specification.bandwidth else { return }
            guard n >= 2 else {
                throw Violation(option: "data",
                                error: .tooFewPoints("the \(rule.rawValue) bandwidth rule", needed: 2, got: n))
            }
            if rule == .isj, d != 1 {
                throw Violation(option: "bandwidth", error: ModelError(
                    .invalidParameter, problem: "the isj rule is defined for 1-D data, got \(d) columns",
                    fix: "use scott, silverman or cv in \(d) dimensions"))
            }
        case .empirical:
            return
        case .gmm:
            let k = specification.components
            guard n >= max(k, 2) else {
                throw Violation(option: "data",
                                error: .tooFewPoints("a mixture of \(k) Gaussians", needed: max(k, 2), got: n))
            }
        case .ppca:
            try checkLinearLatent(specification.latentDimension, dimension: d, trainCount: n)
        case .latent:
            if specification.decoder == .linear {
                try checkLinearLatent(specification.latentDimension, dimension: d, trainCount: n)
            }
        }
    }

    /// Probabilistic PCA (and the latent model's linear decoder, fitted by it): d ≥ 2,
    /// 1 ≤ k < d, N ≥ k + 2.
    private static func checkLinearLatent(_ k: Int, dimension d: Int, trainCount n: Int) throws {
        guard d >= 2 else {
            throw Violation(option: "model", error: ModelError(
                .invalidParameter, problem: "probabilistic PCA needs at least 2 columns (k < d), the data have \(d)",
                fix: "select two or more columns, or use model: gaussian"))
        }
        guard k < d else {
            throw Violation(option: "latent",
                            error: .invalidParameter("the latent dimension k", "\(k)", expected: "1 ≤ k < d = \(d)"))
        }
        guard n >= k + 2 else {
            throw Violation(option: "data", error: .tooFewPoints(
                "probabilistic PCA with k = \(k)", needed: k + 2, got: n,
                fix: "provide more points or choose a smaller latent dimension k"))
        }
    }
}
