/// The deterministic part G_θ: ℝᵏ → ℝᵈ of a latent-variable model x = G_θ(z) + ε.
///
/// Besides evaluating G, a decoder gives its Jacobian J = ∂G/∂z (d × k), which the
/// importance sampler uses to find the posterior mode and curvature (Gauss–Newton).
public protocol LatentDecoder: Sendable {
    /// k, the dimension of z.
    var latentDimension: Int { get }
    /// d, the dimension of x.
    var outputDimension: Int { get }
    /// G(z), of length d.
    func decode(_ z: [Double]) -> [Double]
    /// ∂G/∂z at z, a d × k matrix.
    func jacobian(at z: [Double]) -> Matrix
    /// A one-line description for reports, e.g. "tanh network 2 → 16 → 5".
    var description: String { get }
}
