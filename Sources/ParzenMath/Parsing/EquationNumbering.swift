import ParzenMarkup

/// The equation counter and the label table of one document, filled in document order like
/// LaTeX's: every numbered row takes the next number unless `\tag`ged or `\nonumber`ed, and
/// inside `subequations` the rows are the group's number with a letter (2a, 2b, …), as
/// amsmath's `\theparentequation\alph{equation}`.
final class EquationNumbering {
    private(set) var counter = 0
    /// Label → the number or tag text `\ref` prints.
    private(set) var labels: [String: String] = [:]
    /// Label → where it was defined, to name the first place when it is defined again.
    private var definitions: [String: MathLocation] = [:]
    /// The caller's token for the formula being parsed, for `definitions`.
    var origin = 0
    /// mathtools' tag forms by name, and the one numbers are shown in (`\usetagform`).
    var tagForms: [String: TagForm] = ["default": TagForm()]
    var tagForm = TagForm()
    /// The open `subequations` group: its number and how many rows it has numbered.
    private var group: (parent: String, count: Int)?

    /// What `\label`, `\tag` and `\nonumber` said while one row was parsed.
    struct Row {
        /// Whether the environment numbers this row by default (`align` yes, `align*` no).
        var numbered: Bool
        var suppressed = false
        var tag: (text: String, starred: Bool)?
        var labels: [(name: String, offset: Int)] = []
        /// Labels of earlier unnumbered rows of the same environment: amsmath keeps a
        /// `\label` of a `\notag` row until a row is numbered, and gives it that number.
        var carried: [(name: String, offset: Int)] = []
    }

    /// Assigns the row its number (if any) and records its labels. An unnumbered row's labels
    /// are returned when `carrying` (more rows of the environment may follow); otherwise they
    /// are reported, since references to them would show '??'.
    func finish(_ row: Row, log: DiagnosticLog, carrying: Bool = false) -> (
        number: EquationNumber?, carried: [(name: String, offset: Int)]
    ) {
        let labelled = row.carried + row.labels
        var number: EquationNumber?
        if let tag = row.tag {
            number = EquationNumber(text: tag.text, form: tag.starred ? nil : tagForm)
        } else if row.numbered && !row.suppressed {
            let text = nextNumber(log: log, at: labelled.first?.offset ?? 0)
            number = EquationNumber(text: text, form: tagForm)
        }
        guard var number else {
            if carrying { return (nil, labelled) }
            for label in labelled {
                log.warning("'\\label{\(label.name)}' is in an unnumbered formula, so references to it show '??'",
                            fix: "use \\begin{equation} or add \\tag{…}", at: label.offset)
            }
            return (nil, [])
        }
        number.anchor = define(labelled, as: number.text, log: log).first.map(EquationNumbering.anchor(for:))
        return (number, [])
    }

    /// `\begin{subequations}`: steps the counter once for the group and returns its number.
    func beginGroup(log: DiagnosticLog, at offset: Int) -> String {
        let parent = nextNumber(log: log, at: offset)
        group = (parent, 0)
        return parent
    }

    /// `\end{subequations}`; the group's labels (written outside its equations) get its number.
    /// Returns the labels entered, whose first names the group's anchor.
    func endGroup(labels: [(name: String, offset: Int)], log: DiagnosticLog) -> [String] {
        let parent = group?.parent ?? String(counter)
        group = nil
        return define(labels, as: parent, log: log)
    }

    /// Whether a `subequations` group is open (amsmath's do not nest sensibly: the equations
    /// after a nested group are numbered as if it had not been there).
    var isInGroup: Bool { group != nil }

    /// The next number: the counter's, or the open group's with its next letter.
    private func nextNumber(log: DiagnosticLog, at offset: Int) -> String {
        guard var open = group else {
            counter += 1
            return String(counter)
        }
        open.count += 1
        group = open
        guard open.count <= 26 else {
            // LaTeX stops with "Counter too large" (\alph has 26 letters).
            log.error(
                "more than 26 equations in one 'subequations' group, which LaTeX numbers with the letters a–z",
                fix: "split the group into two \\begin{subequations}…\\end{subequations}", at: offset)
            return open.parent + "?"
        }
        return open.parent + String(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(open.count - 1))))
    }

    /// Enters `labels` with `text`; a label defined before is an error naming both places and
    /// keeps its first definition, so that its number and the one `id` on the page agree.
    /// Returns the labels entered.
    private func define(_ names: [(name: String, offset: Int)], as text: String, log: DiagnosticLog) -> [String] {
        var entered: [String] = []
        for label in names {
            if let first = definitions[label.name] {
                log.error(
                    "label '\(label.name)' is defined twice; references go to its first definition",
                    fix: "rename one of the two, e.g. '\\label{\(label.name)-2}', and the references meant for it",
                    at: label.offset, otherPlace: first)
                continue
            }
            definitions[label.name] = MathLocation(origin: origin, offset: label.offset)
            labels[label.name] = text
            entered.append(label.name)
        }
        return entered
    }

    /// The HTML `id` of the equation labelled `label`: "eqn-" and the label, as
    /// `Escaping.identifier` writes ids.
    static func anchor(for label: String) -> String {
        Escaping.identifier(label, prefix: "eqn-")
    }
}
