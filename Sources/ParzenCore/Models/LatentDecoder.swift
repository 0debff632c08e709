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
    /// G at n latent points at once: `latents` holds n·k coordinates, one z per row, and the
    /// result n·d, one G(z) per row, each row equal bit for bit to `decode` of that z.
    ///
    /// The Monte Carlo estimators decode a thousand draws per point; a conformer overrides
    /// this to do so without one array per draw. The default calls `decode` row by row.
    func decode(batch latents: [Double], count n: Int) -> [Double]
    /// ∂G/∂z at z, a d × k matrix.
    func jacobian(at z: [Double]) -> Matrix
    /// A one-line description for reports, e.g. "tanh network 2 → 16 → 5".
    var description: String { get }
}

extension LatentDecoder {
    /// Row by row through `decode(_:)`.
    public func decode(batch latents: [Double], count n: Int) -> [Double] {
        let k = latentDimension
        precondition(latents.count == n * k, "\(n) latent points need \(n * k) coordinates, got \(latents.count)")
        var out: [Double] = []
        out.reserveCapacity(n * outputDimension)
        for r in 0..<n { out.append(contentsOf: decode(Array(latents[(r * k)..<((r + 1) * k)]))) }
        return out
    }
}
