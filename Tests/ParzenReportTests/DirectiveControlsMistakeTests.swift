import Foundation
import ParzenReport
import ParzenRunner
import Testing

/// The `{plot}` controls of issue 13 (bins, axis ranges, log axes, size, legend, title,
/// held-out points) and `{data}`'s holdout by column, with one mistake each: `check` (no computing) and `render` report it at
/// the same file:line:column with the same text, and nothing else — as in
/// `OneMistakeNotebookTests`, whose notebook builder and files these cases share.
@Suite struct DirectiveControlsMistakeTests {
    typealias Case = OneMistakeNotebookTests.Case
    /// Eight 1-D values (lines 1–3); a plot after it opens at line 5, its options from line 6.
    static let data = OneMistakeNotebookTests.data
    /// The data, a Gaussian `g` and a KDE `k` of it (lines 1–13); a plot opens at line 15.
    static let fits = data + OneMistakeNotebookTests.twoFits

    static let cases: [Case] = [
        // An option the kind does not use, written or implied by the inputs.
        Case("bins of a bandwidth curve", data + "```{plot} p\ndata: d\nkind: bandwidth\nbins: 40\n```\n",
             "8:7: error: kind 'bandwidth' does not use 'bins' (only density, betas and samples do); remove it, or set kind: density"),
        Case("kernels of an implied density", data + "```{plot} p\ndata: d\nkernels: [gaussian]\n```\n",
             "7:10: error: kind 'density' does not use 'kernels' (only kernels does); remove it, or set kind: kernels"),
        Case("size of a kernel gallery", "```{plot} p\nkind: kernels\nsize: {width: 600, height: 300}\n```\n",
             "3:7: error: kind 'kernels' does not use 'size' (only density, empirical, bandwidth, contours, heatmap, samples, qq and latent do); remove it, or set kind: density"),
        Case("fits of an empirical distribution", fits + "```{plot} p\ndata: d\nkind: empirical\nfits: [k]\n```\n",
             "18:7: error: kind 'empirical' does not use 'fits' (only density, bandwidth, contours and heatmap do); remove it, or set kind: density"),
        Case("grid table of a density", data + "```{plot} p\ndata: d\ntable: true\n```\n",
             "7:8: error: kind 'density' does not use 'table' (only bandwidth does); remove it, or set kind: bandwidth"),
        Case("misspelt bandwidth axis", data + "```{plot} p\ndata: d\nkind: bandwidth\nbandwidth_axis: sd\n```\n",
             "8:17: error: option 'bandwidth_axis' expects one of beta, h, found 'sd'; write e.g. bandwidth_axis: beta"),
        // bins
        Case("zero bins", data + "```{plot} p\ndata: d\nbins: 0\n```\n",
             "7:7: error: 'bins' expects a whole number of bins in 1…1000, found the number 0; e.g. bins: 40"),
        Case("fractional bins", data + "```{plot} p\ndata: d\nbins: 2.5\n```\n",
             "7:7: error: 'bins' expects a whole number of bins in 1…1000, found the number 2.5; e.g. bins: 40"),
        Case("misspelt bin rule", data + "```{plot} p\ndata: d\nbins: scot\n```\n",
             "7:7: error: unknown bin rule 'scot'; did you mean 'scott'?"),
        Case("decreasing bin edges", data + "```{plot} p\ndata: d\nbins: [0, 2, 1]\n```\n",
             "7:14: error: bin edges must increase, but 1 follows 2; list the edges from low to high, each once"),
        Case("one bin edge", data + "```{plot} p\ndata: d\nbins: [3]\n```\n",
             "7:7: error: bin edges need at least two numbers, found 1; e.g. bins: [0, 1, 2, 4]"),
        Case("bin edges not numbers", data + "```{plot} p\ndata: d\nbins: [0, two]\n```\n",
             "7:11: error: bin edges must be numbers, found the text 'two'"),
        // x and y ranges, log axes
        Case("reversed x range", data + "```{plot} p\ndata: d\nx: [6, 0]\n```\n",
             "7:4: error: 'x' goes from 6 to 0; the low end must come first and be smaller; e.g. x: [0, 6]"),
        Case("one-number y range", data + "```{plot} p\ndata: d\ny: [1]\n```\n",
             "7:4: error: 'y' expects two numbers, the low and high ends, found 1; e.g. y: [0, 6]"),
        Case("log axis from zero", data + "```{plot} p\ndata: d\nlog: x\nx: [0, 6]\n```\n",
             "8:4: error: a log x axis cannot reach 0; start the range above 0, or remove 'log'"),
        Case("log axis of negative data", "```{data} d\nvalues: [-1, 2, 3]\n```\n\n```{plot} p\ndata: d\nlog: x\n```\n",
             "7:6: error: a log x axis cannot show the values of 'd', which reach -1; remove 'log', or plot positive data"),
        Case("log axis of negative held-out data", "```{data} d\nvalues: [1, 2, -3]\nholdout: {last: 1}\n```\n\n```{plot} p\ndata: d\nlog: x\n```\n",
             "8:6: error: a log x axis cannot show the values of 'd', which reach -3; remove 'log', or plot positive data"),
        Case("log of a latent figure", "```{plot} p\nkind: latent\nlog: y\n```\n",
             "3:6: error: kind 'latent' does not use 'log' (only density, empirical, bandwidth, samples and qq do); remove it, or set kind: density"),
        // size and aspect
        Case("size and aspect", data + "```{plot} p\ndata: d\nsize: {width: 600, height: 300}\naspect: 2\n```\n",
             "8:9: error: give either 'size' (width and height) or 'aspect' (width / height), not both; remove 'aspect', or remove 'size'"),
        Case("narrow size", data + "```{plot} p\ndata: d\nsize: {width: 50}\n```\n",
             "7:15: error: 'width' expects a number in 200…1200, found the number 50"),
        Case("misspelt size key", data + "```{plot} p\ndata: d\nsize: {widht: 600}\n```\n",
             "7:8: error: unknown size key 'widht'; did you mean 'width'?"),
        Case("size not a mapping", data + "```{plot} p\ndata: d\nsize: 600\n```\n",
             "7:7: error: 'size' expects {width: w, height: h} in SVG units, w in 200…1200, h in 120…1200, found the number 600; e.g. size: {width: 560, height: 280}, or aspect: 2"),
        Case("extreme aspect", data + "```{plot} p\ndata: d\naspect: 10\n```\n",
             "7:9: error: 'aspect' (width / height) must be between 0.25 and 4, found 10; e.g. aspect: 1.6"),
        // legend, title, held-out points
        Case("legend name of a fit not drawn", fits + "```{plot} p\ndata: d\nfits: [g, k]\nlegend: {kk: \"KDE\"}\n```\n",
             "18:10: error: the figure has no legend entry 'kk'; did you mean 'k'?"),
        Case("legend name of held-out points without a split", fits + "```{plot} p\ndata: d\nfits: [k]\nlegend: {heldout: test}\n```\n",
             "18:10: error: the figure has no legend entry 'heldout'; expected one of: k, data"),
        Case("legend position misspelt", data + "```{plot} p\ndata: d\nlegend: {position: botom}\n```\n",
             "7:20: error: the legend position must be one of top, bottom or none, found 'botom'; did you mean 'bottom'?"),
        Case("legend position not a word", data + "```{plot} p\ndata: d\nlegend: left\n```\n",
             "7:9: error: the legend position must be one of top, bottom or none, found 'left'; e.g. legend: bottom"),
        Case("legend as a list", data + "```{plot} p\ndata: d\nlegend: [a, b]\n```\n",
             "7:9: error: 'legend' expects `top`, `bottom` or `none`, or a mapping of display names by fit label (and `data`, `heldout`, `true`) with an optional `position:`, found a list; e.g. legend: {kde: \"KDE\", position: bottom}"),
        Case("legend name not text", fits + "```{plot} p\ndata: d\nfits: [k]\nlegend: {k: [a]}\n```\n",
             "18:13: error: the legend name of 'k' must be text, found a list; e.g. k: \"KDE, h = 0.3\""),
        Case("legend names of a bandwidth curve", fits + "```{plot} p\ndata: d\nkind: bandwidth\nfits: [k]\nlegend: {k: KDE}\n```\n",
             "19:10: error: legend names apply to kinds density, contours and heatmap, not 'bandwidth'; give only a position (legend: top, bottom or none)"),
        Case("show_heldout not a boolean", data + "```{plot} p\ndata: d\nshow_heldout: maybe\n```\n",
             "7:15: error: option 'show_heldout' expects true or false, found the text 'maybe'; write e.g. show_heldout: true"),
        Case("title not text", data + "```{plot} p\ndata: d\ntitle: [a, b]\n```\n",
             "7:8: error: option 'title' expects text, found a list; write e.g. title: \"…\""),
        // {data}: holding out the rows of split.csv whose `split` is `test`
        Case("misspelt holdout column", "```{data} d\nsource: split.csv\nholdout: {column: splt, value: test}\n```\n",
             "3:19: error: no column named 'splt'; did you mean 'split'?"),
        Case("misspelt holdout value", "```{data} d\nsource: split.csv\nholdout: {column: split, value: tset}\n```\n",
             "3:33: error: no row has split = tset; did you mean 'test'?"),
        Case("holdout value of no row", "```{data} d\nsource: split.csv\nholdout: {column: split, value: dev}\n```\n",
             "3:33: error: no row has split = dev; the column's values are: 'train', 'test'"),
        Case("holdout column without value", "```{data} d\nsource: split.csv\nholdout: {column: split}\n```\n",
             "3:10: error: 'holdout' by column needs both 'column' and 'value'; add 'value: …', e.g. holdout: {column: split, value: test}"),
        Case("holdout by column and position", "```{data} d\nsource: split.csv\nholdout: {column: split, value: test, last: 1}\n```\n",
             "3:39: error: 'last' does not go with 'column' and 'value'; hold out by column (e.g. {column: split, value: test}) or by position, not both"),
        Case("holdout by column of listed values", "```{data} d\nvalues: [1, 2, 3]\nholdout: {column: split, value: test}\n```\n",
             "3:19: error: holding out by column needs a CSV source; use 'source: <file>.csv', or hold out by position, e.g. {last: 100}"),
        Case("text column selected", "```{data} d\nsource: split.csv\ncolumns: [x, split]\nholdout: {column: split, value: test}\n```\n",
             "2:9: error: split.csv (line 2, column 3): column 'split' has 'train', which is not a number; every cell of a data column must be a finite number"),
        // {data}: where
        Case("unreadable row filter", "```{data} d\nsource: split.csv\nwhere: \"x = 1\"\n```\n",
             "3:8: error: cannot read the row filter 'x = 1'; write <column> <comparison> <value> with ==, !=, <, <=, > or >=, e.g. \"x > 0\" or \"species == setosa\""),
        Case("row filter comparing text by size", "```{data} d\nsource: split.csv\ncolumns: [x]\nwhere: \"split > test\"\n```\n",
             "4:8: error: 'split > test' compares with 'test', which is not a number; use == or != for text, or a number with >"),
        Case("row filter of a misspelt column", "```{data} d\nsource: split.csv\ncolumns: [x]\nwhere: [\"x > 1\", \"splt == test\"]\n```\n",
             "4:18: error: no column named 'splt'; did you mean 'split'?"),
        Case("row filter keeping one row", "```{data} d\nsource: split.csv\ncolumns: [x]\nwhere: \"x > 3\"\n```\n",
             "4:8: error: 'where' keeps 1 of the 4 rows; a data set needs at least 2; loosen the conditions"),
        Case("row filter of listed values", "```{data} d\nvalues: [1, 2, 3]\nwhere: \"x > 1\"\n```\n",
             "3:8: error: 'where' only applies to a CSV source; remove it, or use 'source'"),
        // {data}: test
        Case("test set and holdout", data + "```{data} e\nvalues: [1, 2, 3]\ntest: d\nholdout: 0.5\n```\n",
             "7:7: error: give either 'holdout' (points of this data set) or 'test' (another data set), not both; remove 'test', or remove 'holdout'"),
        Case("test set of another dimension", "```{data} t\nsource: d.csv\n```\n\n```{data} e\nvalues: [1, 2, 3]\ntest: t\n```\n",
             "7:7: error: 't' is 2-D, but 'e' is 1-D; give both data sets the same number of columns"),
        Case("test set of a fit", data + OneMistakeNotebookTests.twoFits + "```{data} e\nvalues: [1, 2, 3]\ntest: g\n```\n",
             "17:7: error: option 'test' needs the label of an earlier data set, but 'g' (line 5) is a fitted model; use 'd'"),
        // {data}: sample
        Case("subsample of every row", data + "```{data} e\nvalues: [1, 2, 3]\nsample: {n: 3}\n```\n",
             "7:13: error: cannot draw 3 of the 3 rows; draw fewer than 3, or remove 'sample'"),
        Case("subsample without n", data + "```{data} e\nvalues: [1, 2, 3]\nsample: {seed: 3}\n```\n",
             "7:9: error: 'sample' needs 'n', the number of rows to draw; e.g. sample: {n: 1000, seed: 3}"),
        Case("misspelt subsample key", data + "```{data} e\nvalues: [1, 2, 3]\nsample: {n: 2, sed: 3}\n```\n",
             "7:16: error: unknown sample key 'sed'; did you mean 'seed'?"),
        Case("subsample of one row", data + "```{data} e\nvalues: [1, 2, 3]\nsample: {n: 1}\n```\n",
             "7:13: error: 'n' expects a whole number ≥ 2, found the number 1"),
        // {plot}: the true density among the fits
        Case("true density of listed values in a plot", data + "```{plot} p\ndata: d\nfits: [true]\n```\n",
             "7:8: error: 'true' needs the density that generated the data, but 'd' was loaded, not generated; remove it, or plot a data set made with 'generate'"),
        Case("true density in a bandwidth curve", data + "```{plot} p\ndata: d\nkind: bandwidth\nfits: [true]\n```\n",
             "8:8: error: 'true' in fits applies to kinds density, contours and heatmap, not 'bandwidth'; remove it: the bandwidth curve is a KDE's"),
        // {compare}: the true density as a model
        Case("true density of loaded data", fits + "```{compare} c\nmodels: [g, k, true]\n```\n",
             "16:16: error: 'true' needs the density that generated the data, but 'd' was loaded, not generated; remove it, or compare models of a data set made with 'generate'"),
        Case("true density alone", data + "```{compare} c\nmodels: [true]\n```\n",
             "6:9: error: {compare} needs at least two models, got 0 and 'true'; list two or more fit labels, e.g. models: [gauss, kde]"),
        Case("true density twice", fits + "```{compare} c\nmodels: [g, true, true]\n```\n",
             "16:19: error: 'true' is listed twice; list it once"),
    ]

    @Test(arguments: cases)
    func checkAndRenderReportTheMistakeAloneAtTheSamePlace(_ mistake: Case) throws {
        let (check, render) = try OneMistakeNotebookTests.build(mistake.notebook)
        #expect(check == mistake.expected)
        #expect(render == mistake.expected)
    }
}
