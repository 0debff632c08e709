import ParzenCore

/// `model: kde`: a kernel density estimate (Parzen window) with a built-in or formula kernel
/// and a bandwidth given as h, as β = h², or chosen by a rule; in 1-D optionally reflected at
/// the ends of a bounded support.
///
/// The convention, as in scikit-learn: h is the kernel's *scale*, K_h(u) = K(u/h)/hᵈ with K
/// the kernel at scale 1. Only for the Gaussian is h its standard deviation (and β = h² its
/// variance); a kernel's standard deviation is h·σ_K, σ_K² = `Kernel.variance(dimension:)`
/// (tophat 1/√3, epanechnikov 1/√5, exponential √2 in 1-D), which every fit states and
/// returns as `kernel_sd`.
public enum KDEFamily: ModelFamily {
    public static let name = "kde"
    public static let help = "Parzen window"
    public static let options = [
        OptionSpec("kernel", .text, default: "gaussian",
                   help: "KDE kernel: \(Kernel.builtInNames.map { "`\($0)`" }.joined(separator: ", ")), a formula in x "
                       + "such as `1/(1+x^2)` (1-D), or a radial formula in r = ‖u‖ such as `exp(-r)` "
                       + "(any dimension where it is integrable); Parzen checks K ≥ 0 and ∫K < ∞ and "
                       + "normalises it."),
        OptionSpec("bandwidth", .numberOrChoice(BandwidthRule.names), default: BandwidthRule.defaultRule.rawValue,
                   help: "KDE bandwidth h, the kernel's scale as scikit-learn's `bandwidth` (the standard deviation "
                       + "only for `gaussian`; the support radius for compact kernels), or a rule: "
                       + "\(BandwidthRule.names.map { "`\($0)`" }.joined(separator: ", ")); `isj` without a root "
                       + "falls back to `silverman` with a warning."),
        OptionSpec("beta", .positiveNumber,
                   help: "KDE bandwidth as β = h² (the Gaussian kernel's variance, as in N(x | oᵢ, Iβ)); "
                       + "give `beta` or `bandwidth`, not both."),
        OptionSpec("boundary", .structure(BoundarySpecification.shape),
                   help: "Support of 1-D data, e.g. `{lower: 0}`: the KDE is reflected at its ends, so it puts no mass "
                       + "outside and still integrates to 1 (default: unbounded)."),
    ]

    public static func configure(_ specification: inout ModelSpecification, from options: OptionValues) throws {
        if let kernel = options["kernel"] { specification.kernel = try KernelChoice.kernel(kernel) }
        if let beta = options.number("beta") {
            specification.bandwidth = .variance(beta)
        } else if let h = options.number("bandwidth") {
            specification.bandwidth = .standardDeviation(h)
        } else if let rule = options.text("bandwidth") {
            specification.bandwidth = .rule(BandwidthRule(rawValue: rule)!)
        }
        if let yaml = options.yaml("boundary") { specification.boundary = try BoundarySpecification.read(yaml) }
    }

    public static func check(_ specification: ModelSpecification, dimension d: Int, trainCount n: Int)
        throws(ModelRequirementViolation) {
        try checkKernel(specification.kernel, dimension: d)
        if specification.boundary != nil { try checkBoundary(specification, dimension: d) }
        // The core works with h² (a 1e-320 or 1e308 bandwidth is positive, its square not).
        if case .standardDeviation(let h) = specification.bandwidth, !(h * h).isFinite || h * h == 0 {
            throw ModelRequirementViolation(option: "bandwidth", error: ModelError(
                .invalidParameter, problem: "the bandwidth h = \(h) is out of range: h² is \(h * h)",
                fix: "use a bandwidth between 1e-150 and 1e150"))
        }
        guard case .rule(let rule) = specification.bandwidth else { return }
        guard n >= 2 else {
            throw ModelRequirementViolation(
                option: "data", error: .tooFewPoints("the \(rule.rawValue) bandwidth rule", needed: 2, got: n))
        }
        if rule == .isj, d != 1 {
            throw ModelRequirementViolation(option: "bandwidth", error: ModelError(
                .invalidParameter, problem: "the isj rule is defined for 1-D data, got \(d) columns",
                fix: "use scott, silverman or cv in \(d) dimensions"))
        }
    }

