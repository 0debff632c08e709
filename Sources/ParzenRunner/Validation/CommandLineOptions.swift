import ParzenFormat

/// A directive's options given as command-line flags (`parzen fit --model kde …`), checked
/// by the same declarations as in a notebook: each value against its `OptionSpec` type, then
/// the directive's `rules`, with option names spelt as flags (`--beta`).
public enum CommandLineOptions {
    /// The checked values, or the first problem.
    ///
    /// - Parameter flags: the flags given, by option name (without `--`), as typed.
    /// - Parameter specs: their declarations (every flag must be declared).
    public static func check(_ flags: [(name: String, text: String)], specs: [OptionSpec], rules: [OptionRule],
                             command: String) -> Result<OptionValues, DirectiveError> {
        // Command-line values are never labels or paths, which are all a context is for.
        let context = RunContext(file: command, paths: ProjectPaths(notebookPath: "./\(command)", allowOutside: true),
                                 globalSeed: 0, checkOnly: true)
        var checker = OptionChecker(file: command, context: context, spelling: .commandLine)
        let options = checker.check(flags: flags, specs: specs)
        if let first = checker.diagnostics.first { return .failure(DirectiveError(first.message, fix: first.fix)) }
        let start = SourceLocation(line: 1, column: 1)
        let violations = rules.flatMap {
            $0.violations(in: options, directive: command, at: start, spelling: .commandLine)
        }
        if let first = violations.first { return .failure(first) }
        return .success(options)
    }
}
