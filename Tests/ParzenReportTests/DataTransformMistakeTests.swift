import Foundation
import ParzenReport
import ParzenRunner
import Testing

/// `{data}`'s `transform:` and text columns (issue 13), one mistake each: `check` (no
/// computing) and `render` report it at the same file:line:column with the same text — a
/// value outside a transform's domain names its row (the CSV's line and column) and value.
/// The files are `OneMistakeNotebookTests`'.
@Suite struct DataTransformMistakeTests {
    typealias Case = OneMistakeNotebookTests.Case

    static let cases: [Case] = [
        Case("log of a zero", "```{data} d\nvalues: [1, 0, 2]\ntransform: log\n```\n",
             "3:12: error: value 2 of 'values': log needs x > 0, but the value is 0; use log1p for data with zeros, "
                 + "or leave the zeros out with `where:`"),
        Case("logit of a CSV value outside (0, 1)",
             "```{data} d\nsource: split.csv\ncolumns: [x]\ntransform: {x: logit}\n```\n",
             "4:16: error: split.csv (line 2, column 1): column 'x': logit needs 0 < x < 1, but the value is 1; leave "
                 + "such rows out with `where:`, or choose a transform defined there"),
        Case("sqrt of a negative held-out test point",
             "```{data} te\nvalues: [-1, 2]\n```\n\n```{data} d\nvalues: [1, 2, 3]\ntest: te\ntransform: sqrt\n```\n",
             "8:12: error: point 1 of 'te', column 'x': sqrt needs x > 0, but the value is −1; leave such rows out "
                 + "with `where:`, or choose a transform defined there"),
        Case("misspelt transform", "```{data} d\nvalues: [1, 2, 3]\ntransform: lgo\n```\n",
             "3:12: error: option 'transform' expects one of log, log1p, sqrt, standardize, logit, found 'lgo'; did "
                 + "you mean 'log'?"),
        Case("misspelt transform of a column", "```{data} d\nsource: d.csv\ntransform: {waiting: lgoit}\n```\n",
             "3:22: error: unknown transform 'lgoit' for column 'waiting'; did you mean 'logit'?"),
        Case("transform of a column not there", "```{data} d\nsource: d.csv\ntransform: {eruption: log}\n```\n",
             "3:13: error: 'transform' names the column 'eruption', which the data set lacks; did you mean "
                 + "'eruptions'?"),
        Case("standardize a constant column", "```{data} d\nvalues: [2, 2, 2]\ntransform: standardize\n```\n",
             "3:12: error: cannot standardize column 'x': its training values are all 2; remove the transform of 'x'"),
        Case("transformed test set", "```{data} te\nvalues: [1, 2]\ntransform: log\n```\n\n"
                 + "```{data} d\nvalues: [1, 2, 3]\ntest: te\n```\n",
             "8:7: error: 'te' has a 'transform' of its own, but a test set is transformed as the data set it tests; "
                 + "remove 'transform' from 'te'"),
        Case("empty transform", "```{data} d\nvalues: [1, 2, 3]\ntransform: {}\n```\n",
             "3:12: error: 'transform' names no column; e.g. transform: {x: log}, or remove it"),
        // Text columns
        Case("text column read as numbers", "```{data} d\nsource: split.csv\n```\n",
             "2:9: error: split.csv (line 2, column 3): column 'split' holds text ('train'), and without `columns` "
                 + "every column is read as numbers; name the numeric columns, e.g. `columns: [x]`; a text column can "
                 + "still be used by `where:` or `holdout: {column: …}`"),
    ]

    @Test(arguments: cases + ResultKeyCheckTests.cases)
    func checkAndRenderReportTheMistakeAloneAtTheSamePlace(_ mistake: Case) throws {
        let (check, render) = try OneMistakeNotebookTests.build(mistake.notebook)
        #expect(check == mistake.expected)
        #expect(render == mistake.expected)
    }
}
