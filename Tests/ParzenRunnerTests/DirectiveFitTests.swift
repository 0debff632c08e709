import Foundation
import ParzenCore
import Testing
@testable import ParzenRunner

private let eruptions = [3.6, 1.8, 3.333, 2.283, 4.533, 2.883, 4.7, 3.6, 1.95, 4.35, 1.833, 3.917]

private func fit(_ body: String, data: String = "source: f.csv\ncolumns: [eruptions]\n") -> NotebookRunner.Outcome {
    DirectiveNotebook("```{data} d\n\(data)```\n```{fit} m\ndata: d\n\(body)```\n", files: ["f.csv": faithfulHead]).run()
}

@Suite struct DirectiveFitTests {
    @Test func gaussianMLEAndItsTrainingNLLInClosedForm() {
        let outcome = fit("model: gaussian\n")
        #expect(outcome.messages == [])
        let mean = eruptions.reduce(0, +) / 12
        let variance = eruptions.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 12
        // Same formulas, possibly different summation order: a few ulps.
        #expect(abs(outcome.number("m", "mean")! - mean) < 1e-14)
        #expect(abs(outcome.number("m", "variance")! / variance - 1) < 1e-13)
        // At the MLE, L = ½ log(2π σ̂²) + ½ exactly (the mean squared residual is σ̂²).
        #expect(abs(outcome.number("m", "nll_train")! - (0.5 * log(2 * Double.pi * variance) + 0.5)) < 1e-13)
        #expect(outcome.results["m"]?.values["model"] == .text("gaussian"))
    }

    @Test func kdeWithBetaMatchesTheNaiveSum() {
        let beta = 0.09
        let outcome = fit("model: kde\nbeta: \(beta)\n")
        #expect(outcome.messages == [])
        // The tutorial's p(x) = (1/N) Σ N(x | oᵢ, β) summed directly (no log-sum-exp needed
        // at this scale): agreement to rounding.
        let nll = eruptions.map { x in
            -log(eruptions.map { exp(-($0 - x) * ($0 - x) / (2 * beta)) / (2 * Double.pi * beta).squareRoot() }.reduce(0, +) / 12)
        }.reduce(0, +) / 12
        #expect(abs(outcome.number("m", "nll_train")! / nll - 1) < 1e-12)
        #expect(outcome.number("m", "beta") == beta)
        #expect(abs(outcome.number("m", "bandwidth")! - 0.3) < 1e-15)
    }

    @Test func bandwidthIsAStandardDeviationAndBetaItsSquare() {
        let a = fit("model: kde\nbandwidth: 0.3\n"), b = fit("model: kde\nbeta: 0.09\n")
        #expect(abs(a.number("m", "nll_train")! - b.number("m", "nll_train")!) < 1e-12)
    }

    @Test func bandwidthRuleIsRecordedAndScottMatchesItsFormula() {
        let outcome = fit("model: kde\nbandwidth: scott\n")
        #expect(outcome.messages == [])
        #expect(outcome.results["m"]?.values["bandwidth_rule"] == .text("scott"))
        // Scott's rule h = σ̂ N^(−1/5) (d = 1) with the sample standard deviation.
        let mean = eruptions.reduce(0, +) / 12
        let ss = eruptions.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
        let h = outcome.number("m", "bandwidth")!
        let mle = (ss / 12).squareRoot() * pow(12, -0.2), unbiased = (ss / 11).squareRoot() * pow(12, -0.2)
        #expect(abs(h - mle) < 1e-12 || abs(h - unbiased) < 1e-12)
    }

    @Test func heldOutNLLWhenTheDataHaveAHeldOutPart() {
        let outcome = fit("model: gaussian\n", data: "source: f.csv\ncolumns: [eruptions]\nholdout: 0.25\nseed: 1\n")
        #expect(outcome.number("m", "n_train") == 9 && outcome.number("m", "n_heldout") == 3)
        #expect(outcome.number("m", "nll_heldout") != nil && outcome.number("m", "nll_heldout_se") != nil)
    }

    @Test func empiricalDistributionHasInfiniteHeldOutNLL() {
        let outcome = fit("model: empirical\n", data: "source: f.csv\ncolumns: [eruptions]\nholdout: 0.25\nseed: 1\n")
        #expect(outcome.messages == [])
        #expect(outcome.number("m", "nll_heldout") == .infinity)
    }

