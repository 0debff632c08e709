import Foundation
import ParzenFormat
import ParzenReport
import ParzenRunner
import Testing

/// Notebooks with exactly one mistake each: `parzen check` (no computing) and `parzen render`
/// must report it at the same file:line:column with the same text, and report nothing else.
/// The cases cover the newcomer mistakes of issue 10 and every option of every directive
/// (wrong type, out of range, unknown option, missing required option, wrong kind of label,
/// cross-field rules, shapes of earlier results).
@Suite struct OneMistakeNotebookTests {
    /// One notebook and the one diagnostic both modes must print, as
    /// `line:column: severity: message; fix` (the notebook's path left out).
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var notebook: String
        var expected: [String]
        var testDescription: String { name }

        init(_ name: String, _ notebook: String, _ expected: String...) {
            self.name = name
            self.notebook = notebook
            self.expected = expected
        }
    }

    /// The files next to every notebook: a clean CSV, one with an `NA` cell, one with text, and
    /// one whose text column marks the test rows.
    static let files = [
        "d.csv": "eruptions,waiting\n3.6,79\n1.8,54\n3.333,74\n2.283,62\n4.533,85\n2.883,55\n4.7,88\n3.6,85\n",
        "na.csv": "x,y\n1,2\n3,NA\n4,5\n",
        "text.csv": "x,y\n1,2\n3,4\nfive,6\n",
        "split.csv": "x,split\n1,train\n2,train\n3,test\n4,train\n",
    ]

    /// A 1-D data set of eight values (lines 1–3), the start of most notebooks.
    static let data = "```{data} d\nvalues: [1.2, 2.3, 2.9, 3.1, 4.8, 5.0, 3.3, 2.2]\n```\n\n"
    /// A 2-D data set from the CSV (lines 1–4).
    static let data2 = "```{data} d\nsource: d.csv\ncolumns: [eruptions, waiting]\n```\n\n"

    static let cases: [Case] = [
        // {data}: where the points come from
        Case("data without a source", "```{data} d\nholdout: 0.2\n```\n",
             "1:1: error: {data} needs one of 'source', 'values' or 'generate'; e.g. source: data/old-faithful.csv"),
        Case("data with two sources", "```{data} d\nvalues: [1, 2, 3]\ngenerate: {gaussian: {mean: 0, sd: 1}}\n```\n",
             "3:11: error: give only one of 'source', 'values' and 'generate' (found values and generate); keep values "
                 + "and remove generate"),
        Case("n without generate", "```{data} d\nvalues: [1, 2, 3]\nn: 5\n```\n",
             "3:4: error: 'n' only applies to generated data; remove it, or use 'generate'"),
        Case("columns without a CSV", "```{data} d\nvalues: [1, 2, 3]\ncolumns: [x]\n```\n",
             "3:10: error: 'columns' only applies to a CSV source; remove it, or use 'source'"),
        Case("one value", "```{data} d\nvalues: [1]\n```\n",
             "2:9: error: 'values' has 1 number; a data set needs at least 2"),
        Case("values not numbers", "```{data} d\nvalues: [1, two]\n```\n",
             "2:13: error: option 'values' expects a number, found the text 'two'; write e.g. values: [1, 2.5]"),
        Case("misspelt CSV column", "```{data} d\nsource: d.csv\ncolumns: [eruption]\n```\n",
             "3:10: error: d.csv (line 1): no column named 'eruption'; did you mean 'eruptions'?"),
        Case("NA cell", "```{data} d\nsource: na.csv\n```\n",
             "2:9: error: na.csv (line 3, column 3): column 'y' has 'NA', which is not a number; missing values are not "
                 + "supported: remove the row or fill the cell in"),
        Case("text cell", "```{data} d\nsource: text.csv\ncolumns: [x]\n```\n",
             "2:9: error: text.csv (line 4, column 1): column 'x' has 'five', which is not a number; every cell of a "
                 + "data column must be a finite number"),
        Case("holdout out of range", "```{data} d\nvalues: [1, 2, 3]\nholdout: 1.5\n```\n",
             "3:10: error: option 'holdout' expects a number in [0, 1), found the number 1.5; write e.g. holdout: 0.2"),
        Case("misspelt holdout key", "```{data} d\nvalues: [1, 2, 3]\nholdout: {lst: 1}\n```\n",
             "3:11: error: unknown holdout key 'lst'; did you mean 'last'?"),
        Case("holdout of every row", "```{data} d\nvalues: [1, 2, 3]\nholdout: {first: 3}\n```\n",
             "3:18: error: holding out the first 3 of 3 points leaves nothing to train on; hold out at most 2 points"),
        Case("held-out rows beyond the data", "```{data} d\nvalues: [1, 2, 3]\nholdout: {rows: \"2-4\"}\n```\n",
             "3:17: error: the rows 2-4 are not all among the 3 points; use rows 1 to 3"),
        Case("unreadable held-out rows", "```{data} d\nvalues: [1, 2, 3]\nholdout: {rows: \"two\"}\n```\n",
             "3:17: error: cannot read the rows 'two'; write row numbers from 1 and ranges low-high, e.g. \"401-500\" "
                 + "or \"1-10, 20\""),
        Case("holdout of a CSV beyond its rows", "```{data} d\nsource: d.csv\nholdout: {last: 8}\n```\n",
             "3:17: error: holding out the last 8 of 8 points leaves nothing to train on; hold out at most 7 points"),
        Case("holdout of zero", "```{data} d\nvalues: [1, 2, 3]\nholdout: 0\n```\n",
             "3:10: error: the held-out fraction = 0.0 is invalid; use a fraction strictly between 0 and 1, e.g. 0.2"),
        Case("n too small", "```{data} d\ngenerate: {gaussian: {mean: 0, sd: 1}}\nn: 1\n```\n",
             "3:4: error: option 'n' expects a whole number in 2…1000000, found the number 1; write e.g. n: 10"),
        Case("misspelt generator", "```{data} d\ngenerate: {gausian: {mean: 0, sd: 1}}\n```\n",
             "2:12: error: unknown generator 'gausian'; did you mean 'gaussian'?"),
        Case("mixture weights", "```{data} d\ngenerate: {mixture: [{weight: 0.5, mean: 0, sd: 1}, {weight: 0.4, mean: 3, sd: 1}]}\n```\n",
             "2:21: error: the mixture weights sum to 0.9, not 1; make the weights add up to 1"),
        Case("negative seed", "```{data} d\nvalues: [1, 2, 3]\nseed: -1\n```\n",
             "3:7: error: option 'seed' expects a whole number ≥ 0, found the number -1; write e.g. seed: 10"),
        Case("unknown option", "```{data} d\nvalues: [1, 2, 3]\nholdouts: 0.2\n```\n",
             "3:1: error: unknown option 'holdouts' for {data}; did you mean 'holdout'?"),

        Case("missing CSV file", "```{data} d\nsource: nope.csv\n```\n",
             "2:9: error: file 'nope.csv' not found (looked for <folder>/nope.csv); paths are relative to the "
                 + "notebook's folder"),
        Case("CSV outside the project", "```{data} d\nsource: ../d.csv\n```\n",
             "2:9: error: path '../d.csv' leaves the project folder <folder>; move the file into the project, or run "
                 + "with --allow-outside"),

        // {fit}: options, families, the data's shape
        Case("fit without data", data + "```{fit} g\nmodel: gaussian\n```\n",
             "5:1: error: {fit} needs the option 'data' (the label of an earlier data set); add a line 'data: …' to its "
                 + "body"),
        Case("fit of an unknown label", data + "```{fit} g\ndata: dd\nmodel: gaussian\n```\n",
             "6:7: error: no result labelled 'dd' above this point; did you mean 'd'?"),
        Case("fit of a fit", data + "```{fit} g\ndata: d\nmodel: gaussian\n```\n\n```{fit} h\ndata: g\nmodel: kde\n```\n",
             "11:7: error: option 'data' needs the label of an earlier data set, but 'g' (line 5) is a fitted model; "
                 + "use 'd'"),
        Case("misspelt model", data + "```{fit} g\ndata: d\nmodel: gausian\n```\n",
             "7:8: error: option 'model' expects one of gaussian, student_t, kde, empirical, gmm, ppca, latent, found "
                 + "'gausian'; did you mean 'gaussian'?"),
        Case("misspelt kernel", data + "```{fit} k\ndata: d\nmodel: kde\nkernel: gausian\n```\n",
             "8:9: error: unknown kernel 'gausian'; did you mean 'gaussian'?"),
        Case("unreadable kernel formula", data + "```{fit} k\ndata: d\nmodel: kde\nkernel: exp(-x^2\n```\n",
             "8:17: error: cannot read the kernel formula: expected ')' to close '(' at offset 3"),
        Case("bandwidth and beta", data + "```{fit} k\ndata: d\nmodel: kde\nbandwidth: 0.3\nbeta: 0.09\n```\n",
             "9:7: error: give either 'bandwidth' (h, the kernel's scale) or 'beta' (β = h², the Gaussian kernel's "
                 + "variance), not both; remove 'beta', or remove 'bandwidth'"),
        Case("bandwidth of a Gaussian", data + "```{fit} g\ndata: d\nmodel: gaussian\nbandwidth: 0.3\n```\n",
             "8:12: error: 'bandwidth' does not apply to model: gaussian; it applies to model: kde; remove it"),
        Case("components of a KDE", data + "```{fit} k\ndata: d\nmodel: kde\ncomponents: 3\n```\n",
             "8:13: error: 'components' does not apply to model: kde; it applies to model: gmm; remove it"),
        Case("misspelt bandwidth rule", data + "```{fit} k\ndata: d\nmodel: kde\nbandwidth: scot\n```\n",
             "8:12: error: option 'bandwidth' expects a positive number or one of scott, silverman, isj, cv, found "
                 + "'scot'; did you mean 'scott'?"),
        Case("negative bandwidth", data + "```{fit} k\ndata: d\nmodel: kde\nbandwidth: -0.3\n```\n",
             "8:12: error: option 'bandwidth' expects a positive number or one of scott, silverman, isj, cv, found the "
                 + "number -0.3; write e.g. bandwidth: scott"),
        Case("no components", data + "```{fit} m\ndata: d\nmodel: gmm\ncomponents: 0\n```\n",
             "8:13: error: option 'components' expects a whole number in 1…50, found the number 0; write e.g. "
                 + "components: 10"),
        Case("unbiased not a boolean", data + "```{fit} g\ndata: d\nmodel: gaussian\nunbiased: maybe\n```\n",
             "8:11: error: option 'unbiased' expects true or false, found the text 'maybe'; write e.g. unbiased: true"),
        Case("misspelt covariance", data + "```{fit} m\ndata: d\nmodel: gmm\ncovariance: diagonl\n```\n",
             "8:13: error: option 'covariance' expects one of full, diagonal, spherical, tied, found 'diagonl'; did you "
                 + "mean 'diagonal'?"),
        Case("ppca on 1-D data", data + "```{fit} p\ndata: d\nmodel: ppca\n```\n",
             "7:8: error: probabilistic PCA needs at least 2 columns (k < d), the data have 1; select two or more "
                 + "columns, or use model: gaussian"),
        Case("latent model on 1-D data", data + "```{fit} l\ndata: d\nmodel: latent\n```\n",
             "7:8: error: probabilistic PCA needs at least 2 columns (k < d), the data have 1; select two or more "
                 + "columns, or use model: gaussian"),
        Case("latent dimension not below d", data2 + "```{fit} p\ndata: d\nmodel: ppca\nlatent: 2\n```\n",
             "9:9: error: the latent dimension k = 2 is invalid; use 1 ≤ k < d = 2"),
        Case("holdout leaves too few points for a mixture",
             "```{data} d\nvalues: [1, 2, 3, 4]\nholdout: 0.5\n```\n\n```{fit} m\ndata: d\nmodel: gmm\ncomponents: "
                 + "3\n```\n",
             "7:7: error: a mixture of 3 Gaussians needs at least 3 points, got 2; provide more points or fewer "
                 + "columns"),
        Case("holdout leaves too few points for a 2-D Gaussian",
             "```{data} d\nsource: d.csv\nholdout: 0.75\n```\n\n```{fit} g\ndata: d\nmodel: gaussian\n```\n",
             "7:7: error: a Gaussian in 2 dimensions needs at least 3 points, got 2; provide more points or fewer "
                 + "columns"),
        Case("isj in 2-D", data2 + "```{fit} k\ndata: d\nmodel: kde\nbandwidth: isj\n```\n",
             "9:12: error: the isj rule is defined for 1-D data, got 2 columns; use scott, silverman or cv in 2 "
                 + "dimensions"),
        Case("misspelt option", data + "```{fit} k\ndata: d\nmodel: kde\nkernal: gaussian\n```\n",
             "8:1: error: unknown option 'kernal' for {fit}; did you mean 'kernel'?"),

        Case("negative beta", data + "```{fit} k\ndata: d\nmodel: kde\nbeta: -1\n```\n",
             "8:7: error: option 'beta' expects a positive number, found the number -1; write e.g. beta: 0.5"),
        Case("latent dimension zero", data2 + "```{fit} p\ndata: d\nmodel: ppca\nlatent: 0\n```\n",
             "9:9: error: option 'latent' expects a whole number in 1…100, found the number 0; write e.g. latent: 10"),
        Case("misspelt decoder", data2 + "```{fit} l\ndata: d\nmodel: latent\ndecoder: tanhh\n```\n",
             "9:10: error: option 'decoder' expects one of linear, tanh, found 'tanhh'; did you mean 'tanh'?"),
        Case("one importance sample", data2 + "```{fit} l\ndata: d\nmodel: latent\nsamples: 1\n```\n",
             "9:10: error: option 'samples' expects a whole number in 2…1000000, found the number 1; write e.g. "
                 + "samples: 10"),
        Case("decoder of a pPCA", data2 + "```{fit} p\ndata: d\nmodel: ppca\ndecoder: tanh\n```\n",
             "9:10: error: 'decoder' does not apply to model: ppca; it applies to model: latent; remove it"),
        Case("fractional seed", data + "```{fit} m\ndata: d\nmodel: gmm\nseed: 1.5\n```\n",
             "8:7: error: option 'seed' expects a whole number ≥ 0, found the number 1.5; write e.g. seed: 10"),

        // {fit}: EM controls, reflection at a boundary, radial kernels (issue 13)
        Case("no restarts", data + "```{fit} m\ndata: d\nmodel: gmm\nrestarts: 0\n```\n",
             "8:11: error: option 'restarts' expects a whole number in 1…1000, found the number 0; write e.g. restarts: "
                 + "10"),
        Case("negative tolerance", data + "```{fit} m\ndata: d\nmodel: gmm\ntolerance: -1e-6\n```\n",
             "8:12: error: option 'tolerance' expects a positive number, found the number -1e-6; write e.g. tolerance: "
                 + "0.5"),
        Case("tolerance of one", data + "```{fit} m\ndata: d\nmodel: gmm\ntolerance: 1\n```\n",
             "8:12: error: tolerance 1.0 would stop EM after one iteration (it bounds the relative change of the "
                 + "log-likelihood); use a small fraction such as 1e-10 (the default)"),
        Case("no iterations", data + "```{fit} m\ndata: d\nmodel: gmm\nmax_iterations: 0\n```\n",
             "8:17: error: option 'max_iterations' expects a whole number in 1…1000000, found the number 0; write e.g. "
                 + "max_iterations: 10"),
        Case("restarts of a KDE", data + "```{fit} k\ndata: d\nmodel: kde\nrestarts: 5\n```\n",
             "8:11: error: 'restarts' does not apply to model: kde; it applies to model: gmm; remove it"),
        Case("misspelt boundary end", data + "```{fit} k\ndata: d\nmodel: kde\nboundary: {lowr: 0}\n```\n",
             "8:12: error: unknown boundary key 'lowr'; did you mean 'lower'?"),
        Case("boundary not a mapping", data + "```{fit} k\ndata: d\nmodel: kde\nboundary: 0\n```\n",
             "8:11: error: 'boundary' must be a mapping with 'lower', 'upper' or both, found the number 0; e.g. "
                 + "boundary: {lower: 0}"),
        Case("boundary ends reversed", data + "```{fit} k\ndata: d\nmodel: kde\nboundary: {lower: 1, upper: 0}\n```\n",
             "8:11: error: the boundary = [1.0, 0.0] is invalid; use lower < upper"),
        Case("boundary in 2-D", data2 + "```{fit} k\ndata: d\nmodel: kde\nboundary: {lower: 0}\n```\n",
             "9:11: error: a boundary (reflection) is defined for 1-D data, got 2 columns; select one column, or remove "
                 + "'boundary'"),
        Case("data below the boundary", data + "```{fit} k\ndata: d\nmodel: kde\nboundary: {lower: 2}\n```\n",
             "8:11: error: the point 1.2 lies outside the support [2.0, ∞); remove the point, or widen the boundary"),
        Case("boundary with a formula kernel", data + "```{fit} k\ndata: d\nmodel: kde\nkernel: 1/(1+x^2)\nboundary: {lower: 0}\n```\n",
             "9:11: error: reflection at a boundary needs a built-in kernel, which is symmetric; a formula kernel need "
                 + "not be; use a built-in kernel such as gaussian or epanechnikov with 'boundary'"),
        Case("boundary of a mixture", data + "```{fit} m\ndata: d\nmodel: gmm\nboundary: {lower: 0}\n```\n",
             "8:11: error: 'boundary' does not apply to model: gmm; it applies to model: kde; remove it"),
        Case("formula in x in 2-D", data2 + "```{fit} k\ndata: d\nmodel: kde\nkernel: exp(-x^2)\n```\n",
             "9:9: error: the kernel formula exp(-x^2) is in x, a 1-D kernel, but the data have 2 columns; write a "
                 + "radial formula in r = ‖u‖ instead, e.g. exp(-r^2/2)"),
        Case("radial kernel too heavy for 2-D", data2 + "```{fit} k\ndata: d\nmodel: kde\nkernel: 1/(1+r^2)\n```\n",
             "9:9: error: the radial kernel 1/(1+r^2) is integrable only up to 1 dimensions, but the data have 2 "
                 + "columns; use a kernel whose tail decays faster than r^(−2), e.g. exp(-r)"),
        Case("kernel formula in x and r", data2 + "```{fit} k\ndata: d\nmodel: kde\nkernel: exp(-r*x)\n```\n",
             "9:9: error: the kernel formula names both x and r; write a 1-D kernel in x, or a radial kernel in r = ‖u‖ "
                 + "(any dimension), not both"),
        Case("unreadable radial kernel", data2 + "```{fit} k\ndata: d\nmodel: kde\nkernel: exp(-r\n```\n",
             "9:15: error: cannot read the kernel formula: expected ')' to close '(' at offset 3"),

        // YAML and fences
        Case("bad indentation", data + "```{fit} k\ndata: d\n  model: kde\n```\n",
             "7:8: error: invalid YAML: mapping values are not allowed in this context; check indentation, colons and "
                 + "quotes on this line"),
        Case("a tab", data + "```{fit} k\ndata: d\n\tmodel: kde\n```\n",
             "7:1: error: invalid YAML: found a tab character that violates indentation while scanning a plain scalar; "
                 + "check indentation, colons and quotes on this line"),
        Case("unclosed list", data + "```{fit} k\ndata: d\nmodel: kde\n```\n\n```{plot} p\nfits: [k\n```\n",
             "11:9: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence; check "
                 + "indentation, colons and quotes on this line"),
        Case("unclosed quote", "```{data} d\nvalues: [1, 2]\nholdout: \"0.5\n```\n",
             "3:14: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar; check "
                 + "indentation, colons and quotes on this line"),
        Case("duplicate option", data + "```{fit} k\ndata: d\nmodel: kde\nmodel: gaussian\n```\n",
             "8:1: error: duplicate key 'model' (first given at line 7); remove one of the two"),
        Case("body not a mapping", data + "```{fit} k\n- data: d\n```\n",
             "6:1: error: the body of {fit} must be 'option: value' lines, found a list; write one option per line, "
                 + "e.g. 'data: …'"),
        Case("unclosed fence", data + "```{fit} k\ndata: d\nmodel: kde\n\nSome prose.\n",
             "5:1: error: this {fit} fence is never closed; end its body with a line of ```"),
        Case("unknown directive", data + "```{fti} k\ndata: d\n```\n",
             "5:5: error: unknown directive '{fti}'; did you mean 'fit'?"),
        Case("duplicate label", data + "```{data} d\nvalues: [1, 2]\n```\n",
             "5:11: error: label 'd' is already used at line 1; labels must be unique in a notebook; rename one"),
        Case("label used before it is made", "```{fit} g\ndata: d\nmodel: gaussian\n```\n\n" + data.replacingOccurrences(of: "{data} d", with: "{data} d"),
             "2:7: error: no result labelled 'd' above this point; a directive can only use results labelled above it"),

        // {sample}
        Case("sample size zero", data + "```{fit} g\ndata: d\nmodel: gaussian\n```\n\n```{sample} s\nfit: g\nn: 0\n```\n",
             "12:4: error: option 'n' expects a whole number in 1…1000000, found the number 0; write e.g. n: 10"),
        Case("sample of a data set", data + "```{sample} s\nfit: d\n```\n",
             "6:6: error: option 'fit' needs the label of an earlier fitted model, but 'd' (line 1) is a data set; "
                 + "there is no fitted model above this directive: add one, label it, and use that label"),

        Case("sample seed as text", data + "```{fit} g\ndata: d\nmodel: gaussian\n```\n\n```{sample} s\nfit: g\nseed: seven\n```\n",
             "12:7: error: option 'seed' expects a whole number ≥ 0, found the text 'seven'; write e.g. seed: 10"),

        // {plot}
        Case("contours of 1-D data", data + "```{plot} p\ndata: d\nkind: contours\n```\n",
             "6:7: error: kind 'contours' draws 2-D data, but 'd' is 1-D; select two columns, or use kind: density"),
        Case("density of 2-D data", data2 + "```{plot} p\ndata: d\nkind: density\n```\n",
             "7:7: error: kind 'density' draws 1-D data, but 'd' is 2-D; select one column, or use kind: contours"),
        Case("qq without a sample", data + "```{plot} p\ndata: d\nkind: qq\n```\n",
             "7:7: error: kind 'qq' needs samples; add 'sample: <label of a {sample}>'"),
        Case("betas without bandwidths", data + "```{plot} p\ndata: d\nkind: betas\n```\n",
             "5:1: error: kind 'betas' needs the bandwidths to show; add e.g. betas: [0.005, 0.05, 0.5]"),
        Case("density without data", "```{plot} p\nkind: density\n```\n",
             "2:7: error: kind 'density' needs a data set; add 'data: <label>' or 'fits: [<label>]'"),
        Case("plot of a fit of another data set",
             data + "```{data} e\nvalues: [1, 2, 3]\n```\n\n```{fit} g\ndata: e\nmodel: gaussian\n```\n\n```{plot} p\ndata: d\nfits: [g]\n```\n",
             "16:8: error: 'g' was fitted to 'e', not to 'd'; plot models of the same data set"),
        Case("misspelt kernel in a gallery", "```{plot} p\nkind: kernels\nkernels: [gaussian, epanechnikof]\n```\n",
             "3:21: error: unknown kernel 'epanechnikof'; did you mean 'epanechnikov'?"),
        Case("misspelt plot kind", data + "```{plot} p\ndata: d\nkind: histogram\n```\n",
             "7:7: error: option 'kind' expects one of density, empirical, bandwidth, kernels, betas, contours, "
                 + "heatmap, samples, qq, latent, found 'histogram'; write e.g. kind: density"),
        Case("negative beta of a figure", data + "```{plot} p\ndata: d\nkind: betas\nbetas: [0.1, -0.2]\n```\n",
             "8:14: error: option 'betas' expects a positive number, found the number -0.2; write e.g. betas: [1, "
                 + "2.5]"),
        Case("latent dimension out of range", "```{plot} p\nkind: latent\ndimensions: [1, 100]\n```\n",
             "3:17: error: option 'dimensions' expects a whole number in 1…64, found the number 100; write e.g. "
                 + "dimensions: [1, 2]"),
        Case("plot seed too large", "```{plot} p\nkind: latent\nseed: 99999999999999999999\n```\n",
             "3:7: error: option 'seed' expects a whole number ≥ 0, found the number 99999999999999999999; write e.g. "
                 + "seed: 10"),
        Case("caption not text", data + "```{plot} p\ndata: d\ncaption: [a, b]\n```\n",
             "7:10: error: option 'caption' expects text, found a list; write e.g. caption: \"…\""),

        Case("plot of an unknown fit", data + "```{plot} p\ndata: d\nfits: [g]\n```\n",
             "7:8: error: no result labelled 'g' above this point; did you mean 'd'?"),
        Case("plot sample of a fit", data + "```{fit} g\ndata: d\nmodel: gaussian\n```\n\n```{plot} p\nsample: g\n```\n",
             "11:9: error: option 'sample' needs the label of an earlier sample, but 'g' (line 5) is a fitted model; "
                 + "there is no sample above this directive: add one, label it, and use that label"),
        Case("bandwidth curve of one training point", "```{data} d\nvalues: [1, 2]\nholdout: 0.5\n```\n\n```{plot} p\ndata: d\nkind: bandwidth\n```\n",
             "7:7: error: a bandwidth curve needs at least 2 points, got 1; provide more points or fewer columns"),

        // {compare}
        Case("compare one model", data + "```{fit} g\ndata: d\nmodel: gaussian\n```\n\n```{compare} c\nmodels: [g]\n```\n",
             "11:9: error: {compare} needs at least two models, got 1; list two or more fit labels, e.g. models: "
                 + "[gauss, kde]"),
        Case("compare a model twice",
             data + "```{fit} g\ndata: d\nmodel: gaussian\n```\n\n```{fit} k\ndata: d\nmodel: kde\n```\n\n"
                + "```{compare} c\nmodels: [g, k, g]\n```\n",
             "16:16: error: 'g' is listed twice; list each model once"),
        Case("compare fits of different data sets",
             data + "```{data} e\nvalues: [1, 2, 3]\n```\n\n```{fit} g\ndata: d\nmodel: gaussian\n```\n\n```{fit} h\ndata: e\nmodel: gaussian\n```\n\n```{compare} c\nmodels: [g, h]\n```\n",
             "20:13: error: 'h' was fitted to 'e', but 'g' to 'd'; compare models of the same data set"),
        Case("kl on loaded data", data + Self.twoFits + "```{compare} c\nmodels: [g, k]\ncriterion: kl\n```\n",
             "17:12: error: criterion 'kl' needs the true density, but 'd' was loaded, not generated; use a data set "
                 + "made with 'generate', or criterion: nll (which estimates the same KL differences)"),
        Case("heldout without a holdout", data + Self.twoFits + "```{compare} c\nmodels: [g, k]\non: heldout\n```\n",
             "17:5: error: 'd' has no held-out points; add 'holdout: 0.2' to its {data}, or use on: train or on: "
                 + "kfold"),
        Case("folds without kfold", data + Self.twoFits + "```{compare} c\nmodels: [g, k]\nfolds: 3\n```\n",
             "17:8: error: 'folds' only applies to on: kfold; remove it, or set on: kfold"),
        Case("more folds than points", data + Self.twoFits + "```{compare} c\nmodels: [g, k]\non: kfold\nfolds: 9\n```\n",
             "18:8: error: 9-fold cross-validation needs at least 9 points, got 8; provide more points or fewer "
                 + "columns"),
        Case("folds too small for a refit",
             "```{data} d\ngenerate: {gaussian: {mean: [0, 0], covariance: [[1, 0], [0, 1]]}}\nn: 4\n```\n\n"
                + Self.twoFits + "```{compare} c\nmodels: [g, k]\non: kfold\nfolds: 2\n```\n",
             "19:8: error: 2-fold cross-validation refits 'g' on 2 points, but a Gaussian in 2 dimensions needs at "
                 + "least 3 points, got 2; use fewer folds"),
        Case("misspelt criterion", data + Self.twoFits + "```{compare} c\nmodels: [g, k]\ncriterion: nlll\n```\n",
             "17:12: error: option 'criterion' expects one of nll, kl, moments, mmd, all, found 'nlll'; did you mean "
                 + "'nll'?"),
        Case("misspelt on", data + Self.twoFits + "```{compare} c\nmodels: [g, k]\non: test\n```\n",
             "17:5: error: option 'on' expects one of train, heldout, kfold, found 'test'; write e.g. on: train"),
        Case("one fold", data + Self.twoFits + "```{compare} c\nmodels: [g, k]\non: kfold\nfolds: 1\n```\n",
             "18:8: error: option 'folds' expects a whole number in 2…100, found the number 1; write e.g. folds: 10"),
        Case("compare data sets", data + "```{compare} c\nmodels: [d, d]\n```\n",
             "6:10: error: option 'models' needs the label of an earlier fitted model, but 'd' (line 1) is a data set; "
                 + "there is no fitted model above this directive: add one, label it, and use that label"),
        Case("samples out of range", data + Self.twoFits + "```{compare} c\nmodels: [g, k]\nsamples: 10\n```\n",
             "17:10: error: option 'samples' expects a whole number in 100…10000000, found the number 10; write e.g. "
                 + "samples: 100"),
        Case("compare seed negative", data + Self.twoFits + "```{compare} c\nmodels: [g, k]\nseed: -3\n```\n",
             "17:7: error: option 'seed' expects a whole number ≥ 0, found the number -3; write e.g. seed: 10"),
        Case("expect misspelt", data + "```{fit} g\ndata: d\nmodel: gaussian\nexpect: failure\n```\n",
             "8:9: error: option 'expect' expects one of error, found 'failure'; write e.g. expect: error"),

        // A directive that depends on a failed one says which and where (two diagnostics).
        Case("dependent of an unknown directive", "```{dta} d\nvalues: [1, 2]\n```\n\n```{fit} g\ndata: d\nmodel: gaussian\n```\n",
             "1:5: error: unknown directive '{dta}'; did you mean 'data'?",
             "6:7: error: 'd' failed at line 1; fix the error there first"),
        Case("dependent of a failed directive", "```{data} d\nvalues: [1]\n```\n\n```{fit} g\ndata: d\nmodel: gaussian\n```\n",
             "2:9: error: 'values' has 1 number; a data set needs at least 2",
             "6:7: error: 'd' failed at line 1; fix the error there first"),
    ]

    /// Two fits of `data` (lines 5–13), for `{compare}`.
    static let twoFits = "```{fit} g\ndata: d\nmodel: gaussian\n```\n\n```{fit} k\ndata: d\nmodel: kde\n```\n\n"

    @Test(arguments: cases)
    func checkAndRenderReportTheMistakeAloneAtTheSamePlace(_ mistake: Case) throws {
        let (check, render) = try Self.build(mistake.notebook)
        #expect(check == mistake.expected)
        #expect(render == mistake.expected)
    }

    @Test func thereAreAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }

    // Mistakes in references: one table for \eqref, \ref and {ref}, built from what the
    // fences declare, so check and render resolve them alike.

    @Test func misspeltEquationReferenceInANotebookWithDirectives() throws {
        let notebook = "$$\\begin{equation}x^2\\label{eq:square}\\end{equation}$$\n\nSee \\eqref{eq:sqare}.\n\n" + Self.data
        let (check, render) = try Self.build(notebook)
        #expect(check.count == 1 && check == render)
        #expect(check.first?.contains("eq:sqare") == true)
    }

    @Test func misspeltFigureReference() throws {
        let notebook = "See {ref}`fig`.\n\n" + Self.data + "```{plot} fig1\ndata: d\n```\n"
        let (check, render) = try Self.build(notebook)
        #expect(check.count == 1 && check == render)
        #expect(check.first?.contains("did you mean 'fig1'?") == true)
    }

    @Test func valueOfAFailedDirective() throws {
        let notebook = "```{data} d\nvalues: [1]\n```\n\nThere are {value}`d.n` points.\n"
        let (check, render) = try Self.build(notebook)
        #expect(check == render)
        #expect(check.contains { $0.hasPrefix("5:") && $0.contains("'d' failed at line 1") })
    }

    /// The diagnostics of `check` and of `render`, as `line:column: severity: text`.
    static func build(_ notebook: String) throws -> (check: [String], render: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-one-mistake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, content) in files {
            try content.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let path = folder.appendingPathComponent("nb.md").path
        try notebook.write(toFile: path, atomically: true, encoding: .utf8)
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
        // Messages about paths name the folder: written <folder> in the cases.
        let resolved = folder.resolvingSymlinksInPath().path
        func lines(_ build: NotebookBuild) -> [String] {
            build.diagnostics.map {
                "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.text)"
                    .replacingOccurrences(of: resolved, with: "<folder>")
            }
        }
        return (lines(builder.build(text: notebook, path: path, checkOnly: true)),
                lines(builder.build(text: notebook, path: path, checkOnly: false)))
    }
}
