import Foundation
import Testing

/// `parzen fit` checks its flags with `{fit}`'s declarations and rules: the wording is the
/// notebook's, with options spelt as flags.
@Suite struct FitCommandTests {
    let cli = CommandLineTests()
    let data = ["d.csv": "x,y\n1,2\n2,3.1\n3,3.5\n4,6\n"]

    func stderr(_ arguments: [String]) async throws -> (Int32, String) {
        let run = try await cli.parzen(["fit", "d.csv"] + arguments, in: try cli.folder(with: data))
        return (run.status, run.stderr)
    }

    @Test func aMisspeltModelGetsADidYouMean() async throws {
        let (status, message) = try await stderr(["--model", "gausian"])
        #expect(status == 2)  // a usage error
        #expect(message.hasPrefix("Error: The value 'gausian' is invalid for '--model <model>': unknown model; did you mean 'gaussian'?\n"))
    }

    @Test func anOptionOfAnotherFamilyIsRefused() async throws {
        let (status, message) = try await stderr(["--model", "gaussian", "--bandwidth", "0.3"])
        #expect(status == 2)  // a usage error
        #expect(message.hasPrefix("Error: --bandwidth does not apply to --model gaussian; it applies to --model kde; remove it.\n"))
    }

    @Test func bandwidthAndBetaAreRefusedTogether() async throws {
        let (_, message) = try await stderr(["--model", "kde", "--bandwidth", "0.3", "--beta", "0.1"])
        #expect(message.hasPrefix("Error: give either --bandwidth (h, the kernel's scale) or --beta (β = h², the Gaussian kernel's variance), not both; "
                                  + "remove --beta, or remove --bandwidth.\n"))
    }

    @Test func valuesAreCheckedAgainstTheirDeclaredTypes() async throws {
        let (_, message) = try await stderr(["--model", "gmm", "--components", "0"])
        #expect(message.hasPrefix("Error: option --components expects a whole number in 1…50, found the number 0; "
                                  + "write e.g. --components 10.\n"))
    }

    @Test func whatTheModelNeedsOfTheDataIsTheNotebooks() async throws {
        let (status, message) = try await stderr(["--model", "ppca", "--columns", "x"])
        #expect(status == 1)
        #expect(message == "d.csv:1:1: error: probabilistic PCA needs at least 2 columns (k < d), the data have 1; "
                + "select two or more columns, or use model: gaussian\n")
    }

    @Test func aMisspeltKernel() async throws {
        let (status, message) = try await stderr(["--model", "kde", "--kernel", "gausian"])
        #expect(status == 1)
        #expect(message == "d.csv:1:1: error: unknown kernel 'gausian'; did you mean 'gaussian'?\n")
    }

    /// `--json` carries the family's values too: a KDE's kernel standard deviation h·σ_K
    /// (epanechnikov: σ_K = 1/√5) and the rule; ISJ without a root warns on stderr.
    @Test func jsonHasTheKernelStandardDeviationAndIsjWarns() async throws {
        let (run, stdout) = try await cli.parzenWithOutput(["fit", "d.csv", "--columns", "x", "--model", "kde", "--kernel",
                                                      "epanechnikov", "--bandwidth", "isj", "--json"],
                                                     in: try cli.folder(with: data))
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let h = try #require(object["bandwidth"] as? Double), sd = try #require(object["kernel_sd"] as? Double)
        #expect(abs(sd / (h / 5.0.squareRoot()) - 1) < 1e-12)
        #expect(object["bandwidth_rule"] as? String == "silverman")
        #expect(run.stderr.hasPrefix("d.csv:1:1: warning: the Improved Sheather–Jones equation has no root in (0, 0.1] for these 4 points"))
    }

    /// The EM controls are flags too, checked as in a notebook, spelt with hyphens.
    @Test func emControlsAsFlags() async throws {
        let (_, message) = try await stderr(["--model", "gmm", "--max-iterations", "0"])
        #expect(message.hasPrefix("Error: option --max-iterations expects a whole number in 1…1000000, found the number 0; "
                                  + "write e.g. --max-iterations 10.\n"))
        let (run, stdout) = try await cli.parzenWithOutput(["fit", "d.csv", "--model", "gmm", "--components", "2", "--restarts", "3",
                                                      "--max-iterations", "1", "--json"], in: try cli.folder(with: data))
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(object["restarts"] as? Int == 3 && object["converged"] as? Bool == false)
    }
}
