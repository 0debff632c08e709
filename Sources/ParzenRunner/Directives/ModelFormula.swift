import ParzenCore

/// A fitted model written as a TeX formula with its numbers filled in, for `{fit}`'s
/// result block: the reader sees the tutorial's equation with this notebook's N, β, μ̂, σ̂².
enum ModelFormula {
    static func tex(_ fitted: FittedModel) -> String {
        let model = fitted.model
        let d = model.dimension
        let x = d == 1 ? "x" : "\\mathbf{x}"
        let n = fitted.dataset.train.count
        switch model {
        case let gaussian as Gaussian:
            if d == 1 {
                return "p_\\theta(x) = \\mathcal{N}\\left(x \\mid \\hat\\mu, \\hat\\sigma^2\\right), \\quad \\hat\\mu = \(num(gaussian.mean[0])), \\quad \\hat\\sigma^2 = \(num(gaussian.variance))"
            }
            return "p_\\theta(\(x)) = \\mathcal{N}\\left(\(x) \\mid \\hat{\\boldsymbol\\mu}, \\hat\\Sigma\\right), \\quad \\hat{\\boldsymbol\\mu} = \(vector(gaussian.mean)), \\quad \\hat\\Sigma = \(matrix(gaussian.covariance))"
        case let kde as KernelDensityEstimate:
            let beta = kde.bandwidth.beta
            let numbers = beta.map { "N = \(n), \\quad \\beta = \(num($0)) \\; (h = \\sqrt\\beta = \(num(kde.bandwidth.standardDeviation!)))" }
                ?? "N = \(n)"
            if case .gaussian = kde.kernel, beta != nil {
                return "p_\\beta(\(x)) = \\frac{1}{N} \\sum_{i=1}^{N} \\mathcal{N}\\left(\(x) \\mid o_i, I\\beta\\right), \\quad \(numbers)"
            }
            let power = d == 1 ? "h" : "h^{\(d)}"
            return "p_h(\(x)) = \\frac{1}{N \(power)} \\sum_{i=1}^{N} K\\left(\\frac{\(x) - o_i}{h}\\right), \\quad K = \\text{\(texText(kde.kernel.name))}, \\quad \(numbers)"
        case is EmpiricalDistribution:
            return "p_{\\text{emp}}(\(x)) = \\frac{1}{N} \\sum_{i=1}^{N} \\delta\\left(\(x) - o_i\\right), \\quad N = \(n)"
        case let mixture as GaussianMixture:
            if d == 1 {
                let terms = zip(mixture.weights, mixture.components).map { w, g in
                    "\(num(w))\\, \\mathcal{N}\\left(x \\mid \(num(g.mean[0])), \(num(g.variance))\\right)"
                }
                return "p_\\theta(x) = \\sum_{j=1}^{\(mixture.componentCount)} \\pi_j \\mathcal{N}\\left(x \\mid \\mu_j, \\sigma_j^2\\right) = " + terms.joined(separator: " + ")
            }
            let weights = mixture.weights.map(num).joined(separator: ", ")
            let means = mixture.components.map { vector($0.mean) }.joined(separator: ", ")
            return "p_\\theta(\(x)) = \\sum_{j=1}^{\(mixture.componentCount)} \\pi_j \\mathcal{N}\\left(\(x) \\mid \\boldsymbol\\mu_j, \\Sigma_j\\right), \\quad \\boldsymbol\\pi = (\(weights)), \\quad \\boldsymbol\\mu_j = \(means)"
        case let ppca as ProbabilisticPCA:
            return "p_\\theta(\(x)) = \\mathcal{N}\\left(\(x) \\mid \\boldsymbol\\mu, W W^\\top + \\sigma^2 I\\right), \\quad k = \(ppca.latentDimension), \\quad \\hat{\\boldsymbol\\mu} = \(vector(ppca.mean)), \\quad \\hat\\sigma^2 = \(num(ppca.noiseVariance))"
        case let latent as LatentVariableModel:
            return "\\mathbf{z} \\sim \\mathcal{N}(0, I_{\(latent.latentDimension)}), \\quad \(x) = G_\\theta(\\mathbf{z}) + \\boldsymbol\\varepsilon, \\quad \\boldsymbol\\varepsilon \\sim \\mathcal{N}(0, \\sigma^2 I), \\quad \\sigma^2 = \(num(latent.noiseVariance)), \\quad p_\\theta(\(x)) = \\int p(\\mathbf{z})\\, p_\\theta(\(x) \\mid \\mathbf{z})\\, d\\mathbf{z}"
        default:
            return "p_\\theta(\(x)) \\quad (\\text{\(texText(model.summary.kind))})"
        }
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
            case "\\": out += "\\backslash "
            case "{", "}", "$", "&", "#", "_", "%": out += "\\" + String(c)
            case "^": out += "\\hat{}"
            case "~": out += "\\sim "
            default: out.append(c)
            }
        }
        return out
    }
}
