import Foundation
import ParzenCore

/// `parzen-bench largefit [--data DIR] [--repeat K] [--case NAME]`: a `{fit}` of a Gaussian KDE with Scott's
/// bandwidth and its training NLL on large data — the mixture 0.6·N(−1.5, 0.5²) +
/// 0.4·N(2, 1) (seed 20240601), N = 10⁵ and 10⁶ in 1-D, and that mixture × N(0, 1) with
/// N = 10⁵ in 2-D. Writes the data, Parzen's bandwidths, NLLs and timings to DIR so
/// that bench/reference_largefit.py times scikit-learn (`score_samples`, rtol = 1e-8) and
/// KDEpy + interpolation on the same points in the same run.
///
/// The accuracy reported for Parzen is against the exact sum (computed here for N = 10⁵ in
/// 1-D; for the others, the computed bound is printed).
enum LargeFitBenchmarks {
    static func run(arguments: [String]) {
        let usage = "parzen-bench largefit [--data DIR] [--repeat K] [--case NAME]"
        guard let options = BenchmarkOptions(arguments, directory: "/tmp/parzen-bench-largefit", repeats: 5,
                                             acceptsCase: true, usage: usage) else { return }
        let (directory, repeats, only) = (options.directory, options.repeats, options.only)
        var data = BenchmarkData(directory: directory)
        var results: [String: Double] = [:]
        func mixture(_ n: Int) -> [Double] { data.mixture(n) }
        func write(_ values: [Double], _ name: String) { data.write(values, name) }
        print("Large-N KDE fits (\(ProcessInfo.processInfo.activeProcessorCount) cores, median of \(repeats) runs)")
        for (name, n, d) in [("fit1d_1e5", 100_000, 1), ("fit1d_1e6", 1_000_000, 1), ("fit2d_1e5", 100_000, 2)]
        where only == nil || only == name {
            var values = mixture(n)
            if d == 2 { values = values.flatMap { [$0, data.gaussian()] } }
            let points = PointSet(dimension: d, values: values)
            write(values, "\(name)_data")
            var fit: NegativeLogLikelihoodEvaluation?
            var kde: KernelDensityEstimate?
            let cpuStart = CoreBenchmarks.processCPUSeconds()
            let seconds = CoreBenchmarks.median(repeats) {
                let model = try! KernelDensityEstimate(
                    data: points, bandwidth: try! BandwidthRule.scott.bandwidth(for: points))
                fit = negativeLogLikelihood(of: model, on: points, method: .auto)
                kde = model
            }
            let cpu = (CoreBenchmarks.processCPUSeconds() - cpuStart) / Double(repeats)
            let model = kde!, nll = fit!
            let h = model.bandwidth.matrix(dimension: d)
            write(h.values, "\(name)_bandwidth")
            results["\(name)_seconds"] = seconds
            results["\(name)_cpu_seconds"] = cpu
            results["\(name)_nll"] = nll.estimate.value
            results["\(name)_bound"] = nll.relativeBound
            var line = String(
                format:
                    "%@ N=%d d=%d: fit + training NLL %8.1f ms (CPU %.0f ms), NLL %.12f (%@, %d exact points, bound " +
                        "%.1e relative)",
                name, n, d, 1e3 * seconds, 1e3 * cpu, nll.estimate.value, nll.method.rawValue, nll.exactPoints,
                nll.relativeBound)
            if n <= 100_000 && d == 1 {
                let exact = negativeLogLikelihood(of: model, on: points, method: .exact).estimate.value
                let error = abs(nll.estimate.value - exact) / abs(exact)
                results["\(name)_error"] = error
                line += String(format: "; vs exact sum %.1e relative", error)
            }
            print(line)
        }
        let json = results.keys.sorted().map { "  \"\($0)\": \(results[$0]!)" }.joined(separator: ",\n")
        FileManager.default.createFile(
            atPath: "\(directory)/parzen_results.json", contents: Data("{\n\(json)\n}\n".utf8))
    }
}
