/// A density model of any family, tagged by its type so that it can be encoded and decoded
/// (`any DensityModel` cannot be: a decoder must know which type to build).
///
/// Each case stores its model's defining parameters; decoding rebuilds derived state with
/// the model's own initialiser, so a decoded model's log-densities are bit-identical. A new
/// model type needs a case here: `init(_:)` refuses a type it does not know.
public enum CodableDensityModel: Sendable, Codable {
    case gaussian(Gaussian)
    case studentT(StudentT)
    case gaussianMixture(GaussianMixture)
    case kernelDensityEstimate(KernelDensityEstimate)
    case reflectedKernelDensityEstimate(ReflectedKernelDensityEstimate)
    case empirical(EmpiricalDistribution)
    case probabilisticPCA(ProbabilisticPCA)
    case latentVariable(LatentVariableModel)

    /// Tags `model` by its type.
    /// - Throws: `EncodingError.invalidValue` for a model type without a case here.
    public init(_ model: any DensityModel) throws {
        switch model {
        case let model as Gaussian: self = .gaussian(model)
        case let model as StudentT: self = .studentT(model)
        case let model as GaussianMixture: self = .gaussianMixture(model)
        case let model as KernelDensityEstimate: self = .kernelDensityEstimate(model)
        case let model as ReflectedKernelDensityEstimate: self = .reflectedKernelDensityEstimate(model)
        case let model as EmpiricalDistribution: self = .empirical(model)
        case let model as ProbabilisticPCA: self = .probabilisticPCA(model)
        case let model as LatentVariableModel: self = .latentVariable(model)
        default:
            throw EncodingError.invalidValue(model, EncodingError.Context(
                codingPath: [], debugDescription: "cannot encode a density model of type \(type(of: model)); "
                    + "add a case for it to CodableDensityModel"))
        }
    }

    /// The model.
    public var model: any DensityModel {
        switch self {
        case .gaussian(let model): model
        case .studentT(let model): model
        case .gaussianMixture(let model): model
        case .kernelDensityEstimate(let model): model
        case .reflectedKernelDensityEstimate(let model): model
        case .empirical(let model): model
        case .probabilisticPCA(let model): model
        case .latentVariable(let model): model
        }
    }
}
