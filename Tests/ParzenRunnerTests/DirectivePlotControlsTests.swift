import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParzenChart
import ParzenCore
import Testing
@testable import ParzenPlot
import ParzenRunner

/// The `{plot}` controls of issue 13 used correctly: what the chart holds, checked against
/// closed forms (equal bins over the data range, log-spaced grids, the 10⁻⁴ floor) and the
/// twelve Old Faithful rows themselves, and where the SVG puts legend, title and size.
@Suite struct DirectivePlotControlsTests {
    /// The twelve eruption durations; the last four are held out.
    static let durations = [3.6, 1.8, 3.333, 2.283, 4.533, 2.883, 4.7, 3.6, 1.95, 4.35, 1.833, 3.917]

    /// The data set `d` (last four rows held out), the 2-D set `both`, a Gaussian and a KDE of
    /// `d`, a Gaussian of `both`, then `{plot} fig` with `body`.
    static func chart(_ body: String) throws -> Chart {
        let outcome = run(body)
        guard case .figure(let figure)? = outcome.results["fig"]?.output.first,
              case .chart(let chart) = figure.content else { throw DirectivePlotTests.NoFigure() }
        return chart
    }

    static func run(_ body: String) -> NotebookRunner.Outcome {
        let outcome = DirectiveNotebook("""
            ```{data} d
            source: f.csv
            columns: [eruptions]
            holdout: {last: 4}
            ```
            ```{data} both
            source: f.csv
            holdout: {last: 4}
            ```
            ```{fit} gauss
            data: d
            model: gaussian
            ```
            ```{fit} kde
            data: d
            model: kde
            beta: 0.09
            ```
            ```{fit} g2
            data: both
            model: gaussian
            ```
            ```{plot} fig
            \(body)```
            """, files: ["f.csv": faithfulHead]).run()
        #expect(outcome.messages == [])
        return outcome
    }

    static var train: [Double] { Array(durations.prefix(8)) }
    static var heldOut: [Double] { Array(durations.suffix(4)) }

