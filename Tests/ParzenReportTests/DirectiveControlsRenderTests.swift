import Foundation
import ParzenReport
import ParzenRunner
import Testing

/// The `{fit}` and `{data}` controls of issue 13, used correctly, go through `check` and the
/// whole render (formulas through the TeX and MathML writers) without a diagnostic, except
/// the one warning ISJ without a root is meant to give.
@Suite struct DirectiveControlsRenderTests {
    static let data = "```{data} d\nvalues: [0.1, 1.2, 2.3, 2.9, 3.1, 4.8, 5.0, 3.3, 2.2, 0.4]\nholdout: {last: 2}\n```\n\n"

    @Test(arguments: [
        "model: gmm\ncomponents: 2\nrestarts: 3\ntolerance: 1e-8\nmax_iterations: 50",
        "model: kde\nboundary: {lower: 0}",
        "model: kde\nkernel: epanechnikov\nbandwidth: 0.5\nboundary: {lower: 0, upper: 6}",
        "model: kde\nkernel: tophat\nbeta: 0.25\nboundary: {upper: 6}",
        "model: kde\nkernel: exp(-r)\nbandwidth: 0.4",
    ])
    func controlsRenderCleanly(_ options: String) throws {
        let (check, render) = try OneMistakeNotebookTests.build(Self.data + "```{fit} m\ndata: d\n\(options)\n```\n")
        #expect(check == [] && render == [])
    }

    /// A radial kernel on 2-D data, fitted, plotted as contours and compared by k-fold CV.
    @Test func radialKernelInTwoDimensionsThroughPlotAndCompare() throws {
        let notebook = "```{data} d\nsource: d.csv\n```\n\n```{fit} k\ndata: d\nmodel: kde\nkernel: exp(-r)\nbandwidth: scott\n```\n\n"
            + "```{fit} g\ndata: d\nmodel: gaussian\n```\n\n```{plot} p\ndata: d\nkind: contours\nfits: [k]\n```\n\n"
            + "```{compare} c\nmodels: [k, g]\non: kfold\nfolds: 4\n```\n"
        let (check, render) = try OneMistakeNotebookTests.build(notebook)
        #expect(check == [] && render == [])
    }

    @Test func isjWithoutARootWarnsOnlyWhenRendered() throws {
        let (check, render) = try OneMistakeNotebookTests.build(Self.data + "```{fit} m\ndata: d\nmodel: kde\nbandwidth: isj\n```\n")
        #expect(check == [])
        #expect(render == ["9:12: warning: the Improved Sheather–Jones equation has no root in (0, 0.1] for these 8 points "
            + "(common below ~50 points or with many tied values); used Silverman's rule 0.9·min(σ̂, IQR/1.34)·n^(−1/5) instead"])
    }
}
