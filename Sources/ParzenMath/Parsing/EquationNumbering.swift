import ParzenMarkup

/// The equation counter and the label table of one document, filled in document order like
/// LaTeX's: every numbered row takes the next number unless `\tag`ged or `\nonumber`ed.
final class EquationNumbering {
    private(set) var counter = 0
    /// Label → the number or tag text `\ref` prints.
    private(set) var labels: [String: String] = [:]

    /// What `\label`, `\tag` and `\nonumber` said while one row was parsed.
    struct Row {
        /// Whether the environment numbers this row by default (`align` yes, `align*` no).
        var numbered: Bool
        var suppressed = false
        var tag: (text: String, starred: Bool)?
        var labels: [(name: String, offset: Int)] = []
        var tagOffset = 0
    }

    /// Assigns the row its number (if any) and records its labels.
    func finish(_ row: Row, log: DiagnosticLog) -> EquationNumber? {
        var number: EquationNumber?
        if let tag = row.tag {
            number = EquationNumber(text: tag.text, display: tag.starred ? tag.text : "(\(tag.text))")
        } else if row.numbered && !row.suppressed {
            counter += 1
            number = EquationNumber(text: String(counter), display: "(\(counter))")
        }
        guard number != nil else {
            for label in row.labels {
                log.warning("'\\label{\(label.name)}' is in an unnumbered formula, so references to it show '??'",
                            fix: "use \\begin{equation} or add \\tag{…}", at: label.offset)
            }
            return nil
        }
        for label in row.labels {
            if labels[label.name] != nil {
                log.warning("label '\(label.name)' is defined twice; references use the last one", at: label.offset)
            }
            labels[label.name] = number?.text
        }
        number?.anchor = row.labels.first.map { EquationNumbering.anchor(for: $0.name) }
        return number
    }

    /// The HTML `id` of the equation labelled `label`: "eqn-" and the label, as
    /// `Escaping.identifier` writes ids.
    static func anchor(for label: String) -> String {
        Escaping.identifier(label, prefix: "eqn-")
    }
}
