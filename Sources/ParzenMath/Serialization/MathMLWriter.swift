import ParzenMarkup

/// Serialises a `MathNode` tree as MathML Core, escaping every text and attribute through
/// `ParzenMarkup.Escaping`. One exhaustive switch over the node kinds.
///
/// Besides the tree's own structure the writer adds what TeX does implicitly: U+2061 FUNCTION
/// APPLICATION after operator names, with TeX's thin spaces around them, and the layout of
/// environments (alignment, full width, number column).
struct MathMLWriter {
    /// Markup for a cross-reference: label, parenthesised, TeX offset → HTML.
    typealias ReferenceMarkup = (String, Bool, Int) -> String

    var output = ""
    private let referenceMarkup: ReferenceMarkup

    init(referenceMarkup: @escaping ReferenceMarkup) {
        self.referenceMarkup = referenceMarkup
        output.reserveCapacity(1024)
    }

    /// A complete `<math>` element with the TeX source as annotation and `alttext`.
    static func formula(_ node: MathNode, source: String, display: Bool, referenceMarkup: @escaping ReferenceMarkup) -> String {
        var writer = MathMLWriter(referenceMarkup: referenceMarkup)
        writer.open(source: source, display: display)
        // `<semantics>` takes exactly one presentation element: a top-level row of several
        // atoms is written as one `<mrow>`.
        writer.write(node)
        writer.close(source: source)
        return writer.output
    }

    /// The `<math>` element for a formula that could not be parsed: its source in `<merror>`.
    static func failedFormula(source: String, display: Bool) -> String {
        var writer = MathMLWriter(referenceMarkup: { _, _, _ in "" })
        writer.open(source: source, display: display)
        writer.write(MathNode(.error(source), at: 0))
        writer.close(source: source)
        return writer.output
    }

    private mutating func open(source: String, display: Bool) {
        output += display ? "<math display=\"block\" alttext=\"" : "<math alttext=\""
        output += Escaping.attribute(MathMLWriter.singleLine(source))
        output += "\"><semantics>"
    }

    private mutating func close(source: String) {
        output += "<annotation encoding=\"application/x-tex\">"
        output += Escaping.text(source)
        output += "</annotation></semantics></math>"
    }

    /// The source with runs of ASCII white space folded to one space and trimmed, for
    /// `alttext`. Works on UTF-8 bytes: grapheme-aware iteration costs a sixth of the run time.
    private static func singleLine(_ source: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.utf8.count)
        var pendingSpace = false
        for byte in source.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Nodes

