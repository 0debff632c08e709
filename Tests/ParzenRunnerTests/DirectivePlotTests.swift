import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParzenCore
import Testing
@testable import ParzenPlot
import ParzenRunner

/// A notebook with Old Faithful (1-D and 2-D), a generated mixture and a few fits, then the
/// plot under test.
private func plot(_ body: String, label: String = "fig") -> NotebookRunner.Outcome {
    DirectiveNotebook("""
        ```{data} d
        source: f.csv
        columns: [eruptions]
        holdout: 0.25
        seed: 1
        ```
        ```{data} both
        source: f.csv
        ```
        ```{data} toy
        generate: {mixture: [{weight: 0.6, mean: -1.5, sd: 0.5}, {weight: 0.4, mean: 2, sd: 1}]}
        n: 60
        seed: 7
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
        ```{fit} toykde
        data: toy
        model: kde
        ```
        ```{fit} g2
        data: both
        model: gaussian
        ```
        ```{sample} draws
        fit: kde
        n: 200
        seed: 3
        ```
        ```{plot} \(label)
        \(body)```
        """, files: ["f.csv": faithfulHead]).run()
}

/// The figure's markup parsed as XML (an SVG, or the HTML group of small multiples).
private func figure(_ outcome: NotebookRunner.Outcome, _ label: String = "fig") throws -> (markup: String, document: XMLDocument) {
    let result = try #require(outcome.results[label])
    guard case .figure(let figure)? = result.output.first else { throw DirectivePlotTests.NoFigure() }
    let svg = switch figure.content {
    case .chart(let chart): chart.render()
    case .smallMultiples(let panels): panels.render()
    }
    return (svg, try XMLDocument(xmlString: svg, options: []))
}

private func count(_ document: XMLDocument, _ xpath: String) throws -> Int {
    try document.nodes(forXPath: xpath).count
}

@Suite struct DirectivePlotTests {
    struct NoFigure: Error {}

    @Test func densityHasHistogramRugOneCurvePerFitAndLegend() throws {
        let outcome = plot("data: d\nfits: [gauss, kde]\ncaption: Two models.\n")
        #expect(outcome.messages == [])
        let (_, svg) = try figure(outcome)
        #expect(svg.rootElement()?.name == "svg")
        #expect(try count(svg, "/*[local-name()='svg']/*[local-name()='desc']") == 1)
        #expect(try count(svg, "//*[contains(@class, 'plot-marks')]//*[contains(@class, 'plot-line')]") == 2)
        #expect(try count(svg, "//*[contains(@class, 'plot-marks')]//*[contains(@class, 'plot-bars')]") == 1)
        // A rug of the training points and one of the held-out quarter.
        #expect(try count(svg, "//*[contains(@class, 'plot-marks')]//*[contains(@class, 'plot-rug')]") == 2)
        // Legend: the histogram, the two curves and the held-out rug (the training rug has no name).
        #expect(try count(svg, "//*[@class='plot-legend-entry']") == 4)
        #expect(outcome.results["fig"]?.values["kind"] == .text("density"))
        guard case .figure(let f)? = outcome.results["fig"]?.output.first else { return }
        #expect(f.caption?.markdown == "Two models.")
    }

    @Test func generatedDataAddTheTrueDensity() throws {
        let (_, svg) = try figure(plot("data: toy\nfits: [toykde]\n"))
        #expect(try count(svg, "//*[contains(@class, 'plot-marks')]//*[contains(@class, 'plot-line')]") == 2)
        #expect(try svg.nodes(forXPath: "//*[@class='plot-legend-entry']/*[local-name()='text']").contains { $0.stringValue == "true density" })
    }

    @Test func sameNotebookSameBytes() throws {
        let a = try figure(plot("data: d\nfits: [gauss, kde]\n")).markup
        let b = try figure(plot("data: d\nfits: [gauss, kde]\n")).markup
        #expect(a == b)
    }

