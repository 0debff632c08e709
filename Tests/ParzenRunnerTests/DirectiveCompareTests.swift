import Foundation
import ParzenCore
import ParzenFormat
import Testing
@testable import ParzenRunner

private let toy = """
    ```{data} toy
    generate: {mixture: [{weight: 0.6, mean: -1.5, sd: 0.5}, {weight: 0.4, mean: 2, sd: 1}]}
    n: 300
    holdout: 0.3
    seed: 7
    ```
    ```{fit} gauss
    data: toy
    model: gaussian
    ```
    ```{fit} kde
    data: toy
    model: kde
    beta: 0.1
    ```

    """

private func run(_ text: String) -> NotebookRunner.Outcome {
    DirectiveNotebook(toy + text, files: ["f.csv": faithfulHead]).run()
}

@Suite struct DirectiveCompareTests {
    @Test func nllOnHeldOutEqualsTheFitsOwnAndNamesTheBetterModel() throws {
        let outcome = run("```{compare} mle\nmodels: [gauss, kde]\n```\n")
        #expect(outcome.messages == [])
        #expect(outcome.number("mle", "nll_gauss") == outcome.number("gauss", "nll_heldout"))
        #expect(outcome.number("mle", "nll_kde") == outcome.number("kde", "nll_heldout"))
        // A bimodal truth: the KDE beats the single Gaussian.
        #expect(outcome.results["mle"]?.values["best"] == .text("kde"))
        let difference = outcome.number("mle", "nll_difference")!
        #expect(abs(difference - (outcome.number("gauss", "nll_heldout")! - outcome.number("kde", "nll_heldout")!)) < 1e-12)
    }

