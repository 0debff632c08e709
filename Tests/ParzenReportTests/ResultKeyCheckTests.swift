import Foundation
import ParzenReport
import ParzenRunner
import Testing

/// `{from: label.key}` validated by `parzen check`, before anything runs (issue 13): the key
/// must be one the label's directive declares for its shape (a fit's family, a data set's
/// columns), of a kind the option takes. `check` and `render` report the same, at the value.
/// The files are `OneMistakeNotebookTests'`; the data set and fits open at lines 1 and 5. The
/// cases run with `DataTransformMistakeTests`'.
@Suite struct ResultKeyCheckTests {
    typealias Case = OneMistakeNotebookTests.Case
    static let fits = OneMistakeNotebookTests.data + OneMistakeNotebookTests.twoFits

    static let cases: [Case] = [
        Case("misspelt key of a fit", fits + "```{fit} twin\ndata: d\nmodel: kde\nbeta: {from: k.bta}\n```\n",
             "18:14: error: 'k' has no value 'bta'; did you mean 'beta'?"),
        Case("key of another family", fits + "```{fit} twin\ndata: d\nmodel: kde\nbeta: {from: g.kernel_sd}\n```\n",
             "18:14: error: 'g' has no value 'kernel_sd'; its values are: model, dimension, n_train, nll_train, "
                 + "nll_train_se, n_heldout, nll_heldout, nll_heldout_se, mean, variance, covariance "
                 + "(docs/directives.md lists them)"),
        Case("text into a number", fits + "```{fit} twin\ndata: d\nmodel: kde\nbeta: {from: k.kernel}\n```\n",
             "18:14: error: option 'beta' expects a number, but k.kernel is text; take another value, or write the "
                 + "number itself"),
        Case("number into a whole number", fits + "```{fit} m\ndata: d\nmodel: gmm\ncomponents: {from: g.mean}\n```\n",
             "18:20: error: option 'components' expects a whole number, but g.mean is a number; take another value, "
                 + "or write the number itself"),
        Case("column key of a 2-D data set", OneMistakeNotebookTests.data2
                 + "```{fit} k\ndata: d\nmodel: kde\nbeta: {from: d.mean_eruption}\n```\n",
             "9:14: error: 'd' has no value 'mean_eruption'; did you mean 'mean_eruptions'?"),
        // The same check for the other readers of label.key: a {value} role (the key after the
        // backtick, column 26), a \val in math (column 11) and an {assert} claim (column 7).
        Case("misspelt key in a {value}", fits + "The bandwidth is {value}`k.bta`.\n",
             "15:26: error: 'k' has no value 'bta'; did you mean 'beta'?"),
        Case("misspelt key in a \\val", fits + "$h = \\val{k.bta}$\n",
             "15:11: error: 'k' has no value 'bta'; did you mean 'beta'?"),
        Case("misspelt key in an {assert}", fits + "```{assert}\nthat: k.bta < 1\n```\n",
             "16:7: error: 'k' has no value 'bta'; did you mean 'beta'?"),
    ]

    /// A key the shape declares passes `check`, and a whole number fits a number option.
    @Test func declaredKeysPassCheck() throws {
        let (check, _) = try OneMistakeNotebookTests.build(Self.fits
            + "```{fit} twin\ndata: d\nmodel: kde\nbeta: {from: k.beta}\n```\n\n"
            + "```{fit} m\ndata: d\nmodel: gmm\ncomponents: {from: k.dimension}\n```\n")
        #expect(check == [])
    }
}
