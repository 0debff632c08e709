import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// The Jupyter writer: a notebook and its run → an nbformat 4.5 notebook (JSON text).
///
/// - The author's prose is kept as their Markdown source, cut at the directive fences, one
///   markdown cell per stretch; `{ref}`, `\eqref`/`\ref` and `{value}` are resolved to text
///   and `\label` becomes `\tag{n}` (see `IPYNBMath`), so the numbers match the HTML page.
///   Math stays `$…$`/`$$…$$`, which JupyterLab, nbconvert and GitHub typeset.
/// - Each directive's source is a **markdown** cell holding a fenced code block. A raw cell
///   is shown by JupyterLab as unstyled text and by GitHub not at all; a code cell would be
///   highlighted as the kernel's language and run by "Run All" into a syntax error. A fenced
///   block is shown as code everywhere and never runs.
/// - Its outputs follow in a **code** cell with no source (nbformat gives outputs only to
///   code cells), its input hidden (`jupyter.source_hidden`) and tagged `parzen-output`:
///   `display_data` per block (see `IPYNBOutputWriter`), a failure as `stderr` text.
/// - Cell ids are the cell's kind, its position and the directive's label, so the same
///   notebook always gives the same ids. Keys are in sorted order, as nbformat writes them.
///
/// Limits: raw HTML in the prose is copied as written (Jupyter sanitizes an untrusted
/// notebook's HTML itself); a fence nested in a list or quote cuts the prose at its lines, so
/// the list continues in the next cell; numbered equations without a label show no number.
public struct IPYNBNotebookWriter: NotebookWriter {
    /// The directives, for what each fence declares (figures, derivations) and which of its
    /// options name files.
    public let registry: DirectiveRegistry

    /// Whether `.bib` files may come from outside the project (`--allow-outside`, as for the page).
    public let allowOutside: Bool

    public init(registry: DirectiveRegistry, allowOutside: Bool = false) {
        self.registry = registry
        self.allowOutside = allowOutside
    }

    /// The notebook with each image (`{figure}` or Markdown) attached to the markdown cell that
    /// shows it, and links to sibling notebooks pointing to their `.ipynb`.
    public func write(_ notebook: Notebook, _ run: NotebookRun, resources: PageResources)
        -> (document: String, diagnostics: [Diagnostic]) {
        let fences = notebook.directiveFences
        let table = ReferenceTable.of(notebook, run, registry: registry)
        var prose = IPYNBProseResolver(notebook: notebook, run: run, table: table, resources: resources)
        let source = prose.resolvedSource()
        let outputs = IPYNBOutputWriter(file: notebook.path, table: table)
        let citations = PageCitations(notebook: notebook, text: notebook.text,
                                      paths: ProjectPaths(notebookPath: notebook.path, allowOutside: allowOutside))
        let placement = BibliographyPlacement(notebook.document, citations: citations, file: notebook.path)
        let bibliographies = notebook.document.allBlocks.compactMap { block in
            if case .bibliography(let fence) = block.kind { (fence, block.location) } else { nil }
        }

        // Fences in footnotes come last in `directiveFences`; the cells follow the source. The
        // prose is cut at `{bibliography}` fences too: the reference list is a cell of its own.
        let cuts = (fences.indices.map { Cut.directive($0) } + bibliographies.map { Cut.bibliography($0, at: $1) })
            .sorted { $0.fence(in: fences).location < $1.fence(in: fences).location }
        let pieces = source.prose(around: cuts.map { $0.fence(in: fences) })
        var cells: [IPYNBCell] = []
        if let title = notebook.frontMatter.title {
            cells.append(IPYNBCell(id: "title", kind: .markdown, source: "# " + Escaping.markdown(title)))
        }
        // The prose piece a figure is in: the number of fences before its line.
        func attachments(_ piece: Int) -> [(String, JSONValue)] {
            prose.attachments.filter { attachment in
                cuts.filter { $0.fence(in: fences).location.line < attachment.line }.count == piece
            }.map { ($0.name, .object([($0.type, .string($0.base64))])) }
        }
        let referenceList = IPYNBReferenceList(citations: citations, words: table.words)
        for (position, cut) in cuts.enumerated() {
            if !pieces[position].isEmpty {
                cells.append(IPYNBCell(id: IPYNBCell.id("prose", position, label: nil), kind: .markdown,
                                       source: pieces[position], attachments: attachments(position)))
            }
            guard case .directive(let index) = cut else {
                if case .bibliography(_, let location) = cut, location == placement.location {
                    cells.append(IPYNBCell(id: "references", kind: .markdown,
                                           source: referenceList.markdown(after: pieces[position])))
                }
                continue
            }
            let fence = fences[index]
            cells.append(IPYNBCell(id: IPYNBCell.id("directive", position, label: fence.label), kind: .markdown,
                                   source: Self.fenced(fence)))
            let cellOutputs = outputs.outputs(run.cells[index], fence: fence)
            if !cellOutputs.isEmpty {
                var metadata: [(String, JSONValue)] = [("directive", .string(fence.name))]
                if let label = fence.label { metadata.append(("label", .string(label))) }
                cells.append(IPYNBCell(id: IPYNBCell.id("output", position, label: fence.label),
                                       kind: .output(cellOutputs), source: "", metadata: [
                                           ("jupyter", .object([("source_hidden", .bool(true))])),
                                           ("parzen", .object(metadata)), ("tags", .array([.string("parzen-output")])),
                                       ]))
            }
        }
        if let last = pieces.last, !last.isEmpty {
            cells.append(IPYNBCell(id: IPYNBCell.id("prose", cuts.count, label: nil), kind: .markdown, source: last,
                                   attachments: attachments(cuts.count)))
        }
        if bibliographies.isEmpty, placement.location != nil {
            cells.append(IPYNBCell(id: "references", kind: .markdown,
                                   source: referenceList.markdown(after: pieces.last ?? "")))
        }

        let document = JSONValue.object([
            ("cells", .array(cells.map(\.json))),
            ("metadata", metadata(notebook)),
            ("nbformat", .integer(4)),
            ("nbformat_minor", .integer(5)),
        ])
        return (document.serialized() + "\n",
                table.duplicateDiagnostics(file: notebook.path) + citations.diagnostics + placement.diagnostics
                    + prose.diagnostics + outputs.diagnostics)
    }

