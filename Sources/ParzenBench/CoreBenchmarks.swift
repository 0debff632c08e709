import Dispatch
import Foundation
import ParzenCore

/// `parzen-bench core [--data DIR] [--repeat K]`: times ParzenCore's density estimation on
/// the data, 0.6·N(−1.5, 0.5²) + 0.4·N(2, 1) drawn with xoshiro256** (seed
/// 20240601), and writes the data and Parzen's timings to DIR (default
/// /tmp/parzen-bench-core) so that bench/reference_core.py runs KDEpy, scipy and
/// statsmodels on the same numbers in the same run.
///
/// Cases: binned 1-D grid (N = 10⁶ → 2048 points, with its max relative error against the
/// exact sum over the whole grid), binned 2-D grid (N = 10⁵ → 256 × 256), exact Gaussian
/// log-density (N = M = 10⁴, against the cost of 10⁸ `exp` calls), and leave-one-out
/// likelihood CV (N = 10⁴, against the exact optimum). Times are medians of K runs.
/// `--case grids` runs the two grid cases only (and writes no timings file).
enum CoreBenchmarks {
    static func run(arguments: [String]) {
        guard let options = BenchmarkOptions(arguments, directory: "/tmp/parzen-bench-core", repeats: 7,
                                             acceptsCase: true,
                                             usage: "parzen-bench core [--data DIR] [--repeat K] [--case grids]")
        else { return }
        let (directory, repeats) = (options.directory, options.repeats)
        var data = BenchmarkData(directory: directory)
        var results: [String: Double] = [:]
        func mixture(_ n: Int) -> [Double] { data.mixture(n) }
        func write(_ values: [Double], _ name: String) { data.write(values, name) }
        print(
            "ParzenCore benchmarks (\(ProcessInfo.processInfo.activeProcessorCount) cores, median of \(repeats) runs)")

        // 1-D binned grid.
        let x1 = mixture(1_000_000)
        write(x1, "grid1d_data")
        let kde1 = try! KernelDensityEstimate(
            data: PointSet(x1), bandwidth: try! BandwidthRule.silverman.bandwidth(for: PointSet(x1)))
        let h1 = kde1.bandwidth.standardDeviation!
        let (a, b) = (x1.min()! - 3 * h1, x1.max()! + 3 * h1)
        var grid: [Double] = []
        let cpuStart1 = processCPUSeconds()
        let (t1, fastest1) = timings(repeats) { grid = kde1.densityOnGrid(from: a, to: b, count: 2048) }
        let cpu1 = (processCPUSeconds() - cpuStart1) / Double(repeats)
        let nodes = (0..<2048).map { a + Double($0) * (b - a) / 2047 }
        let exact = kde1.logDensities(at: PointSet(nodes)).map { exp($0) }
        let error1 = zip(grid, exact).map { abs($0 - $1) / $1 }.max()!
        write(nodes, "grid1d_nodes")
        write(exact, "grid1d_exact")
        results["grid1d_h"] = h1
        results["grid1d_seconds"] = t1
        results["grid1d_min_seconds"] = fastest1
        results["grid1d_cpu_seconds"] = cpu1
        results["grid1d_max_relative_error"] = error1
        print(
            String(
                format: "grid1d   N=1e6 → 2048, h=%.6f: %8.2f ms (%.2f ms CPU), max relative error %.2e " +
                    "over the whole grid", h1, 1e3 * t1, 1e3 * cpu1, error1))

        // 2-D binned grid, the same scalar bandwidth KDEpy gets.
        let x2 = mixture(100_000)
        var xy: [Double] = []
        xy.reserveCapacity(200_000)
        for v in x2 { xy.append(v); xy.append(data.gaussian()) }
        write(xy, "grid2d_data")
        let h2 = 0.2
        let kde2 = try! KernelDensityEstimate(
            data: PointSet(dimension: 2, values: xy), bandwidth: .standardDeviation(h2))
        let xs = stride(from: 0, to: xy.count, by: 2).map { xy[$0] },
            ys = stride(from: 1, to: xy.count, by: 2).map { xy[$0] }
        let rx = (xs.min()! - 3 * h2)...(xs.max()! + 3 * h2), ry = (ys.min()! - 3 * h2)...(ys.max()! + 3 * h2)
        var grid2: [Double] = []
        let (t2, fastest2) = timings(repeats) { grid2 = kde2.densityOnGrid(x: rx, y: ry, counts: (256, 256)) }
        // The exact sum at every 5th node along each axis (ends included), tails and corners too.
        let sampled = Array(stride(from: 0, to: 256, by: 5))
        var sampledNodes: [Double] = [], sampledIndices: [Int] = []
        for j in sampled {
            for i in sampled {
                sampledNodes += [rx.lowerBound + Double(i) * (rx.upperBound - rx.lowerBound) / 255,
                                 ry.lowerBound + Double(j) * (ry.upperBound - ry.lowerBound) / 255]
                sampledIndices.append(j * 256 + i)
            }
        }
        let exact2 = kde2.logDensities(at: PointSet(dimension: 2, values: sampledNodes)).map { exp($0) }
        let (tails2, body2) = Self.relativeErrors(sampledIndices.map { grid2[$0] }, exact2)
        write(sampledNodes, "grid2d_sampled_nodes")
        write(exact2, "grid2d_sampled_exact")
        results["grid2d_tail_relative_error"] = tails2
        results["grid2d_body_relative_error"] = body2
        results["grid2d_h"] = h2
        results["grid2d_min_seconds"] = fastest2
        results["grid2d_seconds"] = t2
        results["grid2d_x0"] = rx.lowerBound; results["grid2d_x1"] = rx.upperBound
        results["grid2d_y0"] = ry.lowerBound; results["grid2d_y1"] = ry.upperBound
        print(String(format: "grid2d   N=1e5 → 256×256, h=%.2f: %8.2f ms, max relative error %.2e where p ≥ 1e-3 " +
                     "of its peak, %.2e where p ≥ 1e-10 of it", h2, 1e3 * t2, body2, tails2))

        if options.only == "grids" { return }

        // Exact Gaussian log-density, N = M = 10⁴, against 10⁸ exp calls on one core.
        let data3 = mixture(10_000), queries3 = mixture(10_000)
        write(data3, "exact_data")
        write(queries3, "exact_queries")
        let kde3 = try! KernelDensityEstimate(
            data: PointSet(data3), bandwidth: try! BandwidthRule.silverman.bandwidth(for: PointSet(data3)))
        let queryPoints = PointSet(queries3)
        let cpuStart = processCPUSeconds()
        let runs3 = max(3, repeats / 2)
        let t3 = median(runs3) { _ = kde3.logDensities(at: queryPoints) }
        let cpu3 = (processCPUSeconds() - cpuStart) / Double(runs3)
        var sink = 0.0
        let tExp = median(3) {
            var s = 0.0
            for i in 0..<100_000_000 { s += exp(-Double(i & 1023) * 0.001) }
            sink += s
        }
        results["exact_h"] = kde3.bandwidth.standardDeviation!
        results["exact_seconds"] = t3
        results["exact_cpu_seconds"] = cpu3
        results["exp_1e8_seconds"] = tExp
        print(
            String(
                format:
                    "exact    N=M=1e4: %8.2f ms (%.0f ms CPU over all threads); 1e8 exp calls (one core) %8.2f ms; " +
                        "ratio %.2f (target ≤ 1.5)",
                     1e3 * t3, 1e3 * cpu3, 1e3 * tExp, t3 / tExp) + (sink == 0 ? " " : ""))

        // Leave-one-out likelihood CV, N = 10⁴, against the exact optimum.
        let data4 = mixture(10_000)
        write(data4, "cv_data")
        let cv = try! LikelihoodCrossValidation(data: PointSet(data4))
        var chosen = 0.0
        let t4 = median(max(3, repeats / 2)) { chosen = try! cv.optimum().bandwidth.standardDeviation! }
        let exactH = exactOptimum(cv, near: chosen)
        results["cv_seconds"] = t4
        results["cv_h"] = chosen
        results["cv_exact_h"] = exactH
        print(String(format: "cv       N=1e4: %8.2f ms, h=%.7f, exact optimum %.7f, relative difference %.1e",
                     1e3 * t4, chosen, exactH, abs(chosen / exactH - 1)))

        let json = results.keys.sorted().map { "  \"\($0)\": \(results[$0]!)" }.joined(separator: ",\n")
        FileManager.default.createFile(
            atPath: "\(directory)/parzen_results.json", contents: Data("{\n\(json)\n}\n".utf8))
    }

