import ParzenCore

/// What `{fit}` leaves for later directives: the fitted model, the recipe that produced it
/// (so `{compare}` can refit it per fold), the data set it was fitted to, and its NLLs.
public struct FittedModel: Sendable, Codable {
    /// The label of the `{fit}` directive, used as the model's name in legends and tables.
    public var label: String
    /// How the model was fitted.
    public var specification: ModelSpecification
    /// The model and, for a KDE, its bandwidth.
    public var fit: ModelSpecification.Fit
    /// The data set whose training part the model was fitted to.
    public var dataset: Dataset
    /// L(θ) = −(1/N) Σ log p(xᵢ; θ) on the training points, with its standard error.
    public var nllTrain: Estimate
    /// The same on the held-out points, when the data set has them.
    public var nllHeldOut: Estimate?

    public init(label: String, specification: ModelSpecification, fit: ModelSpecification.Fit, dataset: Dataset) {
        self.label = label
        self.specification = specification
        self.fit = fit
        self.dataset = dataset
        nllTrain = Self.negativeLogLikelihood(of: fit.model, on: dataset.train, of: dataset)
        nllHeldOut = dataset.heldOut.map { Self.negativeLogLikelihood(of: fit.model, on: $0, of: dataset) }
    }

    /// The core's NLL, except for the empirical distribution, whose log-density is +∞ on a
    /// data point and −∞ off it (Dirac masses): its NLL is +∞ when any point is off the data
    /// (the tutorial's reason to smooth), else −∞ — never the NaN of ∞ − ∞.
    ///
    /// With a `transform:` the NLL is of the data's scale, −(1/N) Σ [log p_Z(zᵢ) + log|g′(xᵢ)|]
    /// (see ``DataTransform``), its standard error that of those per-point terms.
    static func negativeLogLikelihood(of model: any DensityModel, on points: PointSet, of dataset: Dataset)
        -> Estimate {
        if model is EmpiricalDistribution {
            let offData = model.logDensities(at: points).contains(-.infinity)
            return Estimate(value: offData ? .infinity : -.infinity, standardError: .infinity, count: points.count)
        }
        guard dataset.transform != nil else { return ParzenCore.negativeLogLikelihood(of: model, on: points) }
        return Estimate(meanOf: zip(model.logDensities(at: points), dataset.logJacobians(at: points)).map { -$0 - $1 })
    }

    /// The fitted density, on the scale it was fitted on (the transformed one, with a
    /// `transform:`).
    public var model: any DensityModel { fit.model }

    /// The fitted density as a density of the data's columns: `model` itself, or with a
    /// `transform:` the model seen through the change of variable (``TransformedDensity``).
    public var densityOnDataScale: any DensityModel {
        dataset.transform.map { TransformedDensity(model: fit.model, transform: $0) } ?? fit.model
    }

    /// The result values of a fit, with stable keys (documented in docs/directives.md):
    /// `model`, `dimension`, `n_train`, `nll_train`, `nll_train_se`, `nll_heldout`,
    /// `nll_heldout_se`, then the model's parameters under their summary keys in snake case
    /// (`mean`, `variance`, `beta`, `bandwidth`, `weights`, `noise_variance`, …; vectors and
    /// matrices as lists of numbers, row-major). Families add their own (`ModelFamily.extras`).
    public var values: ResultValues {
        var values = ResultValues()
        values["model"] = .text(specification.family.rawValue)
        values["dimension"] = .integer(dataset.dimension)
        values["n_train"] = .integer(dataset.train.count)
        values["nll_train"] = .number(nllTrain.value)
        values["nll_train_se"] = .number(nllTrain.standardError)
        if let nllHeldOut {
            values["n_heldout"] = .integer(nllHeldOut.count)
            values["nll_heldout"] = .number(nllHeldOut.value)
            values["nll_heldout_se"] = .number(nllHeldOut.standardError)
        }
        for parameter in model.summary.parameters {
            let key = Self.snakeCase(parameter.key)
            switch parameter.value {
            case .integer(let n): values[key] = .integer(n)
            case .scalar(let x): values[key] = .number(x)
            case .vector(let xs): values[key] = xs.count == 1 ? .number(xs[0]) : .numbers(xs)
            case .matrix(_, _, let xs): values[key] = xs.count == 1 ? .number(xs[0]) : .numbers(xs)
            case .text(let s): values[key] = .text(s)
            }
        }
        return values
    }

    /// `values` with the family's own (`ModelFamily.extras`: a KDE's `kernel_sd` and
    /// `bandwidth_rule`, a mixture's `bic` and EM report): what `{fit}` and `parzen fit` return.
    public var resultValues: ResultValues {
        resultValues(adding: specification.family.type.extras(for: self).values)
    }

    /// `values` with `extras` (the family's, computed once by a caller that also shows its blocks).
    func resultValues(adding extras: ResultValues) -> ResultValues {
        var values = self.values
        for (key, value) in extras.entries { values[key] = value }
        return values
    }

    /// `noiseVariance` → `noise_variance`: one spelling for every key a notebook can read.
    static func snakeCase(_ key: String) -> String {
        var out = ""
        for character in key {
            if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
        }
        return out
    }
}
