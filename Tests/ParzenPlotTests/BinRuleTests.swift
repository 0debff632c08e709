import Testing
@testable import ParzenChart

/// The bin rules of `{plot}`'s `bins:` against NumPy's `histogram_bin_edges` (values from
/// scripts/plot-bins-references.py). NumPy builds edges with `linspace`, Parzen as
/// `lower + i·width`; 1e-12 relative allows that rounding, far below a bar's width.
struct BinRuleTests {
    static let data: [Double] = [1.0, 2.833931, 0.855952, 0.460329, 2.001933, 2.853331, 0.670404, 0.764803, 3.522468, 2.332033, 0.630402, 1.493319, 4.952007, 1.718348, 0.762008, 3.031502, 5.361657, 1.302601, 1.187249, 5.603144, 4.613942, 1.150657, 2.237431, 8.462125, 3.45801, 1.28906, 4.553915, 9.879175, 2.564272, 1.873253, 8.760291, 9.02152, 2.143356, 3.374457, 14.145603, 6.952593, 2.229692]
    static let references: [String: [Double]] = [
        "fd": [0.460329, 2.415368142857143, 4.370407285714285, 6.3254464285714285, 8.28048557142857, 10.235524714285713, 12.190563857142857, 14.145603],
        "scott": [0.460329, 3.1973838, 5.9344386, 8.671493400000001, 11.4085482, 14.145603],
        "sturges": [0.460329, 2.415368142857143, 4.370407285714285, 6.3254464285714285, 8.28048557142857, 10.235524714285713, 12.190563857142857, 14.145603],
        "count7": [0.460329, 2.415368142857143, 4.370407285714285, 6.3254464285714285, 8.28048557142857, 10.235524714285713, 12.190563857142857, 14.145603],
        "sturges32": [0.460329, 2.0301366666666665, 3.599944333333333, 5.169752, 6.739559666666667, 8.309367333333334, 9.879175],
    ]

    static func matches(_ bins: Bins, _ key: String) -> Bool {
        let expected = references[key]!
        return bins.edges.count == expected.count
            && zip(bins.edges, expected).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
    }

    @Test func scottMatchesNumPy() { #expect(Self.matches(Bins.scott(Self.data), "scott")) }

    @Test func sturgesMatchesNumPy() {
        #expect(Self.matches(Bins.sturges(Self.data), "sturges"))
        #expect(Self.matches(Bins.sturges(Array(Self.data.prefix(32))), "sturges32"))
    }

    @Test func freedmanDiaconisMatchesNumPy() { #expect(Self.matches(Bins.freedmanDiaconis(Self.data), "fd")) }

    @Test func countMatchesNumPy() { #expect(Self.matches(Bins.equalWidth(count: 7, over: Self.data), "count7")) }

    /// Constant data: one bin of width 1, centred, for every rule (NumPy's own "scott" would
    /// divide by a zero width).
    @Test func constantDataGetOneBin() {
        #expect(Bins.scott([3, 3, 3]).edges == [2.5, 3.5])
        #expect(Bins.sturges([3, 3, 3]).edges == [2.5, 3.5])
    }
}
