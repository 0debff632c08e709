import ParzenFormat
import ParzenRunner

extension ReferenceTable {
    /// What a writer other than the HTML one resolves references with: the notebook's
    /// declared figures and derivations, and the table of HTML's first pass over them, so
    /// every format numbers equations, figures and sections as the page does.
    static func of(_ notebook: Notebook, _ run: NotebookRun, registry: DirectiveRegistry)
        -> ReferenceTable {
        let declarations = ReferenceDeclaration.declarations(
            in: notebook.directiveFences, registry: registry, defaultOutput: notebook.frontMatter.output)
        return HTMLBodyWriter(notebook: notebook, run: run, declarations: declarations, safe: true)
            .referenceTable(notebook.document)
    }
}