    @Test func derivationIsAlignedWithTheNumbersAndALabel() throws {
        let outcome = run("```{compare} mle\nmodels: [gauss, kde]\n```\n")
        let blocks = try #require(outcome.results["mle"]?.output)
        let derivation = try #require(blocks.compactMap { block -> Derivation? in
            if case .derivation(let derivation) = block { return derivation }
            return nil
        }.first)
        #expect(derivation.label == "eq:mle")
        #expect(derivation.rows.count == 3)
        // The last row states L(θ₁) − L(θ₂) with this comparison's held-out NLLs and "> 0".
        guard case .row(let items) = derivation.rows[2].right else { Issue.record("no row"); return }
        let numbers = items.compactMap { item -> Double? in if case .number(let q) = item { q.value } else { nil } }
        let l1 = outcome.number("gauss", "nll_heldout")!, l2 = outcome.number("kde", "nll_heldout")!
        #expect(numbers == [l1, l2, l1 - l2, 0])
        #expect(items.contains(.symbol(.greaterThan)))
    }

    @Test func klAgainstTheKnownTruthSatisfiesTheIdentity() throws {
        let outcome = run("```{compare} kl\nmodels: [gauss, kde]\ncriterion: kl\nsamples: 4000\nseed: 5\n```\n")
        #expect(outcome.messages == [])
        let comparison = try #require(outcome.results["kl"]?.payload as? ModelComparison)
        let entropy = try #require(comparison.entropy)
        // On common draws, KL = −H − E[log p_θ] holds term by term, so up to rounding.
        for row in comparison.rows {
            #expect(abs(row.kl!.value - (row.crossEntropy!.value - entropy.value)) < 1e-12)
            #expect(row.kl!.value > 0)
        }
        // The true mixture's entropy in closed form has no expression; its Monte Carlo
        // estimate must lie between the two components' entropies shifted by the mixing
        // entropy bounds: H ∈ [Σπⱼ Hⱼ, Σπⱼ Hⱼ + H(π)].
        let hj = [0.5, 1.0].map { 0.5 * log(2 * Double.pi * exp(1) * $0 * $0) }
        let lower = 0.6 * hj[0] + 0.4 * hj[1]
        let upper = lower - (0.6 * log(0.6) + 0.4 * log(0.4))
        #expect(entropy.value > lower - 4 * entropy.standardError && entropy.value < upper + 4 * entropy.standardError)
    }

    /// The KDE is evaluated at the 4,000 draws through the binned grid (cheaper than 210 exact
    /// terms per draw) with a bound far below 10⁻³ of its KL's SE, and the table's caption says
    /// so with that bound; the Gaussian is exact and not named.
    @Test func klOfAKDEIsBinnedWithinAThousandthOfItsStandardErrorAndTheCaptionSaysSo() throws {
        let outcome = run("```{compare} kl\nmodels: [gauss, kde]\ncriterion: kl\nsamples: 4000\nseed: 5\n```\n")
        let comparison = try #require(outcome.results["kl"]?.payload as? ModelComparison)
        let kde = try #require(comparison.rows.first { $0.label == "kde" })
        let bound = try #require(kde.klBound)
        #expect(bound > 0 && bound <= 1e-3 * kde.kl!.standardError)
        #expect(comparison.rows.first { $0.label == "gauss" }?.klBound == nil)
        let table = try #require(outcome.results["kl"]?.output.compactMap { block -> ResultTable? in
            if case .table(let table) = block { return table }
            return nil
        }.first)
        let caption = try #require(table.caption)
        let words = caption.compactMap { inline -> String? in if case .text(let t) = inline { t } else { nil } }
        #expect(words.joined().contains("through a binned grid"))
        #expect(caption.contains(.code("kde")) && !caption.contains(.code("gauss")))
        #expect(caption.contains(.number(bound, digits: 2)))
    }

    @Test func klNeedsGeneratedData() {
        let outcome = DirectiveNotebook("""
            ```{data} d
            source: f.csv
            columns: [eruptions]
            ```
            ```{fit} a
            data: d
            model: gaussian
            ```
            ```{fit} b
            data: d
            model: kde
            ```
            ```{compare} c
            models: [a, b]
            criterion: kl
            ```
            """, files: ["f.csv": faithfulHead]).run()
        #expect(outcome.messages == ["15:12 criterion 'kl' needs the true density, but 'd' was loaded, not generated"])
    }

    @Test func kFoldRefitsEachModel() throws {
        let outcome = run("```{compare} cv\nmodels: [gauss, kde]\non: kfold\nfolds: 3\n```\n")
        #expect(outcome.messages == [])
        let comparison = try #require(outcome.results["cv"]?.payload as? ModelComparison)
        // Every training point is held out exactly once over the folds.
        #expect(comparison.rows[0].nll.count == outcome.number("toy", "n_train").map(Int.init))
        // The Gaussian refitted on a fold can only do worse on unseen points than the MLE on
        // all of them does on its own training points.
        #expect(comparison.rows[0].nll.value >= outcome.number("gauss", "nll_train")!)
    }

    @Test func momentsAndTwoSampleTests() throws {
        let outcome = run("```{compare} all\nmodels: [gauss, kde]\ncriterion: all\nsamples: 2000\n```\n")
        #expect(outcome.messages == [])
        let comparison = try #require(outcome.results["all"]?.payload as? ModelComparison)
        for row in comparison.rows {
            #expect(row.moments != nil && row.mmd != nil && row.energy != nil && row.kl != nil)
            #expect(row.mmd!.pValue > 0 && row.mmd!.pValue <= 1)
        }
        // The Gaussian matches the first two moments by construction: its samples' mean is
        // within 4 standard errors (σ/√n) of the data's.
        let gauss = comparison.rows[0].moments!
        let sd = gauss.data.covariance[0, 0].squareRoot()
        #expect(abs(gauss.model.mean[0] - gauss.data.mean[0]) < 4 * sd / 2000.0.squareRoot())
        let tables = (outcome.results["all"]?.output ?? []).compactMap { block -> ResultTable? in
            if case .table(let table) = block { return table }
            return nil
        }
        // Likelihood (and KL), moments (two models and the data), two-sample tests.
        #expect(tables.map(\.rows.count) == [2, 3, 2])
    }

    /// What a comparison says, per `on:` mode: on training points an in-sample fit (biased toward
    /// flexible models), no "clear difference" and no KL derivation; on held-out and k-fold
    /// NLLs the derivation with its numbers.
    @Test(arguments: ["train", "heldout", "kfold"]) func wordingFollowsWhereTheNLLIsMeasured(on: String) throws {
        let outcome = run("```{compare} c\nmodels: [gauss, kde]\non: \(on)\n```\n")
        #expect(outcome.messages == [])
        let blocks = try #require(outcome.results["c"]?.output)
        let text = blocks.compactMap { block -> String? in
            if case .paragraph(let inlines) = block { return DirectiveFitControlsTests.plain(inlines) }
            if case .table(let table) = block { return table.caption.map(DirectiveFitControlsTests.plain) }
            return nil
        }.joined(separator: "\n")
        let derivations = blocks.filter { if case .derivation = $0 { true } else { false } }
        if on == "train" {
            #expect(text.contains("has the lowest training NLL"))
            #expect(text.contains("an in-sample fit, which favours the more flexible model"))
            #expect(text.contains("does not estimate the KL divergence"))
            #expect(text.contains("lower is a closer fit, not a better model"))
            #expect(!text.contains("clear difference") && !text.contains("cannot really tell"))
            #expect(!text.contains("Why the lower NLL means the better model"))
            #expect(derivations.isEmpty)
        } else {
            #expect(text.contains(on == "heldout" ? "lowest held-out NLL" : "lowest 5-fold cross-validated NLL"))
            #expect(text.contains("clear difference") || text.contains("cannot really tell them apart"))
            #expect(!text.contains("in-sample"))
            #expect(text.contains("Why the lower NLL means the better model"))
            #expect(derivations.count == 1)
        }
        // The declaration (numbering, `eq:c`) agrees with what the run writes when `on:` is written.
        let (body, _) = YAMLReader.read("models: [gauss, kde]\non: \(on)\n", file: "", firstLine: 1)
        #expect(CompareDirective.citables(label: "c", body: body).isEmpty == (on == "train"))
    }

    @Test func optionMistakes() {
        #expect(run("```{compare} c\nmodels: [gauss]\n```\n").messages == ["17:9 {compare} needs at least two models, got 1"])
        #expect(run("```{compare} c\nmodels: [gauss, kde]\nfolds: 3\n```\n").messages == ["18:8 'folds' only applies to on: kfold"])
        #expect(run("```{compare} c\nmodels: [gauss, kde]\ncriterion: likelihood\n```\n").messages.first?.hasPrefix("18:12 option 'criterion' expects one of") == true)
    }
}

