import ParzenCore

/// A fitted model written as the tutorial's formula, then its numbers: the reader sees the
/// equation and this notebook's N, β, μ̂, σ̂² beside it. The definition is displayed; the
/// numbers are inline TeX in the sentence that follows, so they wrap on a phone instead of
/// widening the equation. A 1-D mixture also gets the sum with its numbers substituted.
struct ModelFormula {
    /// The model's defining equation (display math).
    var definition: String
    /// The fitted numbers, each an inline TeX equation such as `\hat\mu = 3.488`.
    var numbers: [String]
    /// The definition with the numbers substituted, when short enough to be worth showing.
    var substituted: String?

    init(_ fitted: FittedModel) {
        let model = fitted.model
        let d = model.dimension
        let x = d == 1 ? "x" : "\\mathbf{x}"
        let n = fitted.dataset.train.count
        substituted = nil
        switch model {
        case let gaussian as Gaussian:
            if d == 1 {
                definition = "p_\\theta(x) = \\mathcal{N}\\left(x \\mid \\hat\\mu, \\hat\\sigma^2\\right)"
                numbers = ["\\hat\\mu = \(Self.num(gaussian.mean[0]))", "\\hat\\sigma^2 = \(Self.num(gaussian.variance))"]
            } else {
                definition = "p_\\theta(\(x)) = \\mathcal{N}\\left(\(x) \\mid \\hat{\\boldsymbol\\mu}, \\hat\\Sigma\\right)"
                numbers = ["\\hat{\\boldsymbol\\mu} = \(Self.vector(gaussian.mean))", "\\hat\\Sigma = \(Self.matrix(gaussian.covariance))"]
            }
        case let kde as KernelDensityEstimate:
            numbers = ["N = \(n)"]
            if let beta = kde.bandwidth.beta {
                numbers += ["\\beta = \(Self.num(beta))", "h = \\sqrt\\beta = \(Self.num(kde.bandwidth.standardDeviation!))"]
            } else if case .matrix(let h) = kde.bandwidth {
                numbers.append("H = \(Self.matrix(h))")
            }
            if case .gaussian = kde.kernel, kde.bandwidth.beta != nil {
                definition = "p_\\beta(\(x)) = \\frac{1}{N} \\sum_{i=1}^{N} \\mathcal{N}\\left(\(x) \\mid o_i, I\\beta\\right)"
            } else {
                let power = d == 1 ? "h" : "h^{\(d)}"
                definition = "p_h(\(x)) = \\frac{1}{N \(power)} \\sum_{i=1}^{N} K\\left(\\frac{\(x) - o_i}{h}\\right)"
                numbers.insert("K = \\text{\(Self.texText(kde.kernel.name))}", at: 0)
            }
        case is EmpiricalDistribution:
            definition = "p_{\\text{emp}}(\(x)) = \\frac{1}{N} \\sum_{i=1}^{N} \\delta\\left(\(x) - o_i\\right)"
            numbers = ["N = \(n)"]
        case let mixture as GaussianMixture:
            let k = mixture.componentCount
            numbers = ["\\boldsymbol\\pi = (" + mixture.weights.map(Self.num).joined(separator: ", ") + ")"]
            if d == 1 {
                definition = "p_\\theta(x) = \\sum_{j=1}^{\(k)} \\pi_j \\mathcal{N}\\left(x \\mid \\mu_j, \\sigma_j^2\\right)"
                numbers += ["\\boldsymbol\\mu = (" + mixture.components.map { Self.num($0.mean[0]) }.joined(separator: ", ") + ")",
                            "\\boldsymbol\\sigma^2 = (" + mixture.components.map { Self.num($0.variance) }.joined(separator: ", ") + ")"]
                substituted = "p_\\theta(x) = " + zip(mixture.weights, mixture.components).map { w, g in
                    "\(Self.num(w))\\, \\mathcal{N}\\left(x \\mid \(Self.num(g.mean[0])), \(Self.num(g.variance))\\right)"
                }.joined(separator: " + ")
            } else {
                definition = "p_\\theta(\(x)) = \\sum_{j=1}^{\(k)} \\pi_j \\mathcal{N}\\left(\(x) \\mid \\boldsymbol\\mu_j, \\Sigma_j\\right)"
                numbers += mixture.components.enumerated().map { "\\boldsymbol\\mu_{\($0.offset + 1)} = \(Self.vector($0.element.mean))" }
            }
        case let ppca as ProbabilisticPCA:
            definition = "p_\\theta(\(x)) = \\mathcal{N}\\left(\(x) \\mid \\boldsymbol\\mu, W W^\\top + \\sigma^2 I\\right)"
            numbers = ["k = \(ppca.latentDimension)", "\\hat{\\boldsymbol\\mu} = \(Self.vector(ppca.mean))", "\\hat\\sigma^2 = \(Self.num(ppca.noiseVariance))"]
        case let latent as LatentVariableModel:
            definition = "p_\\theta(\(x)) = \\int \\mathcal{N}(\\mathbf{z} \\mid 0, I)\\, \\mathcal{N}\\left(\(x) \\mid G_\\theta(\\mathbf{z}), \\sigma^2 I\\right) d\\mathbf{z}"
            numbers = ["k = \(latent.latentDimension)", "\\sigma^2 = \(Self.num(latent.noiseVariance))",
                       "G_\\theta = \\text{\(Self.texText(latent.decoder.description))}"]
        default:
            definition = "p_\\theta(\(x))"
            numbers = ["\\text{\(Self.texText(model.summary.kind))}"]
        }
    }

    /// Numbers too wide for a line of text on a phone (matrices, long vectors): they are
    /// displayed, where a formula scrolls sideways instead of running off the page.
    var wideNumbers: [String] {
        numbers.filter(Self.isWide)
    }

    /// "With $N = 218$, $\beta = 0.04$ and $h = \sqrt\beta = 0.2$." — the numbers that fit
    /// in a sentence; empty when every number is wide.
    var sentence: String {
        let inline = numbers.filter { !Self.isWide($0) }.map { "$\($0)$" }
        guard !inline.isEmpty else { return "" }
        let list = inline.count <= 1 ? inline.joined() : inline.dropLast().joined(separator: ", ") + " and " + inline.last!
        return "With \(list)."
    }

    /// A matrix, or more than 40 characters of TeX (about four numbers of a vector).
    static func isWide(_ tex: String) -> Bool {
        tex.contains("\\begin{pmatrix}") || tex.count > 40
    }

    static func num(_ x: Double) -> String { NumberFormat.tex(x) }

    static func vector(_ xs: [Double]) -> String {
        "(" + xs.map(num).joined(separator: ", ") + ")^\\top"
    }

    static func matrix(_ m: Matrix) -> String {
        let rows = (0..<m.rows).map { i in (0..<m.columns).map { num(m[i, $0]) }.joined(separator: " & ") }
        return "\\begin{pmatrix}" + rows.joined(separator: " \\\\ ") + "\\end{pmatrix}"
    }

    /// Text safe inside `\text{…}`: TeX's special characters escaped.
    static func texText(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\textbackslash "
            case "{", "}", "$", "&", "#", "_", "%": out += "\\" + String(c)
            case "^": out += "\\textasciicircum "
            case "~": out += "\\textasciitilde "
            default: out.append(c)
            }
        }
        return out
    }
}