    /// nbformat's `title` and `authors`, and Parzen's own: generator, version, the notebook's
    /// path and the files its directives read (every option of type `path`, as written).
    private func metadata(_ notebook: Notebook) -> JSONValue {
        var data: [String] = []
        for fence in notebook.directiveFences {
            guard let directive = registry.directive(named: fence.name) else { continue }
            let (body, _) = YAMLReader.read(fence.body, file: notebook.path, firstLine: fence.bodyStart.line)
            for option in directive.options {
                guard case .path = option.type, let path = body?[option.name]?.scalarText else { continue }
                if !data.contains(path) { data.append(path) }
            }
        }
        var members: [(String, JSONValue)] = []
        let authors = notebook.frontMatter.authors
        if !authors.isEmpty {
            members.append(("authors", .array(authors.map { .object([("name", .string($0.name))]) })))
        }
        // The prose's language (BCP 47), beside nbformat's keys (its schema allows more):
        // `language_info` names the kernel's programming language, not the page's.
        members.append(("lang", .string(notebook.frontMatter.words.language)))
        members.append(("parzen", .object([
            ("data", .array(data.map(JSONValue.string))), ("generator", .string("Parzen \(ParzenVersion.current)")),
            ("notebook", .string(notebook.path)), ("version", .string(ParzenVersion.current)),
        ])))
        if let title = notebook.frontMatter.title { members.append(("title", .string(title))) }
        return .object(members)
    }

    /// Where the prose is cut: at a directive (by its index) or at a `{bibliography}`.
    private enum Cut {
        case directive(Int)
        /// The fence, and where its block starts (what ``BibliographyPlacement`` names).
        case bibliography(DirectiveFence, at: SourceLocation)

        func fence(in fences: [DirectiveFence]) -> DirectiveFence {
            switch self {
            case .directive(let index): fences[index]
            case .bibliography(let fence, _): fence
            }
        }
    }

    /// The fence as the author wrote it, in a code fence longer than any inside the body.
    static func fenced(_ fence: DirectiveFence) -> String {
        let ticks = String(repeating: "`", count: max(3, IPYNBOutputWriter.longestRun(of: "`", in: fence.body) + 1))
        let info = "{\(fence.name)}" + (fence.label.map { " " + $0 } ?? "")
        let body = fence.body.isEmpty || fence.body.hasSuffix("\n") ? fence.body : fence.body + "\n"
        return ticks + info + "\n" + body + ticks
    }
}