    mutating func write(_ node: MathNode) {
        switch node.kind {
        case .identifier(let text, let upright):
            output += upright && MathMLWriter.isSingleLetter(text) ? "<mi mathvariant=\"normal\">" : "<mi>"
            output += Escaping.text(text)
            output += "</mi>"
        case .operatorName(let name):
            output += MathMLWriter.isSingleLetter(name) ? "<mi mathvariant=\"normal\">" : "<mi>"
            output += Escaping.text(name)
            output += "</mi>"
        case .number(let digits):
            output += "<mn>" + Escaping.text(digits) + "</mn>"
        case .op(let text, let attributes):
            output += "<mo"
            writeAttributes(attributes)
            output += ">" + Escaping.text(text) + "</mo>"
        case .text(let text, let style):
            output += style.map { "<mtext style=\"\(Escaping.attribute($0))\">" } ?? "<mtext>"
            output += Escaping.text(text) + "</mtext>"
        case .space(let width):
            output += "<mspace width=\"" + Escaping.attribute(width) + "\"></mspace>"
        case .row(let children):
            let visible = children.filter { !$0.isEmptyNode }
            if visible.count == 1 && !visible[0].isOperatorName {
                write(visible[0])
            } else {
                output += "<mrow>"
                writeChildren(visible)
                output += "</mrow>"
            }
        case .fenced(let children):
            output += "<mrow>"
            writeChildren(children)
            output += "</mrow>"
        case .fraction(let numerator, let denominator, let lineThickness):
            output += lineThickness.map { "<mfrac linethickness=\"\($0)\">" } ?? "<mfrac>"
            write(numerator)
            write(denominator)
            output += "</mfrac>"
        case .root(let radicand, let index):
            if let index {
                output += "<mroot>"
                write(radicand)
                write(index)
                output += "</mroot>"
            } else {
                output += "<msqrt>"
                write(radicand)
                output += "</msqrt>"
            }
        case .scripts(let base, let sub, let sup, let limits):
            let element: String
            switch (sub != nil, sup != nil) {
            case (true, true): element = limits ? "munderover" : "msubsup"
            case (true, false): element = limits ? "munder" : "msub"
            default: element = limits ? "mover" : "msup"
            }
            output += "<" + element + ">"
            write(base)
            if let sub { write(sub) }
            if let sup { write(sup) }
            output += "</" + element + ">"
        case .stack(let base, let over, let under, let accent):
            let element = over != nil && under != nil ? "munderover" : over != nil ? "mover" : "munder"
            output += "<" + element
            if accent { output += over != nil ? " accent=\"true\"" : " accentunder=\"true\"" }
            output += ">"
            write(base)
            if let under { write(under) }
            if let over { write(over) }
            output += "</" + element + ">"
        case .style(let content, let displayStyle, let scriptLevel, let color):
            output += "<mstyle"
            if let displayStyle { output += displayStyle ? " displaystyle=\"true\"" : " displaystyle=\"false\"" }
            if let scriptLevel { output += " scriptlevel=\"\(scriptLevel)\"" }
            if let color { output += " mathcolor=\"" + Escaping.attribute(color) + "\"" }
            output += ">"
            write(content)
            output += "</mstyle>"
        case .phantom(let content):
            output += "<mphantom>"
            write(content)
            output += "</mphantom>"
        case .table(let table):
            writeTable(table)
        case .reference(let label, let parenthesized):
            output += "<mtext>" + referenceMarkup(label, parenthesized, node.offset) + "</mtext>"
        case .error(let source):
            output += "<merror><mtext>" + Escaping.text(source) + "</mtext></merror>"
        case .empty:
            break
        case .padded, .styled, .multiscripts, .rule:
            writeBox(node)
        }
    }

    /// The children of an `<mrow>`-like element, with function application after operator
    /// names and TeX's thin spaces around them (Ord–Op and Op–Ord/Op/Inner, TeXbook p. 170).
    private mutating func writeChildren(_ children: [MathNode]) {
        for (index, child) in children.enumerated() where !child.isEmptyNode {
            guard child.isOperatorName else {
                write(child)
                continue
            }
            if index > 0, let before = children[index - 1].spacingClass, [.ordinary, .closing, .inner].contains(before) {
                output += "<mspace width=\"0.1667em\"></mspace>"
            }
            write(child)
            output += "<mo>\u{2061}</mo>"
            if index + 1 < children.count, let after = children[index + 1].spacingClass, [.ordinary, .largeOperator, .inner].contains(after) {
                output += "<mspace width=\"0.1667em\"></mspace>"
            }
        }
    }

    private mutating func writeAttributes(_ attributes: OperatorAttributes) {
        if let form = attributes.form { output += " form=\"\(form)\"" }
        if attributes.fence { output += " fence=\"true\"" }
        if let stretchy = attributes.stretchy { output += stretchy ? " stretchy=\"true\"" : " stretchy=\"false\"" }
        if let symmetric = attributes.symmetric { output += symmetric ? " symmetric=\"true\"" : " symmetric=\"false\"" }
        if let lspace = attributes.lspace { output += " lspace=\"\(lspace)\"" }
        if let rspace = attributes.rspace { output += " rspace=\"\(rspace)\"" }
        if let minsize = attributes.minsize { output += " minsize=\"\(minsize)\"" }
        if let maxsize = attributes.maxsize { output += " maxsize=\"\(maxsize)\"" }
    }

    // MARK: Tables

