import Foundation
import Testing
@testable import ParzenCore

@Suite struct EmpiricalDistributionTests {
    @Test func massOnTheDataNothingElsewhere() throws {
        let p = try EmpiricalDistribution(data: PointSet([1, 2, 2, 5]))
        #expect(p.logDensity(at: [2]) == .infinity)
        #expect(p.logDensity(at: [2.5]) == -.infinity)
        #expect(p.logMass(at: [2]) == log(0.5))
        #expect(p.logMass(at: [1]) == log(0.25))
        #expect(p.logMass(at: [3]) == -.infinity)
    }

    /// Resampling: every draw is a data point, and frequencies follow multiplicities
    /// (10⁵ draws, p = ½: standard error 0.0016, so 0.01 is > 6σ).
    @Test func samplingResamplesTheData() throws {
        let p = try EmpiricalDistribution(data: PointSet(points: [[0, 0], [1, 1], [1, 1], [3, 4]]))
        var g = Xoshiro256StarStar(seed: 8)
        let draws = p.sample(100_000, using: &g)
        var ones = 0
        for i in 0..<draws.count {
            let point = Array(draws[i])
            #expect([[0, 0], [1, 1], [3, 4]].contains(point))
            if point == [1, 1] { ones += 1 }
        }
        #expect(abs(Double(ones) / 100_000 - 0.5) < 0.01)
        #expect(p.summary["points"]?.value == .integer(4))
    }

    @Test func refusesEmptyOrNonFiniteData() {
        #expect(throws: ModelError.self) { try EmpiricalDistribution(data: PointSet([])) }
        #expect(throws: ModelError.self) { try EmpiricalDistribution(data: PointSet([1, .nan])) }
    }
}