@Suite struct DirectiveSampleTests {
    @Test func samplesFromTheGaussianHaveItsMoments() throws {
        let outcome = run("```{sample} s\nfit: gauss\nn: 5000\nseed: 3\n```\n")
        #expect(outcome.messages == [])
        let samples = try #require(outcome.results["s"]?.payload as? SampleSet)
        #expect(samples.points.count == 5000)
        let mean = outcome.number("gauss", "mean")!, sd = outcome.number("gauss", "variance")!.squareRoot()
        // 4 standard errors of a mean of 5000 draws.
        #expect(abs(outcome.number("s", "mean")! - mean) < 4 * sd / 5000.0.squareRoot())
    }

    @Test func sameSeedSameDrawsDifferentSeedDifferentDraws() throws {
        let a = try #require(run("```{sample} s\nfit: kde\nn: 10\nseed: 3\n```\n").results["s"]?.payload as? SampleSet)
        let b = try #require(run("```{sample} s\nfit: kde\nn: 10\nseed: 3\n```\n").results["s"]?.payload as? SampleSet)
        let c = try #require(run("```{sample} s\nfit: kde\nn: 10\nseed: 4\n```\n").results["s"]?.payload as? SampleSet)
        #expect(a.points == b.points && a.points != c.points)
    }

    @Test func sampleNeedsAFit() {
        #expect(run("```{sample} s\nfit: toy\n```\n").messages.first?.hasPrefix("17:6 option 'fit' needs the label of an earlier fitted model, but 'toy'") == true)
    }
}
