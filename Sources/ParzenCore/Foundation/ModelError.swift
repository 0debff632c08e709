/// A user-facing failure of a fit or an estimator: the data or the parameters cannot give a
/// model (too few points, a constant column, a covariance that is not positive definite, a
/// parameter outside its domain).
///
/// Every error carries the problem and the fix, in words a reader of the notebook can act
/// on; the runner attaches the directive's `file:line:col`. Internal bugs are not
/// `ModelError`s: they stop at a `precondition`.
///
/// Messages read `problem; fix`, e.g.
/// `column 2 has zero variance, so the covariance is singular; remove the constant column or use
/// a model with a regulariser`.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The family of failure, for callers that react differently (e.g. tests, `parzen fit`'s exit code).
    public enum Kind: String, Sendable, Equatable {
        /// Fewer points than the model needs.
        case tooFewPoints
        /// The data have no spread in some direction (a constant column, collinear points).
        case degenerateData
        /// A matrix that must be symmetric positive definite is not.
        case notPositiveDefinite
        /// Points or parameters of different dimensions were combined.
        case dimensionMismatch
        /// A parameter is outside its domain (a negative variance, a fraction outside (0, 1)).
        case invalidParameter
    }

    /// The family of failure.
    public let kind: Kind
    /// What is wrong, e.g. "a Gaussian in 3 dimensions needs at least 4 points, got 2".
    public let problem: String
    /// What to do about it, e.g. "provide more points or fewer columns".
    public let fix: String

    /// Creates an error from its kind, problem and fix.
    public init(_ kind: Kind, problem: String, fix: String) {
        self.kind = kind
        self.problem = problem
        self.fix = fix
    }

    /// `problem; fix`, one line.
    public var description: String { "\(problem); \(fix)" }

    /// A fit needs at least `needed` points and got `got`; the default fix suits models whose
    /// need grows with the number of columns.
    public static func tooFewPoints(_ model: String, needed: Int, got: Int,
                                    fix: String = "provide more points or fewer columns") -> ModelError {
        ModelError(.tooFewPoints,
                   problem: "\(model) needs at least \(needed) point\(needed == 1 ? "" : "s"), got \(got)",
                   fix: fix)
    }

    /// Two things that must share a dimension do not.
    public static func dimensionMismatch(_ what: String, expected: Int, got: Int) -> ModelError {
        ModelError(.dimensionMismatch,
                   problem: "\(what) has dimension \(got), expected \(expected)",
                   fix: "use points with \(expected) coordinate\(expected == 1 ? "" : "s")")
    }

    /// A parameter outside its domain.
    public static func invalidParameter(_ name: String, _ value: String, expected: String) -> ModelError {
        ModelError(.invalidParameter,
                   problem: "\(name) = \(value) is invalid",
                   fix: "use \(expected)")
    }
}
