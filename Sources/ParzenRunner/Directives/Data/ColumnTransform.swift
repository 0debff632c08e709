#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A change of variable z = g(x) for one column of `{data}`'s `transform:`: models are
/// fitted to z, and densities are reported as densities of x by the change-of-variables
/// formula
///
/// ```
/// p_X(x) = p_Z(g(x)) · |g′(x)|,   so   log p_X(x) = log p_Z(z) + log|g′(x)|
/// ```
///
/// | name          | z = g(x)            | domain     | log g′(x), from z              |
/// |---------------|---------------------|------------|--------------------------------|
/// | `log`         | log x               | x > 0      | −z                             |
/// | `log1p`       | log(1 + x)          | x > −1     | −z                             |
/// | `sqrt`        | √x                  | x > 0      | −log 2z                        |
/// | `standardize` | (x − m)/s           | every x    | −log s                         |
/// | `logit`       | log(x/(1 − x))      | 0 < x < 1  | softplus(z) + softplus(−z)     |
///
/// `sqrt` leaves out x = 0, where g′ is infinite (so would be p_X); use `log1p` for data with
/// zeros. `standardize` takes m and s (divisor N) from the training points. The Jacobian term
/// is computed from z, so it needs no copy of the original points: for `logit`,
/// log x = −softplus(−z) and log(1 − x) = −softplus(z), each without cancellation
/// (softplus(t) = max(t, 0) + log1p(e^−|t|)).
///
/// Accuracy: each term is a few ulps of libm's log/log1p/exp; x recovered by `inverse` is
/// within a few ulps of the value read, except for `logit` near 1, where 1 − x has lost the
/// digits below x's ulp before the transform (as in scipy.special.logit).
public enum ColumnTransform: Sendable, Codable, Equatable {
    case log, log1p, sqrt, logit
    /// z = (x − mean)/sd.
    case standardize(mean: Double, sd: Double)

    /// The names `transform:` accepts.
    static let names = ["log", "log1p", "sqrt", "standardize", "logit"]

    /// The name as written in `transform:`.
    public var name: String {
        switch self {
        case .log: "log"
        case .log1p: "log1p"
        case .sqrt: "sqrt"
        case .logit: "logit"
        case .standardize: "standardize"
        }
    }

    /// What the transform needs of x, in words, for domain errors ("log needs x > 0").
    var domain: String {
        switch self {
        case .log, .sqrt: "x > 0"
        case .log1p: "x > −1"
        case .logit: "0 < x < 1"
        case .standardize: "a finite x"
        }
    }

    /// Whether x is in the domain.
    func accepts(_ x: Double) -> Bool {
        switch self {
        case .log, .sqrt: x > 0
        case .log1p: x > -1
        case .logit: x > 0 && x < 1
        case .standardize: x.isFinite
        }
    }

    /// z = g(x); x must be in the domain.
    func apply(_ x: Double) -> Double {
        switch self {
        case .log: logOf(x)
        case .log1p: log1pOf(x)
        case .sqrt: x.squareRoot()
        case .logit: logOf(x) - log1pOf(-x)
        case .standardize(let mean, let sd): (x - mean) / sd
        }
    }

    /// x = g⁻¹(z).
    func inverse(_ z: Double) -> Double {
        switch self {
        case .log: exp(z)
        case .log1p: expm1(z)
        case .sqrt: z * z
        case .logit: 1 / (1 + exp(-z))
        case .standardize(let mean, let sd): mean + sd * z
        }
    }

    /// log|g′(x)| at x = g⁻¹(z): what is added to log p_Z(z) to give log p_X(x).
    func logJacobian(_ z: Double) -> Double {
        switch self {
        case .log, .log1p: -z
        case .sqrt: -logOf(2 * z)
        case .logit: Self.softplus(z) + Self.softplus(-z)
        case .standardize(_, let sd): -logOf(sd)
        }
    }

    /// The model's variable in words, for the outputs: "log(duration)".
    func variable(_ column: String) -> String {
        switch self {
        case .standardize: "standardized \(column)"
        default: "\(name)(\(column))"
        }
    }

    /// log(1 + eᵗ) without overflow or cancellation.
    private static func softplus(_ t: Double) -> Double {
        max(t, 0) + log1pOf(exp(-abs(t)))
    }
}

// The enum's cases `log` and `log1p` hide libm's functions inside it.
private func logOf(_ x: Double) -> Double { log(x) }
private func log1pOf(_ x: Double) -> Double { log1p(x) }
