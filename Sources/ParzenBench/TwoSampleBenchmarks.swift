import Foundation
import ParzenCore

/// `parzen-bench twosample [--data DIR] [--repeat K] [--points N] [--permutations B]`: MMD² (Gaussian kernel, median
/// heuristic) and energy distance with 1,000 permutations on 2,000 + 2,000 points, 1-D and
/// 2-D, model draws vs data shifted by 0.1 (p ≈ 1/1001: the screens decide at once) and,
/// `alike`, not shifted (the observed value amid the permutations': the hard case for the
/// screens), written to DIR so bench/reference_twosample.py times a NumPy implementation of
/// the same statistics on the same points in the same run. `--points` and `--permutations`
/// (default 2000 and 1000) size other runs, e.g. to choose `{compare}`'s defaults.
enum TwoSampleBenchmarks {
    static func run(arguments: [String]) {
        var rest: [String] = [], points = 2000, permutations = 1000, index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
            switch (arguments[index], value) {
            case ("--points", let value?): points = value
            case ("--permutations", let value?): permutations = value
            default: rest += arguments[index..<min(index + 2, arguments.count)]
            }
            index += 2
        }
        let usage = "parzen-bench twosample [--data DIR] [--repeat K] [--points N] [--permutations B]"
        guard let options = BenchmarkOptions(rest, directory: "/tmp/parzen-bench-twosample", repeats: 5,
                                             usage: usage) else { return }
        let (directory, repeats) = (options.directory, options.repeats)
        var data = BenchmarkData(directory: directory)
        var results: [String: Double] = [:]
        print("Two-sample tests, \(points) + \(points) points, \(permutations) permutations",
              "(median of \(repeats) runs)")
        for (d, shift, tag) in [(1, 0.1, ""), (2, 0.1, ""), (1, 0.0, "alike"), (2, 0.0, "alike")] {
            let x = PointSet(dimension: d, values: (0..<(points * d)).map { _ in data.gaussian() })
            let y = PointSet(dimension: d, values: (0..<(points * d)).map { _ in shift + data.gaussian() })
            for (name, values) in [("x", x.values), ("y", y.values)] {
                let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
                FileManager.default.createFile(atPath: "\(directory)/twosample\(d)d\(tag)_\(name).f64", contents: data)
            }
            for (statistic, test) in [
                ("mmd", { try TwoSampleTest.maximumMeanDiscrepancy(x, y, permutations: permutations, seed: 1) }),
                ("energy", { try TwoSampleTest.energyDistance(x, y, permutations: permutations, seed: 1) }),
            ] {
                var result: TwoSampleTest?
                let cpuStart = CoreBenchmarks.processCPUSeconds()
                let seconds = CoreBenchmarks.median(repeats) { result = try! test() }
                let cpu = (CoreBenchmarks.processCPUSeconds() - cpuStart) / Double(repeats)
                let key = "\(statistic)\(d)d\(tag)"
                results["\(key)_seconds"] = seconds
                results["\(key)_cpu_seconds"] = cpu
                results["\(key)_value"] = result!.value
                results["\(key)_p"] = result!.pValue
                if let ell = result!.bandwidth { results["\(key)_bandwidth"] = ell }
                print(String(format: "%@ d=%d%@: %8.1f ms (CPU %.0f ms over all threads), statistic %.10e, p = %.4f",
                             statistic, d, tag.isEmpty ? "" : " " + tag, 1e3 * seconds, 1e3 * cpu, result!.value,
                             result!.pValue))
            }
        }
        let json = results.keys.sorted().map { "  \"\($0)\": \(results[$0]!)" }.joined(separator: ",\n")
        FileManager.default.createFile(
            atPath: "\(directory)/parzen_results.json", contents: Data("{\n\(json)\n}\n".utf8))
    }
}
