/// Circular convolution of real sequences by the FFT:
///
/// ```
/// (a ⊛ b)_k = Σ_{j<n} a_j · b_{(k − j) mod n} = IFFT(FFT(a) · FFT(b))_k
/// ```
///
/// A linear convolution is the circular one on sequences zero-padded so nothing wraps.
/// - Accuracy: absolute error ~ε·log₂n·Σ|a|·max|b|.
/// - Cost: three real FFTs of length n (a power of two).
enum FFTConvolution {
    static func circular(_ a: [Double], _ b: [Double]) -> [Double] {
        precondition(a.count == b.count, "convolved sequences must have the same length")
        let plan = RealFourierTransform(count: a.count)
        return circular(a, spectrum: plan.forward(b), plan: plan)
    }

    /// a ⊛ b when the spectrum of b is already known (the same kernel, many data; or the
    /// same data, many kernels).
    static func circular(_ a: [Double], spectrum b: (real: [Double], imaginary: [Double]), plan: RealFourierTransform)
        -> [Double]
    {
        var (re, im) = plan.forward(a)
        for k in 0..<re.count {
            let r = re[k] * b.real[k] - im[k] * b.imaginary[k]
            im[k] = re[k] * b.imaginary[k] + im[k] * b.real[k]
            re[k] = r
        }
        return plan.inverse(real: re, imaginary: im)
    }
}