    @Test func mixtureAndPPCAAndLatent() {
        let gmm = fit("model: gmm\ncomponents: 2\nseed: 1\n")
        #expect(gmm.messages == [])
        #expect(gmm.number("m", "components") == 2 && gmm.number("m", "bic") != nil)
        let ppca = fit("model: ppca\nlatent: 1\n", data: "source: f.csv\n")
        #expect(ppca.messages == [])
        // pPCA with k = 1 < d = 2 on 2-D data; its NLL can only be at least the full Gaussian's.
        let gauss = fit("model: gaussian\n", data: "source: f.csv\n")
        #expect(ppca.number("m", "nll_train")! >= gauss.number("m", "nll_train")! - 1e-12)
        let latent = fit("model: latent\nsamples: 200\nseed: 2\n", data: "source: f.csv\n")
        #expect(latent.messages == [])
        // Importance sampling with the exact posterior as proposal core: within 0.05 nats of exact.
        #expect(abs(latent.number("m", "nll_train")! - latent.number("m", "nll_train_exact")!) < 0.05)
    }

    @Test func tanhLatentModelEstimatesItsNLLDeterministically() {
        let a = fit("model: latent\ndecoder: tanh\nlatent: 2\nsamples: 50\nseed: 4\n", data: "source: f.csv\n")
        #expect(a.messages == [])
        #expect(a.number("m", "nll_train")!.isFinite)
        #expect(a.results["m"]?.values["nll_train_exact"] == nil)
        let b = fit("model: latent\ndecoder: tanh\nlatent: 2\nsamples: 50\nseed: 4\n", data: "source: f.csv\n")
        #expect(a.number("m", "nll_train") == b.number("m", "nll_train"))
    }

    @Test func theFitShowsTheFormulaWithItsNumbers() throws {
        let outcome = fit("model: kde\nbeta: 0.09\n")
        guard case .equation? = outcome.results["m"]?.output.first,
              case .paragraph(let text)? = outcome.results["m"]?.output.dropFirst().first else { Issue.record("no formula"); return }
        // "With N = 12, β = 0.09 and h = √β = 0.3." as three inline formulas.
        let formulas = text.prefix(6).compactMap { if case .math(let m) = $0 { m } else { nil } }
        #expect(formulas == [
            .row([.variable("N"), .symbol(.equals), .int(12)]),
            .row([.greek(.beta), .symbol(.equals), .num(0.09)]),
            .row([.variable("h"), .symbol(.equals), .squareRoot(.greek(.beta)), .symbol(.equals), .num(0.09.squareRoot())]),
        ])
    }

    @Test func optionsThatDoNotApplyAreRefusedWhereTheyAre() {
        #expect(fit("model: gaussian\nbandwidth: 0.3\n").messages == ["8:12 'bandwidth' does not apply to model: gaussian"])
        #expect(fit("model: kde\nbandwidth: 0.3\nbeta: 0.1\n").messages
            == ["9:7 give either 'bandwidth' (h, the kernel's scale) or 'beta' (β = h², the Gaussian kernel's variance), not both"])
        #expect(fit("model: kde\nbandwidth: silvermann\n").messages.first?.hasPrefix("8:12 option 'bandwidth' expects a positive number or one of") == true)
    }

    @Test func kernelsByNameOrFormula() {
        let typo = fit("model: kde\nkernel: gausian\n")
        #expect(typo.messages == ["8:9 unknown kernel 'gausian'"])
        #expect(typo.diagnostics.first?.fix == "did you mean 'gaussian'?")
        #expect(fit("model: kde\nkernel: epanechnikov\nbandwidth: 1\n").messages == [])
        #expect(fit("model: kde\nkernel: 1/(1+x^2)\nbandwidth: 0.2\n").messages == [])
    }

    @Test func formulaParseErrorPointsAtTheCharacter() {
        // "exp(-abs(x)" is missing a ')': the parser reports the offset, mapped into the line.
        let outcome = fit("model: kde\nkernel: exp(-abs(x)\n")
        #expect(outcome.messages.count == 1)
        #expect(outcome.messages.first?.hasPrefix("8:") == true)
        #expect(outcome.messages.first?.contains("cannot read the kernel formula") == true)
    }

    @Test func nonIntegrableKernelIsRefusedAndCanBeAnIntendedExample() {
        let refused = fit("model: kde\nkernel: 1/abs(x)\n")
        #expect(refused.messages.count == 1)
        #expect(refused.messages.first?.contains("∫K diverges") == true)
        let shown = fit("model: kde\nkernel: 1/abs(x)\nexpect: error\n")
        #expect(shown.diagnostics.isEmpty)
        guard case .expectedFailure(let message) = shown.cells.last else { Issue.record("not an expected failure"); return }
        #expect(message.contains("∫K diverges"))
    }

    @Test func fitErrorsFromTheCoreAreReportedAtTheModel() {
        let outcome = fit("model: ppca\n")
        #expect(outcome.messages == ["7:8 probabilistic PCA needs at least 2 columns (k < d), the data have 1"])
    }
}