    /// An environment. Numbered displays are a full-width table whose outer columns, each half
    /// of the width, centre the content; the right one holds the number, flush right. MathML
    /// Core has no `columnalign`, so alignment and padding are CSS on each cell.
    private mutating func writeTable(_ table: MathTable) {
        output += "<mtable"
        if table.displayStyle { output += " displaystyle=\"true\"" }
        if let level = table.scriptLevel { output += " scriptlevel=\"\(level)\"" }
        if table.numbered { output += " style=\"width:100%\"" }
        output += ">"
        let columns = table.columnCount
        for (rowIndex, cells) in table.rows.enumerated() {
            let number = rowIndex < table.numbers.count ? table.numbers[rowIndex] : nil
            if let anchor = number?.anchor {
                output += "<mtr id=\"" + Escaping.attribute(anchor) + "\">"
            } else {
                output += "<mtr>"
            }
            if table.numbered { output += "<mtd style=\"width:50%;padding:0\"></mtd>" }
            var column = 0
            var cell = 0
            while column < columns {
                let span = table.format.span(row: rowIndex, cell: cell, columns: columns, column: column)
                output += span > 1 ? "<mtd columnspan=\"\(span)\" style=\"" : "<mtd style=\""
                output += MathMLWriter.cellStyle(table, row: rowIndex, column: column, columns: columns)
                output += Escaping.attribute(table.format.style(row: rowIndex, cell: cell, column: column, rowCount: table.rows.count)) + "\">"
                if cell < cells.count {
                    if case .row(let children) = cells[cell].kind {
                        writeChildren(children)
                    } else {
                        write(cells[cell])
                    }
                }
                output += "</mtd>"
                column += span
                cell += 1
            }
            if table.numbered {
                output += "<mtd style=\"width:50%;padding:0;" + MathMLWriter.textAlign("right") + "\">"
                if let number { output += "<mtext>" + Escaping.text(number.display) + "</mtext>" }
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
    }

    /// Alignment and padding of one cell, following amsmath (align: right/left pairs 2 em
    /// apart; cases: 1 em between columns) and LaTeX's matrices (2 × \arraycolsep = 1 em).
    private static func cellStyle(_ table: MathTable, row: Int, column: Int, columns: Int) -> String {
        // amsmath's \jot and the 1.2 \arraystretch of cases: more room between rows than a matrix.
        // \substack and subarray: their own alignment, no padding.
        if table.compact, case .array(let alignments) = table.layout {
            return textAlign(column < alignments.count ? alignments[column] : "center") + ";padding:0"
        }
        let vertical: String
        switch table.layout {
        case .cases: vertical = "0.2em"
        default: vertical = table.displayStyle ? "0.25em" : "0.1em"
        }
        switch table.layout {
        case .align:
            if column % 2 == 0 {
                return textAlign("right") + ";padding:\(vertical) 0 \(vertical) \(column == 0 ? "0" : "2em")"
            }
            return textAlign("left") + ";padding:\(vertical) 0"
        case .gather:
            return "padding:\(vertical) 0"
        case .multline:
            let align = row == 0 ? "left" : row == table.rows.count - 1 ? "right" : "center"
            return textAlign(align) + ";padding:\(vertical) 0"
        case .cases:
            return textAlign("left") + ";padding:\(vertical) \(column == columns - 1 ? "0" : "1em") \(vertical) 0"
        case .matrix:
            return "padding:\(vertical) \(column == columns - 1 ? "0" : "0.5em") \(vertical) \(column == 0 ? "0" : "0.5em")"
        case .array(let alignments):
            let align = column < alignments.count ? alignments[column] : "center"
            return textAlign(align) + ";padding:\(vertical) \(column == columns - 1 ? "0" : "0.5em") \(vertical) \(column == 0 ? "0" : "0.5em")"
        }
    }

    /// `text-align` for a table cell. Chromium lays out `<mtd>` with `-webkit-` alignments
    /// (its default is `-webkit-center`); a plain `right` there collapses percentage widths
    /// of the surrounding table (checked in Chromium 13x), so the prefixed value follows the
    /// standard one, which other browsers keep.
    static func textAlign(_ alignment: String) -> String {
        "text-align:\(alignment);text-align:-webkit-\(alignment)"
    }

    /// One Latin or Greek letter (or ∂, ∇ …): what MathML would italicise in an `<mi>`.
    private static func isSingleLetter(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, scalars.count == 1 else { return false }
        if first.isASCII { return (first.value | 0x20) >= 0x61 && (first.value | 0x20) <= 0x7A }
        return first.properties.isAlphabetic || first == "∇" || first == "∂"
    }
}

extension MathNode {
    /// True for nodes that produce no output.
    var isEmptyNode: Bool {
        if case .empty = kind { return true }
        return false
    }

    /// The class that decides spacing next to an operator name; nil for explicit spaces,
    /// which replace TeX's implicit ones.
    var spacingClass: AtomClass? {
        switch kind {
        case .space, .empty: return nil
        default: return atomClass
        }
    }
}
