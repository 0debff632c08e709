import ParzenFormat
import ParzenRunner

/// An output format: turns a notebook as read and the results of running it into one
/// document of that format. Each format is one writer over the same typed values — adding a
/// format adds a writer, it does not edit the others (the HTML page is the first).
public protocol NotebookWriter {
    associatedtype Document
    /// The problems found while writing (math errors, unresolved references), in any order.
    func write(_ notebook: Notebook, _ run: NotebookRun) -> (document: Document, diagnostics: [Diagnostic])
    /// `write` with the page's `{figure}` images read (``PageImages``), for formats that show them.
    func write(_ notebook: Notebook, _ run: NotebookRun, images: PageImages)
        -> (document: Document, diagnostics: [Diagnostic])
}

extension NotebookWriter {
    /// A format without images writes as without them.
    public func write(_ notebook: Notebook, _ run: NotebookRun, images: PageImages)
        -> (document: Document, diagnostics: [Diagnostic]) {
        write(notebook, run)
    }
}
