import ParzenFormat
import ParzenRunner

/// An output format: turns a notebook as read and the results of running it into one
/// document of that format. Each format is one writer over the same typed values — adding a
/// format adds a writer, it does not edit the others (the HTML page is the first).
public protocol NotebookWriter: Sendable {
    associatedtype Document
    /// The document, with the page's images and links as read (``PageResources``), and the
    /// problems found while writing (math errors, unresolved references), in any order.
    func write(_ notebook: Notebook, _ run: NotebookRun, resources: PageResources)
        -> (document: Document, diagnostics: [Diagnostic])
}

extension NotebookWriter {
    /// The document with nothing read: a `{figure}` shows its path as written, links stay as written.
    public func write(_ notebook: Notebook, _ run: NotebookRun) -> (document: Document, diagnostics: [Diagnostic]) {
        write(notebook, run, resources: .none)
    }
}