    /// A formula in x is a 1-D kernel; a radial formula only exists where ∫ r^{d−1} k(r) dr < ∞.
    private static func checkKernel(_ kernel: Kernel, dimension d: Int) throws(ModelRequirementViolation) {
        switch kernel {
        case .formula(let f) where d > 1:
            throw ModelRequirementViolation(option: "kernel", error: ModelError(
                .invalidParameter,
                problem: "the kernel formula \(f.source) is in x, a 1-D kernel, but the data have \(d) columns",
                fix: "write a radial formula in r = ‖u‖ instead, e.g. exp(-r^2/2)"))
        case .radial(let f) where d > f.maximumDimension:
            throw ModelRequirementViolation(option: "kernel", error: ModelError(
                .invalidParameter,
                problem: "the radial kernel \(f.source) is integrable only up to \(f.maximumDimension) dimensions, "
                    + "but the data have \(d) columns",
                fix: "use a kernel whose tail decays faster than r^(−\(d)), e.g. exp(-r)"))
        default: return
        }
    }

    /// Reflection is 1-D and needs a symmetric kernel; between two ends, one whose images
    /// can be summed (compact, Gaussian or exponential). Whether the data lie inside is
    /// checked when they are read.
    private static func checkBoundary(_ specification: ModelSpecification, dimension d: Int)
        throws(ModelRequirementViolation) {
        guard d == 1 else {
            throw ModelRequirementViolation(option: "boundary", error: ModelError(
                .invalidParameter, problem: "a boundary (reflection) is defined for 1-D data, got \(d) columns",
                fix: "select one column, or remove 'boundary'"))
        }
        switch specification.kernel {
        case .formula, .radial:
            throw ModelRequirementViolation(option: "boundary", error: ModelError(
                .invalidParameter, problem: "reflection at a boundary needs a built-in kernel, which is symmetric; "
                    + "a formula kernel need not be",
                fix: "use a built-in kernel such as gaussian or epanechnikov with 'boundary'"))
        default: return
        }
    }

    /// A bounded KDE's training points must lie in its support.
    public static func check(_ specification: ModelSpecification, trainingPoints: PointSet)
        throws(ModelRequirementViolation) {
        guard let boundary = specification.boundary else { return }
        do {
            try boundary.requireContains(trainingPoints)
        } catch {
            throw ModelRequirementViolation(option: "boundary", error: error)
        }
    }

