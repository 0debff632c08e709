import ParzenFormat
import ParzenMarkup
import ParzenMath
import ParzenRunner

/// Everything on a page that has a number or a title to cite — equations (the author's and
/// the derivations directives insert), figures and sections — under one label namespace that
/// `\eqref`, `\ref` and `{ref}` share. Built before the page is written (LaTeX's first pass),
/// so every reference, forward ones too, is resolved while the page is written, once.
struct ReferenceTable {
    enum Kind: String {
        case equation, figure, table, section
    }

    struct Entry {
        var kind: Kind
        /// What a numeric reference prints: "2", "D1", or a section's title.
        var number: String
        /// The element id the reference links to.
        var anchor: String
        /// The page's words, set when the entry is entered into the table.
        fileprivate(set) var words = WordTable()

        init(kind: Kind, number: String, anchor: String) {
            self.kind = kind
            self.number = number
            self.anchor = anchor
        }

        /// What `{ref}` prints: "Figure 2", "Equation (D1)", or a section's title, in the page's words.
        var citation: String {
            switch kind {
            case .figure: "\(words[.figure]) \(number)"
            case .table: "\(words[.table]) \(number)"
            case .equation: "\(words[.equation]) (\(number))"
            case .section: number
            }
        }
    }

    /// The words references are printed with ("Figure", "Abbildung").
    let words: WordTable

    init(words: WordTable = WordTable()) {
        self.words = words
    }

    private(set) var entries: [String: Entry] = [:]
    /// The number of the figure each declaring fence draws, by the fence's position.
    private(set) var figureNumbers: [SourceLocation: Int] = [:]
    /// The number of each `{figure}` (counted with the plots) and `{table}`, by its fence's position.
    private(set) var floatNumbers: [SourceLocation: Entry] = [:]
    /// The number (D1, D2, …) of the derivation each declaring fence writes.
    private(set) var derivationNumbers: [SourceLocation: String] = [:]
    /// Labels given to two numbered things (a `{plot}` and a `{figure}`'s `:name:`, two
    /// `{table}`s…): where each was given, and what the first was.
    private(set) var duplicates: [(label: String, first: SourceLocation, kind: Kind, second: SourceLocation)] = []

    /// Numbers figures (plots and `{figure}`s together), tables and derivations in document
    /// order — the one place they are counted, so every writer and every reference agree, and
    /// a failed directive keeps its number — and enters the labelled ones.
    mutating func number(_ declarations: [ReferenceDeclaration], floats: [MarkdownFloat],
                         figureAnchor: (String) -> String) {
        var figures = 0, tables = 0
        var pending = floats[...]
        // Two directives with one label are the runner's to report; a float is this table's.
        var given: [String: (location: SourceLocation, kind: Kind, isFloat: Bool)] = [:]
        func give(_ label: String?, at location: SourceLocation, kind: Kind, isFloat: Bool) {
            guard let label else { return }
            if let first = given[label] {
                if first.isFloat || isFloat { duplicates.append((label, first.location, first.kind, location)) }
            } else {
                given[label] = (location, kind, isFloat)
            }
        }
        func numberFloats(before location: SourceLocation?) {
            while let float = pending.first, location.map({ float.location < $0 }) ?? true {
                pending.removeFirst()
                var entry: Entry
                if float.isFigure {
                    figures += 1
                    entry = Entry(kind: .figure, number: String(figures), anchor: figureAnchor(float.name ?? ""))
                } else {
                    tables += 1
                    entry = Entry(kind: .table, number: String(tables), anchor: Self.tableAnchor(float.name ?? ""))
                }
                entry.words = words
                floatNumbers[float.location] = entry
                give(float.name, at: float.location, kind: entry.kind, isFloat: true)
                if let label = float.name { add(label, entry) }
            }
        }
        for declaration in declarations {
            numberFloats(before: declaration.location)
            switch declaration.kind {
            case .figure:
                figures += 1
                figureNumbers[declaration.location] = figures
                give(declaration.label, at: declaration.location, kind: .figure, isFloat: false)
                if let label = declaration.label {
                    add(label, .init(kind: .figure, number: String(figures), anchor: figureAnchor(label)))
                }
            case .derivation(let label):
                let number = "D\(derivationNumbers.count + 1)"
                derivationNumbers[declaration.location] = number
                if let label {
                    add(label, .init(kind: .equation, number: number, anchor: MathDocument.anchor(for: label)))
                }
            }
        }
        numberFloats(before: nil)
    }

    /// An error at the second of two things given one label: a link to it, `{ref}` and the
    /// element's `id` could only mean the first (a `{plot}` and a `{figure}` would both be
    /// `id="figure-label"`, which HTML forbids).
    func duplicateDiagnostics(file: String) -> [Diagnostic] {
        duplicates.map { duplicate in
            Diagnostic(.error, file: file, at: duplicate.second,
                       "the label '\(duplicate.label)' is already given to the \(duplicate.kind.rawValue) at line "
                           + "\(duplicate.first.line); two numbered things cannot share a label (nor an id)",
                       fix: "rename one of them, e.g. '\(duplicate.label)-2'")
        }
    }

    static func tableAnchor(_ label: String) -> String { Escaping.identifier(label, prefix: "table-") }

    mutating func add(_ label: String, _ entry: Entry) {
        // The first definition wins, as the first `id` on a page does for a link.
        var entry = entry
        entry.words = words
        if entries[label] == nil { entries[label] = entry }
    }

    subscript(label: String) -> Entry? { entries[label] }

    /// Whether `label` means the `kind` numbered `number` — false for the second of two things
    /// given one label (see ``duplicates``), which then gets no `id`, so the page keeps one per label.
    func owns(_ label: String, kind: Kind, number: String) -> Bool {
        entries[label].map { $0.kind == kind && $0.number == number } ?? false
    }

    /// The target of `\eqref`/`\ref` for ParzenMath.
    func target(_ label: String) -> ReferenceTarget? {
        entries[label].map { ReferenceTarget(text: $0.number, anchor: $0.anchor) }
    }

    var labels: [String] { entries.keys.sorted() }

    /// The fix for a label that is not in the table: a did-you-mean, else what there is.
    func fix(for label: String) -> String {
        if let suggestion = Suggestion.didYouMean(label, among: labels) { return suggestion }
        if entries.isEmpty {
            return "nothing on this page has a label; add \\label{…} to an equation or label a {plot}"
        }
        return "the labels on this page are: " + labels.joined(separator: ", ")
    }
}