    @Test func everyKindRendersTheSameBytesTwice() throws {
        for body in ["kind: empirical\ndata: d\n", "kind: bandwidth\ndata: d\nfits: [kde]\n", "kind: kernels\n",
                     "kind: betas\ndata: d\nbetas: [0.1, 1]\n", "data: both\nfits: [g2]\n", "kind: heatmap\ndata: both\nfits: [g2]\n",
                     "sample: draws\n", "kind: qq\nsample: draws\n", "kind: latent\ndimensions: [1, 2]\n"] {
            #expect(try figure(plot(body)).markup == figure(plot(body)).markup, "\(body)")
        }
    }

    /// The issue's size budget: a figure of 10⁴ points stays under 60 KB (rug, bins and
    /// dots are thinned to what the eye can separate).
    @Test func tenThousandPointsStayUnderSixtyKilobytes() throws {
        let outcome = DirectiveNotebook("""
            ```{data} big
            generate: {mixture: [{weight: 0.6, mean: -1.5, sd: 0.5}, {weight: 0.4, mean: 2, sd: 1}]}
            n: 10000
            seed: 1
            ```
            ```{data} cloud
            generate: {gaussian: {mean: [0, 0], covariance: [[1, 0.8], [0.8, 1]]}}
            n: 10000
            seed: 2
            ```
            ```{fit} g
            data: cloud
            model: gaussian
            ```
            ```{plot} one
            data: big
            ```
            ```{plot} two
            data: cloud
            fits: [g]
            ```
            ```{plot} spikes
            kind: empirical
            data: big
            ```
            """).run()
        #expect(outcome.messages == [])
        for label in ["one", "two", "spikes"] {
            let markup = try figure(outcome, label).markup
            #expect(markup.utf8.count < 60_000, "\(label): \(markup.utf8.count) bytes")
        }
    }

    @Test func empiricalSpikes() throws {
        let (_, svg) = try figure(plot("kind: empirical\ndata: d\n"))
        #expect(try count(svg, "//*[contains(@class, 'plot-marks')]//*[contains(@class, 'plot-spikes')]") == 1)
    }

    @Test func bandwidthCurveHasThreeCurvesAndTheChosenBeta() throws {
        let outcome = plot("kind: bandwidth\ndata: d\nfits: [kde]\n")
        #expect(outcome.messages == [])
        let (_, svg) = try figure(outcome)
        #expect(try count(svg, "//*[contains(@class, 'plot-marks')]//*[contains(@class, 'plot-line')]") == 3)
        #expect(try count(svg, "//*[contains(@class, 'plot-rule ')]") == 1)
        #expect(outcome.number("fig", "beta_chosen") == 0.09)
        // Leave-one-out NLL has an interior minimum on the default grid (10⁻³…10 × β).
        let best = outcome.number("fig", "beta_loo_best")!
        #expect(best > 0.09e-3 && best < 0.9)
    }

    @Test func leaveOneOutCurveMatchesTheNaiveFormula() throws {
        // Three points, β = 1: log p₋ᵢ(xᵢ) = log((1/2) Σ_{j≠i} N(xᵢ | xⱼ, 1)), written out.
        let points = [0.0, 1.0, 3.0]
        let curve = try BandwidthCurve(train: .init(points), betas: [1])
        let expected = points.indices.map { i in
            -log(points.indices.filter { $0 != i }.map { exp(-(points[i] - points[$0]) * (points[i] - points[$0]) / 2) / (2 * Double.pi).squareRoot() }.reduce(0, +) / 2)
        }.reduce(0, +) / 3
        #expect(abs(curve.leaveOneOutNLL[0] / expected - 1) < 1e-13)
    }

