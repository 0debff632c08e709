import Foundation
import Testing
@testable import ParzenCore
import ParzenTestSupport

/// ISJ without a root falls back to Silverman's rule (`isj_fallback.json`, written by
/// `isj_fallback_references.py` from the kde.m transcription and numpy).
@Suite struct BandwidthFallbackTests {
    let reference: StatisticsReference

    init() throws { reference = try StatisticsReference("isj_fallback") }

    /// Where kde.m finds no root, `selection` returns Silverman's h (numpy's value to 1e-12:
    /// the same closed form) with a fallback that names the rule and the reason, and the
    /// strict `bandwidth(for:)` still throws.
    @Test(arguments: ["small", "ties"])
    func noRootFallsBackToSilverman(_ name: String) throws {
        let r = reference[name]
        #expect(!r.bool("hasRoot"))
        let points = r.points("points")
        let selection = try BandwidthRule.isj.selection(for: points)
        #expect(selection.rule == .silverman)
        #expect(isClose(try #require(selection.bandwidth.standardDeviation), r.number("silverman"), relative: 1e-12))
        let fallback = try #require(selection.fallback)
        #expect(fallback.requested == .isj)
        #expect(fallback.message == "the Improved Sheather–Jones equation has no root in (0, 0.1] for these "
            + "\(points.count) points (common below ~50 points or with many tied values); "
            + "used Silverman's rule 0.9·min(σ̂, IQR/1.34)·n^(−1/5) instead")
        #expect(throws: ModelError.self) { try BandwidthRule.isj.bandwidth(for: points) }
    }

    /// With a root, `selection` is the rule's own answer (kde.m's to 1e-10) and no fallback.
    @Test func rootMeansNoFallback() throws {
        let r = reference["control"]
        #expect(r.bool("hasRoot"))
        let selection = try BandwidthRule.isj.selection(for: r.points("points"))
        #expect(selection.rule == .isj && selection.fallback == nil)
        #expect(isClose(try #require(selection.bandwidth.standardDeviation), r.number("isj"), relative: 1e-10))
        for rule in [BandwidthRule.scott, .silverman, .cv] {
            let chosen = try rule.selection(for: r.points("points"))
            #expect(chosen.rule == rule && chosen.fallback == nil)
            #expect(chosen.bandwidth == (try rule.bandwidth(for: r.points("points"))))
        }
    }

    /// Other failures still throw: constant data, isj in 2-D.
    @Test func otherFailuresStillThrow() {
        #expect(throws: ModelError.self) { try BandwidthRule.isj.selection(for: PointSet([2.0, 2, 2])) }
        #expect(throws: ModelError.self) {
            try BandwidthRule.isj.selection(for: PointSet(points: [[0, 1], [1, 0], [2, 2]]))
        }
    }
}
