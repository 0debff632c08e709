import Foundation
import ParzenCore

/// The data a suite writes for the reference tools to read: the same seeded two-Gaussian
/// mixture (0.6 N(−1.5, 0.5²) + 0.4 N(2, 1)) for every suite, as raw little-endian doubles in
/// `<directory>/<name>.f64`, so Parzen and the reference run on identical points.
struct BenchmarkData {
    let directory: String
    private var generator = Xoshiro256StarStar(seed: 20240601)

    init(directory: String) {
        self.directory = directory
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// `n` draws of the mixture.
    mutating func mixture(_ n: Int) -> [Double] {
        (0..<n).map { _ in
            generator.nextUniform() < 0.6 ? -1.5 + 0.5 * generator.nextGaussian() : 2 + generator.nextGaussian()
        }
    }

    /// One standard normal draw from the same stream.
    mutating func gaussian() -> Double { generator.nextGaussian() }

    func write(_ values: [Double], _ name: String) {
        let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
        FileManager.default.createFile(atPath: "\(directory)/\(name).f64", contents: data)
    }
}
