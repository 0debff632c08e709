import ArgumentParser
import ParzenCommandLine
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
        commandName: "fit",
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

    @Option(help: Fit.help("model"), completion: .list(ModelSpecification.Family.allValueStrings),
            transform: ModelSpecification.Family.init(parsingArgument:))
    var model: ModelSpecification.Family

    @Option(help: Fit.help("kernel"))
    var kernel: String?

    @Option(help: Fit.help("bandwidth"))
    var bandwidth: String?

    @Option(help: Fit.help("beta"))
    var beta: String?

    @Option(help: Fit.help("components"))
    var components: String?

    @Option(help: Fit.help("covariance"))
    var covariance: String?

    @Option(help: Fit.help("restarts"))
    var restarts: String?

    @Option(help: Fit.help("tolerance"))
    var tolerance: String?

    @Option(help: Fit.help("max_iterations"))
    var maxIterations: String?

    @Option(help: Fit.help("latent"))
    var latent: String?

    @Option(help: Fit.help("decoder"))
    var decoder: String?

    @Option(help: Fit.help("samples"))
    var samples: String?

    @Flag(help: Fit.help("unbiased"))
    var unbiased = false

    @Option(help: Fit.help("holdout"))
    var holdout: String?

    @Option(help: "The seed for the split, k-means++, the tanh network and the importance sampler. Default: 0.")
    var seed: String?

    @Option(help: "A CSV file of points (same columns) at which to print log p(x).")
    var at: String?

    @Flag(help: "Print the results as one JSON object instead of text.")
    var json = false

    /// The flags' declarations: `{fit}`'s options (its `data` is the CSV file here) and
    /// `{data}`'s `holdout`, so flags and notebook options are typed, documented and checked
    /// by the same `OptionSpec`s and `OptionRule`s.
    static let specs = FitDirective.options.filter { $0.name != "data" }
        + DataDirective.options.filter { $0.name == "holdout" }

    /// The one-sentence help of a declared option, with its default.
    static func help(_ name: String) -> ArgumentHelp {
        let spec = specs.first { $0.name == name }!
        let text = spec.help.replacingOccurrences(of: "`", with: "")
        return ArgumentHelp(spec.defaultDescription.map { text + " Default: \($0)." } ?? text)
    }

    /// The flags given, by option name, as typed.
    private var flags: [(name: String, text: String)] {
        let given: [(String, String?)] = [
            ("model", model.rawValue), ("kernel", kernel), ("bandwidth", bandwidth), ("beta", beta),
            ("components", components), ("covariance", covariance), ("restarts", restarts), ("tolerance", tolerance),
            ("max_iterations", maxIterations), ("latent", latent), ("decoder", decoder),
            ("samples", samples), ("unbiased", unbiased ? "true" : nil), ("holdout", holdout), ("seed", seed),
        ]
        return given.compactMap { name, text in text.map { (name, $0) } }
    }

    /// The flags checked against their declarations and `{fit}`'s rules.
    private func checkedOptions() throws -> OptionValues {
        switch CommandLineOptions.check(flags, specs: Self.specs, rules: FitDirective.rules, command: "fit") {
        case .success(let options): return options
        case .failure(let error): throw ValidationError(error.message + (error.fix.map { "; \($0)" } ?? "") + ".")
        }
    }

    func validate() throws {
        _ = try checkedOptions()
    }

    func run() throws {
        let options = try checkedOptions()
        let seed = UInt64(options.integer("seed") ?? 0)
        let wanted = columns.map { $0.split(separator: ",").map { String($0).trimmingWhitespace } } ?? []
        let (names, points) = try load(file, columns: wanted)
        var split: DataSplit?
        if let holdout = options.number("holdout") {
            split = try report { try DataSplit.random(count: points.count, heldOutFraction: holdout, seed: seed) }
        }
        let dataset = Dataset(
            label: file, columns: names, points: points, split: split, origin: [.code(file)], truth: nil)
        let specification: ModelSpecification
        do {
            specification = try FitDirective.specification(commandLine: options, seed: seed)
        } catch let error as DirectiveError {
            throw fail(error.message, fix: error.fix)
        }
        if let problem = FitDirective.requirementProblem(specification, dimension: points.dimension,
                                                         trainCount: dataset.train.count) {
            throw fail(problem.message, fix: problem.fix)
        }
        let fit = try report { try specification.fit(dataset.train) }
        let fitted = FittedModel(label: file, specification: specification, fit: fit, dataset: dataset)
        var values = fitted.resultValues
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
        if let fallback = fit.bandwidthSelection?.fallback {
            FileHandle.standardError.write(Data("\(file):1:1: warning: \(fallback.message)\n".utf8))
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
    private func fail(_ message: String, fix: String?, in path: String? = nil, line: Int = 1, column: Int = 1)
        -> ExitCode
    {
        let diagnostic = Diagnostic(
            .error, file: path ?? file, at: SourceLocation(line: line, column: column), message, fix: fix)
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