    @Test func kernelGalleryHasOnePanelPerKernel() throws {
        let outcome = plot("kind: kernels\nkernels: [gaussian, epanechnikov, tophat, \"1/(1+x^2)\"]\n")
        #expect(outcome.messages == [])
        let (markup, html) = try figure(outcome)
        #expect(try count(html, "//*[local-name()='svg']") == 4)
        #expect(outcome.number("fig", "kernels") == 4)
        #expect(try count(html, "//*[local-name()='svg']//*[contains(@class, 'plot-line')]") == 4)
        // Each at unit standard deviation, titled with the scale that takes: h = 1/σ_K, σ_K² = 1/5
        // (epanechnikov) and 1/3 (tophat); the Cauchy-like formula has no finite variance.
        for title in ["gaussian, h = 1", "epanechnikov, h = 2.236", "tophat, h = 1.732", "K ∝ 1/(1+x^2), h = 1, no finite variance"] {
            #expect(markup.contains(title))
        }
    }

    @Test func refusedKernelInTheGalleryPointsAtIt() {
        let outcome = plot("kind: kernels\nkernels: [gaussian, 1/abs(x)]\n")
        #expect(outcome.messages.count == 1)
        #expect(outcome.messages == ["39:21 the kernel 1/abs(x) is not valid: ∫K diverges: K(x) ~ 1/|x| as |x| → ∞"])
    }

    @Test func severalBetasSideBySide() throws {
        let (_, html) = try figure(plot("kind: betas\ndata: d\nbetas: [0.01, 0.1, 1]\n"))
        #expect(try count(html, "//*[local-name()='svg']") == 3)
        #expect(try count(html, "//*[local-name()='svg']//*[contains(@class, 'plot-bars')]") == 3)
    }

    @Test func twoDimensionalContoursAndHeatMap() throws {
        let contours = plot("data: both\nfits: [g2]\n")
        #expect(contours.results["fig"]?.values["kind"] == .text("contours"))
        let (_, svg) = try figure(contours)
        #expect(try count(svg, "//*[contains(@class, 'plot-contours')]") == 1)
        #expect(try count(svg, "//*[contains(@class, 'plot-contour')]") >= 1)
        #expect(try count(svg, "//*[contains(@class, 'plot-scatter')]") == 1)
        let (_, heat) = try figure(plot("kind: heatmap\ndata: both\nfits: [g2]\n"))
        #expect(try count(heat, "//*[contains(@class, 'plot-heatmap')]") == 1)
    }

    @Test func samplesAgainstDataAndQQ() throws {
        let samples = plot("sample: draws\n")
        #expect(samples.results["fig"]?.values["kind"] == .text("samples"))
        let (_, svg) = try figure(samples)
        #expect(try count(svg, "//*[contains(@class, 'plot-marks')]//*[contains(@class, 'plot-bars')]") == 2)
        let (_, qq) = try figure(plot("kind: qq\nsample: draws\n"))
        #expect(try count(qq, "//*[contains(@class, 'plot-scatter')]") == 1)
        #expect(try count(qq, "//*[contains(@class, 'plot-rule ')]") == 1)
    }

    @Test func latentErrorGrowsWithDimensionForPriorSampling() throws {
        let outcome = plot("kind: latent\ndimensions: [1, 8]\nseed: 1\n")
        #expect(outcome.messages == [])
        guard case .numbers(let prior)? = outcome.results["fig"]?.values["prior_log_error"] else { Issue.record("no errors"); return }
        // The tutorial's point: sampling z from the prior misses the posterior more often as
        // k grows, so its error at k = 8 exceeds its error at k = 1.
        #expect(prior[1] > prior[0])
    }

    @Test func wrongDimensionAndMissingInputsAreErrors() {
        #expect(plot("kind: density\ndata: both\n").messages == ["39:7 kind 'density' draws 1-D data, but 'both' is 2-D"])
        #expect(plot("kind: qq\ndata: d\n").messages == ["38:7 kind 'qq' needs samples"])
        #expect(plot("kind: betas\ndata: d\n").messages == ["37:1 kind 'betas' needs the bandwidths to show"])
        #expect(plot("data: d\nfits: [toykde]\n").messages == ["39:8 'toykde' was fitted to 'toy', not to 'd'"])
    }
}
