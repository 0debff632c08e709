import ParzenFormat

/// Where a page's reference list goes, the same in every writer: at its first
/// `{bibliography}` (a second one is an error, one on a page that cites nothing a warning),
/// else in a `{bibliography}` added after the prose when the page cites anything.
struct BibliographyPlacement {
    /// The document to write: as given, or with a `{bibliography}` added at its end.
    let document: MarkdownDocument
    /// The `{bibliography}` that shows the list (nil: the page has no list).
    let location: SourceLocation?
    let diagnostics: [Diagnostic]

    init(_ document: MarkdownDocument, citations: PageCitations?, file: String) {
        let placed = document.allBlocks.compactMap { block in
            if case .bibliography = block.kind { block.location } else { nil }
        }
        var diagnostics: [Diagnostic] = []
        let first = placed.first
        for extra in placed.dropFirst() {
            diagnostics.append(Diagnostic(.error, file: file, at: extra,
                "a second {bibliography}: the reference list is already placed at line \(first!.line)",
                                          fix: "keep one {bibliography} block where the list should go"))
        }
        let hasReferences = citations?.hasReferences ?? false
        if let first, !hasReferences {
            let why = citations?.namesBibliography == true
                ? "nothing on this page is cited" : "the front matter names no bibliography"
            diagnostics.append(Diagnostic(.warning, file: file, at: first,
                "{bibliography} shows nothing: \(why)",
                fix: "add 'bibliography: refs.bib' to the front matter and cite with [@key], "
                    + "or remove the {bibliography}"))
        }
        self.diagnostics = diagnostics
        guard first == nil, hasReferences else {
            self.document = document
            location = hasReferences ? first : nil
            return
        }
        var document = document
        let end = SourceLocation(line: Int.max, column: 1)
        let fence = DirectiveFence(name: "bibliography", label: nil, body: "", location: end, nameLocation: end,
                                   labelLocation: nil, bodyStart: end)
        document.blocks.append(MarkdownBlock(.bibliography(fence), at: end))
        self.document = document
        location = end
    }
}
