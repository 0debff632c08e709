import ArgumentParser
import Foundation
import ParzenCore
import ParzenFormat
import ParzenMarkup
import ParzenReport
import ParzenRunner

/// `parzen fit`: the statistics core on a CSV file, with the same loading, fitting and
/// result keys as the `{data}` and `{fit}` directives (see docs/directives.md).
struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a model to the columns of a CSV file and print its parameters and negative log-likelihoods.",
        discussion: """
        Keys are those of the {fit} directive: model, dimension, n_train, nll_train, nll_train_se, \
        n_heldout, nll_heldout, nll_heldout_se, the model's parameters (mean, variance, beta, \
        bandwidth, weights, …), bandwidth_rule, and with --at log_density (one per point). \
        Problems with the data are printed as file:line:column: error: message; exit status 1.
        """
    )

    @Argument(help: "The CSV file, with a header row.")
    var file: String

    @Option(help: "The columns to use, comma-separated. Default: every column.")
    var columns: String?

    @Option(help: "The model: \(ModelSpecification.Family.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: String

    @Option(help: "The KDE kernel: a built-in name or a formula in x. Default: gaussian.")
    var kernel: String?

    @Option(help: "The KDE bandwidth h, a standard deviation (β = h²), or a rule: \(BandwidthRule.allCases.map(\.rawValue).joined(separator: ", ")). Default: \(BandwidthRule.defaultRule.rawValue).")
    var bandwidth: String?

    @Option(help: "The KDE bandwidth β, a variance (the tutorial's N(x | oᵢ, Iβ)), instead of --bandwidth.")
    var beta: Double?

    @Option(help: "The number of mixture components k for gmm. Default: 2.")
    var components: Int?

    @Option(help: "The latent dimension k for ppca and latent. Default: 1.")
    var latent: Int?

    @Option(help: "The fraction of rows to hold out for the held-out NLL, e.g. 0.2. Default: none.")
    var holdout: Double?

    @Option(help: "The seed for the split, k-means++ and sampling.")
    var seed: UInt64 = 0

    @Option(help: "A CSV file of points (same columns) at which to print log p(x).")
    var at: String?

    @Flag(help: "Print the results as one JSON object instead of text.")
    var json = false

    func validate() throws {
        guard ModelSpecification.Family(rawValue: model) != nil else {
            throw ValidationError("Unknown model '\(model)'; " + Suggestion.fix(for: model, among: ModelSpecification.Family.allCases.map(\.rawValue)))
        }
        if let bandwidth, BandwidthSpecification(parsing: bandwidth) == nil {
            throw ValidationError("--bandwidth expects a positive number or one of \(BandwidthRule.allCases.map(\.rawValue).joined(separator: ", ")), got '\(bandwidth)'.")
        }
        if bandwidth != nil, beta != nil { throw ValidationError("Please give either --bandwidth (h) or --beta (β = h²), not both.") }
        if let beta, !(beta > 0 && beta.isFinite) { throw ValidationError("--beta must be a positive number.") }
        if let holdout, !(holdout > 0 && holdout < 1) { throw ValidationError("--holdout must be a fraction strictly between 0 and 1, e.g. 0.2.") }
        if model != "kde", kernel != nil || bandwidth != nil || beta != nil {
            throw ValidationError("--kernel, --bandwidth and --beta apply to --model kde only.")
        }
        if model != "gmm", components != nil { throw ValidationError("--components applies to --model gmm only.") }
        if model != "ppca", model != "latent", latent != nil { throw ValidationError("--latent applies to --model ppca and latent only.") }
    }

    func run() throws {
        let wanted = columns.map { $0.split(separator: ",").map { String($0).trimmingWhitespace } } ?? []
        let (names, points) = try load(file, columns: wanted)
        var split: DataSplit?
        if let holdout {
            split = try report { try DataSplit.random(count: points.count, heldOutFraction: holdout, seed: seed) }
        }
        let dataset = Dataset(label: file, columns: names, points: points, split: split, origin: [.code(file)], truth: nil)
        var specification = ModelSpecification(family: ModelSpecification.Family(rawValue: model)!)
        specification.seed = seed
        if let kernel {
            do {
                specification.kernel = try KernelChoice.kernel(kernel)
            } catch .unknown(let fix) {
                throw fail("unknown kernel '\(kernel)'", fix: fix)
            } catch .unreadable(let error) {
                throw fail("cannot read the kernel formula: \(error.description)", fix: nil)
            } catch .refused(let error) {
                throw fail(error.problem, fix: error.fix)
            }
        }
        if let beta { specification.bandwidth = .variance(beta) }
        if let bandwidth { specification.bandwidth = BandwidthSpecification(parsing: bandwidth)! }
        if let components { specification.components = components }
        if let latent { specification.latentDimension = latent }
        let fit = try report { try specification.fit(dataset.train) }
        let fitted = FittedModel(label: file, specification: specification, fit: fit, dataset: dataset)
        var values = fitted.values
        if let at {
            let (_, query) = try load(at, columns: names)
            values["log_density"] = .numbers(fitted.model.logDensities(at: query))
        }
        if json {
            print(JSONValue.object(values.entries.map { ($0.key, $0.value.json) }).serialized())
        } else {
            for (key, value) in values.entries { print("\(key): \(Self.text(value))") }
            if let how = fit.bandwidthChoice { print("bandwidth_choice: \(PlainTextWriter.text(how))") }
        }
    }

    /// The points of `path`, or an exit with the problem at file:line:column.
    private func load(_ path: String, columns: [String]) throws -> ([String], PointSet) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw fail("cannot read '\(path)'", fix: "check the path", in: path)
        }
        do {
            return try DatasetLoader.points(csv: text, file: path, columns: columns)
        } catch {
            throw fail(error.problem, fix: error.fix, in: path, line: error.line ?? 1, column: error.column ?? 1)
        }
    }

    /// Runs a core call; a `ModelError` is printed as an error about the file.
    private func report<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ModelError {
            throw fail(error.problem, fix: error.fix)
        }
    }

    /// Prints `file:line:column: error: message` (and the fix) and returns exit status 1.
    private func fail(_ message: String, fix: String?, in path: String? = nil, line: Int = 1, column: Int = 1) -> ExitCode {
        let diagnostic = Diagnostic(.error, file: path ?? file, at: SourceLocation(line: line, column: column), message, fix: fix)
        DiagnosticsFormat.text.print([diagnostic])
        return ExitStatus.notebookErrors
    }

    private static func text(_ value: ResultValue) -> String {
        switch value {
        case .number(let x): String(x)
        case .integer(let n): String(n)
        case .text(let s): s
        case .boolean(let b): String(b)
        case .numbers(let xs): "[" + xs.map { String($0) }.joined(separator: ", ") + "]"
        }
    }
}

private extension String {
    var trimmingWhitespace: String { trimmingCharacters(in: .whitespaces) }
}