    @Test func faithfulHeadIsWhatTheTestsSay() {
        let rows = faithfulHead.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",")[0])! }
        #expect(rows == Self.durations)
    }

    /// `bins: 5`: five equal bins from the training minimum to its maximum (NumPy's
    /// `bins=5`), the bars' area 1 over the eight training points.
    @Test func binCountGivesEqualBinsOverTheTrainingRange() throws {
        let chart = try Self.chart("data: d\nbins: 5\n")
        guard case .histogram(let histogram) = chart.marks[0] else { Issue.record("no histogram"); return }
        let low = Self.train.min()!, high = Self.train.max()!
        let expected = (0...5).map { low + Double($0) * (high - low) / 5 }
        #expect(zip(histogram.bins.edges, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        let area = zip(histogram.heights, zip(expected, expected.dropFirst())).map { $0 * ($1.1 - $1.0) }
            .reduce(0, +)
        #expect(abs(area - 1) < 1e-12)
        #expect(histogram.name == "training data (8 points)")
    }

    @Test func binEdgesAreUsedAsWritten() throws {
        let chart = try Self.chart("data: d\nbins: [1.5, 2.5, 3.5, 5]\n")
        guard case .histogram(let histogram) = chart.marks[0] else { Issue.record("no histogram"); return }
        #expect(histogram.bins.edges == [1.5, 2.5, 3.5, 5])
        // By hand from `train`: 1.8, 2.283 | 3.333, 2.883 | 3.6, 4.533, 4.7, 3.6.
        let counts = [2.0, 2, 4]
        #expect(zip(histogram.heights, zip(counts, [1.0, 1, 1.5])).allSatisfy { abs($0 - $1.0 / (8 * $1.1)) < 1e-12 })
    }

    /// The held-out rows are a rug of their own, named with their count, in the colour slot
    /// after the curves; `show_heldout: false` leaves them out.
    @Test func heldOutPointsAreARugOfTheirOwn() throws {
        let chart = try Self.chart("data: d\nfits: [gauss, kde]\n")
        let rugs = chart.marks.compactMap { mark -> Rug? in
            if case .rug(let rug) = mark { return rug }
            return nil
        }
        #expect(rugs.count == 2)
        #expect(rugs[0].x == Self.train && rugs[0].name == nil)
        #expect(rugs[1].x == Self.heldOut && rugs[1].name == "held-out data (4 points)")
        #expect(rugs[1].color == .series(3))
        let hidden = try Self.chart("data: d\nfits: [gauss]\nshow_heldout: false\n")
        #expect(hidden.marks.filter { if case .rug = $0 { true } else { false } }.count == 1)
    }

    @Test func legendNamesReplaceTheStandardOnes() throws {
        let chart = try Self.chart(
            "data: d\nfits: [gauss, kde]\nlegend: {kde: \"KDE, β = 0.09\", data: eruptions, heldout: test}\n")
        let names = chart.marks.compactMap { mark -> String? in
            switch mark {
            case .histogram(let h): h.name
            case .line(let l): l.name
            case .rug(let r): r.name
            default: nil
            }
        }
        #expect(names == ["eruptions", "gauss", "KDE, β = 0.09", "test"])
        #expect(chart.showsLegend && chart.legendPlacement == .top)
    }

    /// A legend below the plot sits under the x axis: its text is lower than every tick label.
    @Test func legendAtTheBottomIsBelowTheAxis() throws {
        let chart = try Self.chart("data: d\nfits: [kde]\nlegend: {position: bottom}\n")
        #expect(chart.legendPlacement == .bottom)
        let markup = chart.render()
        /// The `y` of every `<text>` from the group opening `<g class="name">` to `end`.
        func ys(_ name: String, until end: String) -> [Double] {
            guard let start = markup.range(of: "<g class=\"\(name)\">") else { return [] }
            let rest = markup[start.upperBound...]
            return rest[..<rest.range(of: end)!.lowerBound].matches(of: /<text[^>]* y="([0-9.]+)"/)
                .compactMap { Double($0.1) }
        }
        // The legend's entries are groups of their own; the axis holds no group.
        let legend = ys("plot-legend", until: "</g>\n</g>")
        let ticks = ys("plot-axis plot-axis-x", until: "</g>")
        #expect(!legend.isEmpty && !ticks.isEmpty && legend.min()! > ticks.max()!)
        #expect(try Self.chart("data: d\nlegend: none\n").showsLegend == false)
    }

    /// `x:` fixes the axis and the curves' grid to exactly that range.
    @Test func xRangeFixesAxisAndGrid() throws {
        let chart = try Self.chart("data: d\nfits: [kde]\nx: [1, 6]\ny: [0, 0.8]\n")
        #expect(chart.x.domain == 1...6 && chart.y.domain == 0...0.8)
        guard case .line(let line) = chart.marks[2] else { Issue.record("no curve"); return }
        #expect(line.x.first == 1 && line.x.last == 6)
    }

    /// `log: both`: log axes, a log-spaced grid (equal ratios between neighbours), and a
    /// y axis from 10⁻⁴ of the highest bar or curve to 1.5 times it.
    @Test func logAxesUseALogGridAndAFloor() throws {
        let chart = try Self.chart("data: d\nfits: [gauss]\nlog: both\n")
        #expect(chart.x.scale == .log10 && chart.y.scale == .log10)
        guard case .line(let line) = chart.marks[2], case .histogram(let bars) = chart.marks[0] else {
            Issue.record("no curve"); return
        }
        let ratios = zip(line.x, line.x.dropFirst()).map { $1 / $0 }
        #expect(ratios.allSatisfy { abs($0 / ratios[0] - 1) < 1e-9 })
        let peak = max(bars.heights.max()!, line.y.max()!)
        let domain = try #require(chart.y.domain)
        #expect(abs(domain.lowerBound / (peak * 1e-4) - 1) < 1e-12 && abs(domain.upperBound / (peak * 1.5) - 1) < 1e-12)
    }

    @Test func titleAndSizeReachTheSVG() throws {
        let chart = try Self.chart("data: d\ntitle: Eruptions & waits\nsize: {width: 640, height: 320}\n")
        let markup = chart.render()
        #expect(markup.contains("viewBox=\"0 0 640 320\""))
        #expect(markup.contains("<text class=\"plot-title\"") && markup.contains(">Eruptions &amp; waits</text>"))
        #expect(try Self.chart("data: d\naspect: 2\n").size == ChartSize(width: 560, height: 280))
    }

    /// In 2-D the held-out points are a second scatter in the slot after the contours'.
    @Test func heldOutPointsInTwoDimensions() throws {
        let chart = try Self.chart("data: both\nfits: [g2]\nlegend: {g2: Gaussian}\n")
        let scatters = chart.marks.compactMap { mark -> Scatter? in
            if case .scatter(let scatter) = mark { return scatter }
            return nil
        }
        #expect(scatters.map(\.name) == ["training data (8 points)", "held-out data (4 points)"])
        #expect(scatters[1].x == Self.heldOut && scatters[1].color == .series(2))
        guard case .contours(let contours) = chart.marks[0] else { Issue.record("no contours"); return }
        #expect(contours.name == "Gaussian")
    }

    /// The scan on the h axis: every curve point at h = √β, the grid's best leave-one-out
    /// point marked when no fit is listed, and the grid as a table of β, h and the NLLs.
    @Test func bandwidthScanOnTheHAxisWithItsTable() throws {
        let outcome = Self.run("data: d\nkind: bandwidth\nbetas: [0.01, 0.04, 0.16, 0.64]\nbandwidth_axis: h\ntable: true\n")
        guard case .figure(let figure)? = outcome.results["fig"]?.output.first, case .chart(let chart) = figure.content,
              case .table(let table)? = outcome.results["fig"]?.output.last else { Issue.record("no figure and table"); return }
        guard case .line(let train) = chart.marks[0] else { Issue.record("no curve"); return }
        #expect(train.x == [0.1, 0.2, 0.4, 0.8])
        let best = try #require(outcome.number("fig", "beta_loo_best"))
        #expect(chart.marks.contains { if case .rule(let rule) = $0, case .vertical(let x) = rule.position { x == best.squareRoot() } else { false } })
        #expect(table.rows.count == 4 && table.header.count == 5)
        #expect(table.rows.map { $0[1] } == [0.1, 0.2, 0.4, 0.8].map { [Inline.number($0)] })
    }

    /// `fits: [true]` in 2-D draws the generating density's contours: here N(0, I₂), whose
    /// density at (x, y) is exp(−(x² + y²)/2) / 2π.
    @Test func trueDensityContours() throws {
        let outcome = DirectiveNotebook("""
            ```{data} g
            generate: {gaussian: {mean: [0, 0], covariance: [[1, 0], [0, 1]]}}
            n: 100
            ```
            ```{plot} fig
            data: g
            fits: [true]
            ```
            """).run()
        #expect(outcome.messages == [])
        guard case .figure(let figure)? = outcome.results["fig"]?.output.first, case .chart(let chart) = figure.content,
              case .contours(let contours) = chart.marks[0] else { Issue.record("no contours"); return }
        #expect(contours.name == "true density")
        let grid = contours.grid
        for (i, j) in [(0, 0), (40, 40), (10, 70)] {
            let x = grid.x[i], y = grid.y[j]
            let expected = exp(-(x * x + y * y) / 2) / (2 * Double.pi)
            #expect(abs(grid.values[j * grid.x.count + i] / expected - 1) < 1e-12)
        }
    }
}