    public static func fit(_ points: PointSet, _ specification: ModelSpecification) throws -> ModelSpecification.Fit {
        let (bandwidth, how, selection) = try specification.bandwidth.resolve(for: points, kernel: specification.kernel)
        let model: any DensityModel
        if let boundary = specification.boundary {
            do {
                model = try ReflectedKernelDensityEstimate(data: points, kernel: specification.kernel,
                                                           bandwidth: bandwidth, boundary: boundary)
            } catch let error as ModelError {
                throw ModelRequirementViolation(option: "boundary", error: error)
            }
        } else {
            model = try KernelDensityEstimate(data: points, kernel: specification.kernel, bandwidth: bandwidth)
        }
        return ModelSpecification.Fit(model: model, bandwidth: bandwidth, bandwidthChoice: how,
                                      bandwidthSelection: selection)
    }

    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("kernel", .text), ("bandwidth", .numberOrNumbers), ("beta", .numberOrNumbers),
                              ("points", .integer)],
                             "KDE: kernel name, h (the kernel's scale, scikit-learn's bandwidth), h² (the variance "
                                 + "only for the gaussian), N"),
        ResultKeyDeclaration([("bandwidth_matrix", .numbers)], "KDE (d > 1): the bandwidth matrix H, row-major"),
        ResultKeyDeclaration([("kernel_sd", .numberOrNumbers)],
                             "KDE: the kernel's standard deviation h·σ_K (per coordinate for a bandwidth matrix); "
                                 + "equals h only for the gaussian"),
        ResultKeyDeclaration([("bandwidth_rule", .text)],
                             "KDE: the rule that chose the bandwidth, when one did (silverman when isj had no root)"),
        ResultKeyDeclaration([("lower", .number), ("upper", .number)],
                             "KDE with `boundary`: the ends of the support it is reflected at"),
    ]

    /// The unreflected estimate (the sum the formula shows).
    private static func estimate(_ fitted: FittedModel) -> KernelDensityEstimate {
        (fitted.model as? ReflectedKernelDensityEstimate)?.unreflected ?? fitted.model as! KernelDensityEstimate
    }

    public static func formula(of fitted: FittedModel) -> ModelFormula {
        typealias M = MathExpression
        let kde = estimate(fitted)
        let d = kde.dimension
        let x = ModelFormula.point(dimension: d)
        var numbers = [ModelFormula.equation(.variable("N"), .int(fitted.dataset.train.count))]
        let gaussian = kde.kernel == .gaussian
        if let beta = kde.bandwidth.beta, gaussian {
            numbers += [ModelFormula.equation(.greek(.beta), .num(beta)),
                        .row([.variable("h"), .symbol(.equals), .squareRoot(.greek(.beta)), .symbol(.equals),
                              .num(kde.bandwidth.standardDeviation!)])]
        } else if let h = kde.bandwidth.standardDeviation {
            numbers.append(ModelFormula.equation(.variable("h"), .num(h)))
        } else if case .matrix(let h) = kde.bandwidth {
            numbers.append(ModelFormula.equation(.variable("H"), ModelFormula.matrix(h)))
        }
        let average = M.fraction(.int(1), .variable("N"))
        let p = sumSymbol(fitted)
        if gaussian, kde.bandwidth.beta != nil {
            let kernel = ModelFormula.normal(
                x, .sub(.variable("o"), .variable("i")), .row([.variable("I"), .greek(.beta)]))
            let definition = ModelFormula.density(p, x,
                                                  .row([average, ModelFormula.sumOverPoints, kernel]))
            return ModelFormula(definition: definition, numbers: numbers)
        }
        let power: M = d == 1 ? .variable("h") : .sup(.variable("h"), .int(d))
        let scaled = M.fraction(.row([x, .symbol(.minus), .sub(.variable("o"), .variable("i"))]), .variable("h"))
        let definition = ModelFormula.density(p, x,
            .row([
                .fraction(.int(1), .row([.variable("N"), power])), ModelFormula.sumOverPoints,
                                                    .variable("K"), .fenced(scaled, .stretchyParentheses)]))
        return ModelFormula(
            definition: definition, numbers: [ModelFormula.equation(.variable("K"), .text(kde.kernel.name))] + numbers)
    }

    /// The name of the kernel sum in the formula: p_β (Gaussian, β given or chosen) or p_h;
    /// q_β or q_h for a reflected estimate, whose density p is made of that sum's images.
    private static func sumSymbol(_ fitted: FittedModel) -> MathExpression {
        let kde = estimate(fitted)
        let name = MathExpression.variable(fitted.model is ReflectedKernelDensityEstimate ? "q" : "p")
        let usesBeta = kde.kernel == .gaussian && kde.bandwidth.beta != nil
        return .sub(name, usesBeta ? .greek(.beta) : .variable("h"))
    }

    /// What the bandwidth means for this kernel's convention, said once per page: "The
    /// bandwidth β is the Gaussian kernel's variance …", or for another kernel that h is its
    /// scale and β = h² not its variance.
    public static func explanation(of fitted: FittedModel) -> (key: String, text: [Inline])? {
        guard let bandwidth = fitted.fit.bandwidth else { return nil }
        typealias M = MathExpression
        let kernel = estimate(fitted).kernel
        let key = "kde.bandwidth.\(bandwidth.standardDeviation == nil ? "matrix" : "scalar").\(kernel.name)"
        guard bandwidth.standardDeviation != nil else {
            let meaning = kernel == .gaussian
                ? " is the Gaussian kernel's covariance." : " is the square of the kernel's scale."
            return (key, [.text("The bandwidth matrix "), .math(.variable("H")), .text(meaning)])
        }
        if kernel == .gaussian {
            let relation = M.row([.variable("h"), .symbol(.equals), .squareRoot(.greek(.beta))])
            return (key, [.text("The bandwidth β is the Gaussian kernel's variance and "), .math(relation),
                          .text(" its standard deviation, what scikit-learn calls "), .code("bandwidth"), .text(".")])
        }
        let radius = kernel.supportRadius == 1 ? " (for this kernel, the radius of its support)" : ""
        return (key, [.text("The bandwidth "), .math(.variable("h")),
                      .text(" is the kernel's scale, what scikit-learn calls "),
                      .code("bandwidth"), .text(radius + "; "),
                      .math(.row([.greek(.beta), .symbol(.equals), .sup(.variable("h"), .int(2))])),
                      .text(" is not its variance.")])
    }

    /// This fit's kernel standard deviation (or covariance), how the bandwidth was chosen,
    /// and the reflection when there is one.
    public static func remarks(on fitted: FittedModel) -> [Inline] {
        let how = fitted.fit.bandwidthChoice ?? [.text("given")]
        guard let bandwidth = fitted.fit.bandwidth else { return [] }
        let kde = estimate(fitted)
        return spread(of: bandwidth, kernel: kde.kernel, dimension: kde.dimension)
            + [.text("It was ")] + how + [.text(". ")] + reflection(fitted)
    }

    /// "The kernel's standard deviation is σ_K h = 0.447 h = 0.134. " (h·σ_K), or its
    /// covariance σ_K² H; nothing for the Gaussian, whose h is its standard deviation.
    static func spread(of bandwidth: Bandwidth, kernel: Kernel, dimension d: Int) -> [Inline] {
        guard kernel != .gaussian else { return [] }
        let sigmaK = kernel.variance(dimension: d).squareRoot()
        guard sigmaK.isFinite else {
            let what = bandwidth.standardDeviation == nil ? "covariance" : "standard deviation"
            return [.text("The kernel has no finite \(what). ")]
        }
        let sigma = MathExpression.sub(.greek(.sigma), .variable("K"))
        guard let h = bandwidth.standardDeviation else {
            return [.text("The kernel's covariance is "),
                    .math(.row([.sup(sigma, .int(2)), .variable("H"), .symbol(.equals), .num(sigmaK * sigmaK),
                                .thinSpace, .variable("H")])), .text(". ")]
        }
        return [.text("The kernel's standard deviation is "),
                .math(.row([sigma, .variable("h"), .symbol(.equals), .num(sigmaK), .thinSpace, .variable("h")])),
                .text(" = "), .number(h * sigmaK), .text(". ")]
    }

    /// "Reflected at the lower boundary a = 0: p(x) = q_h(x) + q_h(2a − x) on [0, ∞) and 0
    /// outside, …" (one end), or the images with period 2(b − a) (two ends).
    private static func reflection(_ fitted: FittedModel) -> [Inline] {
        guard let reflected = fitted.model as? ReflectedKernelDensityEstimate else { return [] }
        typealias M = MathExpression
        let x = M.variable("x"), sum = sumSymbol(fitted)
        func sumAt(_ argument: M) -> M { .row([sum, .fenced(argument, .parentheses)]) }
        func mirror(_ end: String) -> M { .row([.int(2), .variable(end), .symbol(.minus), x]) }
        func end(_ name: String, _ value: Double) -> Inline {
            .math(.row([.variable(name), .symbol(.equals), .num(value)]))
        }
        let lower = reflected.boundary.lower, upper = reflected.boundary.upper
        let support: [Inline] = [.text(lower == nil ? "(−∞, " : "[")]
            + (lower.map { [.number($0), .text(", ")] } ?? [])
            + (upper.map { [.number($0), .text("]")] } ?? [.text("∞)")])
        var words: [Inline]
        if let a = lower, let b = upper {
            words = [.text("Reflected at both ends "), end("a", a), .text(" and "), end("b", b), .text(": "),
                     .math(.row([.variable("p"), .fenced(x, .parentheses)])), .text(" is "), .math(sumAt(x)),
                     .text(" plus its mirror images "), .math(sumAt(mirror("a"))), .text(", "),
                     .math(sumAt(mirror("b"))),
                     .text(" and their shifts by multiples of 2(b − a)")]
        } else {
            let name = lower == nil ? "b" : "a"
            words = [.text("Reflected at the \(lower == nil ? "upper" : "lower") boundary "),
                     end(name, lower ?? upper!),
                     .text(": "), .math(.row([.variable("p"), .fenced(x, .parentheses), .symbol(.equals), sumAt(x),
                                              .symbol(.plus), sumAt(mirror(name))]))]
        }
        words += [.text(" on the support ")] + support
            + [.text(" and 0 outside, with "), .math(sum),
               .text(" the sum above, so the estimate puts no mass outside the support and still integrates to 1. ")]
        return words
    }

    public static func extras(for fitted: FittedModel) -> (values: ResultValues, blocks: [OutputBlock]) {
        var values = ResultValues()
        if let rule = fitted.fit.bandwidthSelection?.rule { values["bandwidth_rule"] = .text(rule.rawValue) }
        let kde = estimate(fitted)
        let sigmaK = kde.kernel.variance(dimension: kde.dimension).squareRoot()
        switch kde.bandwidth {
        case .matrix(let h):
            values["kernel_sd"] = .numbers((0..<h.rows).map { (h[$0, $0]).squareRoot() * sigmaK })
        default:
            values["kernel_sd"] = .number(kde.bandwidth.standardDeviation! * sigmaK)
        }
        return (values, [])
    }
}

extension ModelSpecification.Family {
    public static let kde = Self(KDEFamily.self)
}
