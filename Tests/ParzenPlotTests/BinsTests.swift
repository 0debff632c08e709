import Foundation
import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// Freedman–Diaconis bins against hand computations (the same numbers NumPy's
/// `histogram_bin_edges(x, bins="fd")` gives, since it uses the same type-7 quartiles and
/// ⌈range / width⌉ equal bins).
struct BinsTests {
    /// x = 1…10 and 20 (n = 11). Type-7 quartiles: h = 10·0.25 = 2.5 → Q1 = 3.5;
    /// h = 7.5 → Q3 = 8.5; IQR = 5. Width 2·5·11^(−1/3) = 4.4964…; range 19 →
    /// ⌈4.2256…⌉ = 5 bins of width 3.8. NumPy agrees: `np.histogram_bin_edges(x, "fd")` →
    /// [1, 4.8, 8.6, 12.4, 16.2, 20].
    @Test func freedmanDiaconisByHand() {
        let data: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20]
        let bins = Bins.freedmanDiaconis(data)
        #expect(bins.count == 5)
        // Edges are lower + i·width; 1e-12 allows the rounding of that product.
        let expected: [Double] = [1, 4.8, 8.6, 12.4, 16.2, 20]
        #expect(zip(bins.edges, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(bins.counts(data) == [4, 4, 2, 0, 1])
    }

    /// Density heights are count / (n · width) and the bars' areas sum to 1.
    @Test func densitiesIntegrateToOne() {
        let data: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20]
        let bins = Bins.freedmanDiaconis(data)
        let densities = bins.densities(data)
        #expect(abs(densities[0] - 4 / (11 * 3.8)) < 1e-12)
        let area = zip(densities, zip(bins.edges, bins.edges.dropFirst())).map { $0 * ($1.1 - $1.0) }.reduce(0, +)
        #expect(abs(area - 1) < 1e-12)
    }

    /// Eight ties and one 5 (n = 9): Q1 = Q3 = 1, IQR = 0, so the rule gives width 0; the
    /// documented fallback is Sturges' ⌈log₂ 9 + 1⌉ = ⌈4.17⌉ = 5 bins over 1…5, the edges of
    /// `np.histogram_bin_edges(x, "sturges")` (NumPy's own "fd" would give a single bin).
    @Test func zeroIQRFallsBackToSturges() {
        let data: [Double] = [1, 1, 1, 1, 1, 1, 1, 1, 5]
        let bins = Bins.freedmanDiaconis(data)
        #expect(bins.edges == [1, 1.8, 2.6, 3.4000000000000004, 4.2, 5])
        #expect(bins.counts(data) == [8, 0, 0, 0, 1])
    }

    @Test func constantDataGetsOneUnitBin() {
        let bins = Bins.freedmanDiaconis([2, 2, 2])
        #expect(bins.edges == [1.5, 2.5])
        #expect(bins.densities([2, 2, 2]) == [1])
    }

    /// One far outlier among tightly packed values would ask for about 10⁵ bins.
    @Test func binCountIsCapped() {
        let data = (0..<100).map { Double($0) / 1000 } + [1000]
        #expect(Bins.freedmanDiaconis(data, maximumCount: 50).count == 50)
    }

    @Test func nonFiniteValuesAreIgnored() {
        let bins = Bins.freedmanDiaconis([1, 2, 3, .nan, .infinity])
        #expect(bins.edges.first == 1 && bins.edges.last == 3)
        #expect(bins.counts([1, 2, 3, .nan, .infinity]).reduce(0, +) == 3)
    }
}
