/// What running a notebook produced: every directive's outcome in document order, results
/// by label, diagnostics and timings — the runner's whole answer, which writers read.
public typealias NotebookRun = NotebookRunner.Outcome