    /// The largest |approximate/exact − 1| where the exact density is at least 1e-10 of its
    /// largest value (the far tails; below ~1e-17 the kernel is cut off) and where it is at
    /// least 1e-3 of it.
    static func relativeErrors(_ approximate: [Double], _ exact: [Double]) -> (tails: Double, body: Double) {
        let peak = exact.max()!
        var (tails, body) = (0.0, 0.0)
        for (a, e) in zip(approximate, exact) where e >= 1e-10 * peak {
            let error = abs(a - e) / e
            tails = max(tails, error)
            if e >= 1e-3 * peak { body = max(body, error) }
        }
        return (tails, body)
    }

    /// CPU time of the whole process (all threads) so far, in seconds: on a loaded machine
    /// it shows the work done, which wall-clock time hides behind other processes.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)  // Glibc imports the enum, Darwin an Int32
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
        return user + system
    }

    /// The median wall-clock time of `runs` calls, in seconds.
    static func median(_ runs: Int, _ body: () -> Void) -> Double { timings(runs, body).median }

    /// The median and the fastest wall-clock time of `runs` calls, in seconds (on a shared,
    /// loaded machine the fastest run is the one least disturbed by other processes).
    static func timings(_ runs: Int, _ body: () -> Void) -> (median: Double, fastest: Double) {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        }
        times.sort()
        return (times[times.count / 2], times[0])
    }

    /// The exact-objective maximiser by golden section in log h on [h/1.2, 1.2h], to 1e-7.
    static func exactOptimum(_ cv: LikelihoodCrossValidation, near h: Double) -> Double {
        var lower = log(h / 1.2), upper = log(h * 1.2)
        let ratio = (5.0.squareRoot() - 1) / 2
        var x1 = upper - ratio * (upper - lower), x2 = lower + ratio * (upper - lower)
        var f1 = cv.objective(h: exp(x1)), f2 = cv.objective(h: exp(x2))
        while upper - lower > 1e-7 {
            if f1 > f2 {
                upper = x2; x2 = x1; f2 = f1
                x1 = upper - ratio * (upper - lower); f1 = cv.objective(h: exp(x1))
            } else {
                lower = x1; x1 = x2; f1 = f2
                x2 = lower + ratio * (upper - lower); f2 = cv.objective(h: exp(x2))
            }
        }
        return exp(0.5 * (lower + upper))
    }
}
