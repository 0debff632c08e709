import ParzenMarkup

/// Serialises a `MathNode` tree as MathML Core, escaping every text and attribute through
/// `ParzenMarkup.Escaping`. One exhaustive switch over the node kinds.
///
/// Besides the tree's own structure the writer adds what TeX does implicitly: U+2061 FUNCTION
/// APPLICATION after operator names, with TeX's thin spaces around them, and the layout of
/// environments (alignment, full width, number column).
struct MathMLWriter {
    /// Markup for a cross-reference: label, parenthesised, TeX offset → HTML.
    typealias ReferenceMarkup = (String, TagForm?, Int) -> String

    var output = ""
    private let referenceMarkup: ReferenceMarkup
    /// The script level and display style that Chromium computes for the element being
    /// written (MathML Core's math-depth and math-style rules), tracked so that scripts stop
    /// shrinking at TeX's scriptscript size and lose their operator spaces as in TeX.
    private(set) var level = 0
    private var display: Bool

    init(referenceMarkup: @escaping ReferenceMarkup, display: Bool = false) {
        self.referenceMarkup = referenceMarkup
        self.display = display
        output.reserveCapacity(1024)
    }

    /// A complete `<math>` element with the TeX source as annotation and `alttext`.
    static func formula(_ node: MathNode, source: String, display: Bool, referenceMarkup: @escaping ReferenceMarkup)
        -> String
    {
        var writer = MathMLWriter(referenceMarkup: referenceMarkup, display: display)
        if display, case .table(let table) = node.kind, table.isStack {
            // Chromium cannot spread a table nested in a table cell across the line, so each
            // environment is a display `<math>` of its own, with its part of the source.
            let bytes = Array(source.utf8)
            var start = 0
            for (index, row) in table.rows.enumerated() {
                let next = index + 1 < table.rows.count ? table.rows[index + 1][0].offset : bytes.count
                let end = min(max(next, start), bytes.count)
                let part = String(decoding: bytes[start..<end], as: UTF8.self).trimmingSpaces()
                writer.open(source: part, display: true)
                writer.write(row[0])
                writer.close(source: part)
                start = end
            }
            return writer.output
        }
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
            writeOperator(text, attributes)
        case .text(let text, let style):
            output += style.map { "<mtext style=\"\(Escaping.attribute($0))\">" } ?? "<mtext>"
            output += Escaping.text(text) + "</mtext>"
        case .space(let width) where width.hasPrefix("-"):
            // MathML Core treats a negative width as 0 (`\!` did nothing); a negative margin
            // pulls the neighbours together, as TeX's negative kern does.
            output += "<mspace style=\"margin-left:" + Escaping.attribute(width) + "\"></mspace>"
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
            // MathML Core: the parts of a fraction in text style are one script level down.
            let partLevel = display ? level : level + 1
            writeScript(numerator, level: partLevel)
            writeScript(denominator, level: partLevel)
            output += "</mfrac>"
        case .root(let radicand, let index):
            if let index {
                output += "<mroot>"
                write(radicand)
                writeScript(index, level: level + 2)
                output += "</mroot>"
            } else {
                output += "<msqrt>"
                write(radicand)
                output += "</msqrt>"
            }
        case .scripts(let base, let sub, let sup, let limits):
            if !limits, let (primed, rest) = MathMLWriter.splitPrimes(base: base, sup: sup) {
                // x'^2, y'_i: TeX sets the prime as a superscript in a size drawn for that
                // place; Chromium has no such glyph (it does not apply the font's 'ssty'), so
                // a prime in a script is tiny. The prime stays with its base at full size, as
                // f' is written, and the other scripts follow it.
                let rescripted = MathNode(.scripts(base: primed, sub: sub, sup: rest, limits: false), at: node.offset)
                write(rest == nil && sub == nil ? primed : rescripted)
                return
            }
            let element: String
            switch (sub != nil, sup != nil) {
            case (true, true): element = limits ? "munderover" : "msubsup"
            case (true, false): element = limits ? "munder" : "msub"
            default: element = limits ? "mover" : "msup"
            }
            output += "<" + element + ">"
            writeScriptBase(base, hasScripts: !limits && sub != nil)
            if let sub { writeScript(sub, level: level + 1, raised: !limits && sup == nil) }
            if let sup { writeScript(sup, level: level + 1) }
            output += "</" + element + ">"
        case .stack(let base, let over, let under, let accent):
            let element = over != nil && under != nil ? "munderover" : over != nil ? "mover" : "munder"
            output += "<" + element
            if accent { output += over != nil ? " accent=\"true\"" : " accentunder=\"true\"" }
            output += ">"
            write(base)
            // Accents stay at the base's level; other material over and under is a script.
            let stackLevel = accent ? level : level + 1
            let arrow = base.isStretchyArrow
            // \stackrel, \overset: Chromium leaves a gap of about 0.3 em under the label, TeX
            // about 0.1 em (\mathop\limits, The TeXbook's big_op_spacing1); the label's ink
            // moves down by 0.25 em of its own size.
            if let under { writeScript(under, level: stackLevel, padded: arrow) }
            if let over {
                writeScript(over, level: stackLevel, padded: arrow, lowered: !accent && !arrow && !over.isOperator)
            }
            output += "</" + element + ">"
        case .style(let content, let displayStyle, let scriptLevel, let color):
            output += "<mstyle"
            if let displayStyle { output += displayStyle ? " displaystyle=\"true\"" : " displaystyle=\"false\"" }
            if let scriptLevel { output += " scriptlevel=\"\(scriptLevel)\"" }
            if let color { output += " mathcolor=\"" + Escaping.attribute(color) + "\"" }
            output += ">"
            let saved = (level, display)
            level = scriptLevel ?? level
            display = displayStyle ?? display
            write(content)
            (level, display) = saved
            output += "</mstyle>"
        case .phantom(let content):
            output += "<mphantom>"
            write(content)
            output += "</mphantom>"
        case .table(let table):
            writeTable(table)
        case .reference(let label, let form):
            output += "<mtext>" + referenceMarkup(label, form, node.offset) + "</mtext>"
        case .error(let source):
            output += "<merror><mtext>" + Escaping.text(source) + "</mtext></merror>"
        case .empty:
            break
        case .padded, .styled, .multiscripts, .rule:
            writeBox(node)
        }
    }

    /// The children of an `<mrow>`-like element, with function application after operator
    /// names and TeX's thin spaces around them (Ord–Op and Op–Ord/Op/Inner, TeXbook p. 170),
    /// and the operator spaces MathML's dictionary gets wrong next to other operators.
    private mutating func writeChildren(_ children: [MathNode]) {
        for (index, child) in children.enumerated() where !child.isEmptyNode {
            let isName = child.isOperatorName
            if !isName {
                switch child.atomClass {
                case .relation, .largeOperator: break
                case .binary where index == 0 || children[index - 1].spacingClass == .opening:
                    // TeX makes a binary operator that starts a list, or follows the opening fence
                    // of `\left(`, ordinary (rule 5; the parser marks the other cases). MathML
                    // infers prefix only for a first child, spaceless only for the signs.
                    write(child.withCoreOperator { attributes in
                            guard case .op(let text, _) = child.kind, attributes.form == nil, attributes.lspace == nil
                            else {
                            return
                        }
                        if MathMLWriter.signs.contains(text) {
                            if index > 0 { attributes.form = "prefix" }
                        } else {
                            attributes.lspace = "0em"
                            attributes.rspace = "0em"
                        }
                    })
                    continue
                default:
                    write(child)
                    continue
                }
            }
            let before = index > 0 ? children[index - 1].spacingClass : nil
            let after = index + 1 < children.count ? children[index + 1].spacingClass : nil
            guard isName else {
                write(MathMLWriter.spacedLikeTeX(child, before: before, after: after, inScript: level > 0))
                continue
            }
            if let before, [.ordinary, .closing, .inner].contains(before) {
                output += "<mspace width=\"0.1667em\"></mspace>"
            }
            write(child)
            output += "<mo>\u{2061}</mo>"
            if let after, [.ordinary, .largeOperator, .inner].contains(after) {
                output += "<mspace width=\"0.1667em\"></mspace>"
            }
        }
    }

    /// TeX puts no space between two relations (`:=`, `\to\to`), while each `<mo>` brings
    /// its own thick spaces; and a large operator after a relation, binary operator, opening
    /// or punctuation gets no space of its own (The TeXbook's spacing table, p. 170), while
    /// the dictionary gives `∫` a thin one, which doubles the space in `= ∫`.
    /// The colon is a relation in TeX, with thick spaces between its neighbours (`G : Z → X`);
    /// the dictionary spaces ':' as punctuation, with nothing before it.
    private static func spacedLikeTeX(_ node: MathNode, before: AtomClass?, after: AtomClass?,
                                      inScript: Bool) -> MathNode {
        switch node.atomClass {
        case .relation:
            var colon = false
            // (Between two neighbours only: array material such as @{:} ends a cell.)
            if !inScript, before != nil, after != nil, case .op(let text, _) = node.kind { colon = text == ":" }
            guard before == .relation || after == .relation || colon else { return node }
            return node.withCoreOperator { attributes in
                let thick = colon ? "0.2778em" : nil
                if attributes.lspace == nil { attributes.lspace = before == .relation ? "0em" : thick }
                if attributes.rspace == nil { attributes.rspace = after == .relation ? "0em" : thick }
            }
        case .largeOperator:
            switch before {
            case .relation?, .binary?, .opening?, .punctuation?: break
            default: return node
            }
            return node.withCoreOperator { attributes in
                if attributes.lspace == nil { attributes.lspace = "0em" }
            }
        default:
            return node
        }
    }

    /// One `<mo>`, adjusted for the script level and for Chromium's rendering.
    private mutating func writeOperator(_ text: String, _ given: OperatorAttributes) {
        var attributes = given
        let spaced: Bool
        switch attributes.atomClass {
        case .relation, .binary, .punctuation: spaced = level > 0
        case .inner: spaced = true
        default: spaced = false
        }
        if spaced, attributes.lspace == nil {
            // TeX drops relation, binary and punctuation spaces in script styles (TeXbook
            // p. 170); inner atoms (`\cdots`) get their thin spaces from the parser.
            attributes.lspace = "0em"
            attributes.rspace = "0em"
        }
        if attributes.form == "prefix", attributes.atomClass == .ordinary, attributes.lspace == nil,
           !MathMLWriter.signs.contains(text) {
            // A binary operator that TeX made ordinary (`(\cdot)`, `=\times`): the dictionary has
            // no prefix entry for most of them and gives the default thick spaces; the signs
            // have one, without spaces.
            attributes.lspace = "0em"
            attributes.rspace = "0em"
        }
        if attributes.minsize != nil, attributes.atomClass == .ordinary, attributes.lspace == nil {
            // `\Big|` without l or r is an ordinary symbol in TeX: no space on either side.
            attributes.lspace = "0em"
            attributes.rspace = "0em"
        }
        // (Scalars, not String ==, which normalises every non-ASCII operator first.)
        if attributes.stretchy == false, text.unicodeScalars.first == "\u{20D7}" {
            // \vec: Chromium draws the combining arrow, which has no advance width, left of
            // the letter; a non-combining arrow at 60 % is TeX's small vector accent.
            output += "<mo stretchy=\"false\" mathsize=\"60%\">→</mo>"
            return
        }
        // Chromium makes every stretchy operator as wide as its widest size variant (0.875 em
        // for a parenthesis); a fixed-size delimiter gets back the width TeX gives it.
        let margin = attributes.minsize.flatMap { size in
            attributes.maxsize == size ? DelimiterMargins.margin(of: text, height: size) : nil
        }
        output += "<mo"
        writeAttributes(attributes)
        if let margin { output += " style=\"margin:0 " + margin + "\"" }
        output += ">" + Escaping.text(text) + "</mo>"
    }

    /// A script, fraction part or root index at `newLevel`. Levels beyond 2 are held at 2, as
    /// TeX never goes below scriptscript size. `raised`: a subscript without superscript
    /// goes up by the difference between TeX's sub1 (0.15 em) and the font's
    /// SubscriptShiftDown (0.247 em) that Chromium uses, 0.097 em of the base = 0.14 em of
    /// the script. `padded`: the label of an extensible arrow, which amsmath pads by 5 mu
    /// and 9 mu so that the arrow reaches beyond it. `lowered`: see `.stack`.
    mutating func writeScript(_ node: MathNode, level newLevel: Int, raised: Bool = false,
                                      padded: Bool = false, lowered: Bool = false) {
        let saved = (level, display)
        display = false
        level = min(newLevel, 2)
        let floored = newLevel > 2
        if floored { output += "<mstyle scriptlevel=\"2\">" }
        let shift = raised && node.isFlat ? "0.14em" : lowered ? "-0.25em" : nil
        if let shift { output += "<mpadded voffset=\"" + shift + "\">" }
        if padded { output += "<mrow><mspace width=\"0.2778em\"></mspace>" }
        write(node)
        if padded { output += "<mspace width=\"0.5em\"></mspace></mrow>" }
        if shift != nil { output += "</mpadded>" }
        if floored { output += "</mstyle>" }
        (level, display) = saved
    }

    /// The base of sub- and superscripts. TeX ignores the depth of a single character there
    /// (TeXbook rule 18a), Chromium adds it to the subscript's drop, so `p_i` and
    /// `p_{\text{data}}` sat lower than `x_i`: a letter with a descender gets depth 0.
    private mutating func writeScriptBase(_ base: MathNode, hasScripts: Bool) {
        guard hasScripts, case .identifier(let text, _) = base.kind, MathMLWriter.descenders.contains(text) else {
            write(base)
            return
        }
        output += "<mpadded depth=\"0\">"
        write(base)
        output += "</mpadded>"
    }

    /// For a superscript that starts with primes: the base followed by the primes, and the
    /// rest of the superscript (nil when nothing is left).
    private static func splitPrimes(base: MathNode, sup: MathNode?) -> (MathNode, MathNode?)? {
        guard let sup else { return nil }
        switch sup.kind {
        case .op(let text, _) where isPrime(text):
            return (MathNode(.row([base, sup]), at: base.offset), nil)
        case .row(let children) where children.count > 1:
            guard case .op(let text, _) = children[0].kind, isPrime(text) else { return nil }
            let rest = Array(children.dropFirst())
            return (MathNode(.row([base, children[0]]), at: base.offset), MathNode(.row(rest), at: rest[0].offset))
        default:
            return nil
        }
    }

    private static func isPrime(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "′" || $0 == "″" || $0 == "‴" || $0 == "⁗" }
    }

    /// Signs whose prefix form the operator dictionary spaces as TeX does (not at all).
    private static let signs: Set<String> = ["−", "+", "±", "∓", "¬"]

    /// Italic letters of Latin Modern Math that reach below the baseline.
    private static let descenders: Set<String> = [
        "f", "g", "j", "p", "q", "y", "β", "γ", "ζ", "η", "μ", "ξ", "ρ", "φ", "χ", "ψ", "ϕ", "ς",
    ]

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

    /// An environment. Numbered displays are a full-width table whose outer columns centre
    /// the content (the right one holds the number, flush right); between the column pairs
    /// of `align` and `flalign` empty cells spread the pairs across the line as amsmath does.
    /// MathML Core has no `columnalign`, so alignment and padding are CSS on each cell, and
    /// row heights come from a strut in each row's first cell, as TeX's do.
    private mutating func writeTable(_ table: MathTable) {
        output += "<mtable"
        if let anchor = table.anchor { output += " id=\"" + Escaping.attribute(anchor) + "\"" }
        if table.displayStyle { output += " displaystyle=\"true\"" }
        if let level = table.scriptLevel { output += " scriptlevel=\"\(level)\"" }
        if table.numbered || table.isStack { output += " style=\"width:100%\"" }
        output += ">"
        let saved = (level, display)
        display = table.displayStyle
        level = table.scriptLevel ?? level
        let columns = table.columnCount
        let widths = MathMLWriter.spreadWidths(table, columns: columns)
        let tableStrut = MathMLWriter.strut(table)
        for (rowIndex, cells) in table.rows.enumerated() {
            let strut = table.format.rowSpacing.isEmpty
                ? tableStrut : MathMLWriter.strut(table, extraDepth: table.format.rowSpacing[rowIndex])
            let number = rowIndex < table.numbers.count ? table.numbers[rowIndex] : nil
            if let anchor = number?.anchor {
                output += "<mtr id=\"" + Escaping.attribute(anchor) + "\">"
            } else {
                output += "<mtr>"
            }
            if let widths { output += "<mtd style=\"width:\(widths.outer.left);padding:0\"></mtd>" }
            var column = 0
            var cell = 0
            while column < columns {
                if let between = widths?.between, column > 0, column % 2 == 0 {
                    output += "<mtd style=\"width:\(between);padding:0\"></mtd>"
                }
                let span = table.format.span(row: rowIndex, cell: cell, columns: columns, column: column)
                output += span > 1 ? "<mtd columnspan=\"\(span)\" style=\"" : "<mtd style=\""
                output += MathMLWriter.cellStyle(table, row: rowIndex, column: column, columns: columns)
                output +=
                    Escaping.attribute(
                        table.format.style(row: rowIndex, cell: cell, column: column, rowCount: table.rows.count))
                    + "\">"
                // Before the content, unless that starts with an operator whose form MathML infers:
                // a space-like first child would turn the prefix `−` of `-x` into an infix one.
                let strutAfter = cell == 0 && cell < cells.count && MathMLWriter.startsWithInferredOperator(cells[cell])
                if cell == 0 && !strutAfter { output += strut }
                if cell < cells.count {
                    if case .row(let children) = cells[cell].kind {
                        writeChildren(children)
                    } else {
                        write(cells[cell])
                    }
                }
                if strutAfter { output += strut }
                output += "</mtd>"
                column += span
                cell += 1
            }
            if let widths {
                let padding = widths.outer.right == "0" ? "0 0 0 1em" : "0"
                output += "<mtd style=\"width:\(widths.outer.right);padding:\(padding);"
                output += MathMLWriter.textAlign("right") + "\">"
                if let number { writeNumber(number) }
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        (level, display) = saved
        output += "</mtable>"
    }

    /// Whether the cell's first node is an `<mo>` without an explicit `form`.
    private static func startsWithInferredOperator(_ cell: MathNode) -> Bool {
        var node = cell
        while case .row(let children) = node.kind {
            guard let first = children.first(where: { !$0.isEmptyNode }) else { return false }
            node = first
        }
        if case .op(_, let attributes) = node.kind { return attributes.form == nil }
        return false
    }

    /// The widths of the empty cells of a numbered display: at its two sides, and between
    /// column pairs. amsmath's `align` shares the free width equally between the two margins
    /// and the gaps between pairs; `flalign` puts the first pair flush left and the last flush
    /// right; `alignat` keeps the pairs together; `multline` gives its lines the whole width.
    /// A number column of width 0 keeps 1 em from the last line, as amsmath's \mintagsep does.
    private static func spreadWidths(_ table: MathTable, columns: Int)
        -> (outer: (left: String, right: String), between: String?)? {
        guard table.numbered else { return nil }
        let pairs = (columns + 1) / 2
        switch table.layout {
        case .align where pairs > 1:
            let share = percent(1, of: pairs + 1)
            return ((share, share), share)
        case .flalign where pairs > 1:
            return (("0", "0"), percent(1, of: pairs - 1))
        case .multline:
            return (("0", "0"), nil)
        default:
            return (("50%", "50%"), nil)
        }
    }

    /// An equation number; one with a styled tag form (mathtools' `[\textbf]`) has its number
    /// styled between plain delimiters.
    private mutating func writeNumber(_ number: EquationNumber) {
        guard let form = number.form, let style = form.style else {
            output += "<mtext>" + Escaping.text(number.display) + "</mtext>"
            return
        }
        if !form.left.isEmpty { output += "<mtext>" + Escaping.text(form.left) + "</mtext>" }
        output += "<mtext style=\"" + Escaping.attribute(style) + "\">" + Escaping.text(number.text) + "</mtext>"
        if !form.right.isEmpty { output += "<mtext>" + Escaping.text(form.right) + "</mtext>" }
    }

    /// `part / whole` of the width as a CSS percentage with three decimals.
    private static func percent(_ part: Int, of whole: Int) -> String {
        let thousandths = 100_000 * part / whole
        let fraction = thousandths % 1000
        guard fraction != 0 else { return "\(thousandths / 1000)%" }
        let digits = String(fraction)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - digits.count) + digits + "%"
    }

    /// An invisible box with TeX's height and depth of a row: a display line is 8.5 + 3.5 pt
    /// (\strut at 10 pt), an array row 0.7 and 0.3 of the 12 pt \baselineskip (\@arstrut),
    /// times 1.2 in `cases` (its \arraystretch).
    /// `extraDepth`: the space `\\[4pt]` asks for below the row, in em, which TeX adds to the
    /// row's depth. `\substack` rows are as tight as their lines: no strut of their own.
    private static func strut(_ table: MathTable, extraDepth: Double? = nil) -> String {
        let (height, depth): (String, Double)
        switch table.layout {
        case _ where table.compact || table.isStack: (height, depth) = ("0", 0)
        case .cases: (height, depth) = ("1.008", 0.432)
        case .matrix, .array: (height, depth) = ("0.84", 0.36)
        default: (height, depth) = ("0.85", 0.35)
        }
        guard let extraDepth else {
            return table.compact || table.isStack ? "" : "<mspace height=\"\(height)em\" depth=\"\(depth)em\"></mspace>"
        }
        // Less than the strut's depth (a negative length) cannot pull the next row closer here.
        let total = (max(0, depth + extraDepth) * 10_000).rounded() / 10_000
        return "<mspace height=\"\(height)em\" depth=\"\(total)em\"></mspace>"
    }

    /// Alignment and padding of one cell, following amsmath (align: right/left pairs; inner
    /// `aligned`: pairs 2 em apart; \jot = 3 pt between display rows) and LaTeX's matrices
    /// (2 × \arraycolsep = 1 em between columns; cases: 1 em).
    private static func cellStyle(_ table: MathTable, row: Int, column: Int, columns: Int) -> String {
        // Half of \jot above and below display rows; array rows touch, their struts space them.
        // \substack and subarray: their own alignment, no padding.
        if table.compact, case .array(let alignments) = table.layout {
            return textAlign(column < alignments.count ? alignments[column] : "center") + ";padding:0"
        }
        let vertical: String
        switch table.layout {
        case .cases, .matrix, .array: vertical = "0"
        default: vertical = table.displayStyle ? "0.15em" : "0"
        }
        // Half a quad between matrix and array columns, none at the outer edges.
        let matrixPadding = "padding:\(vertical) \(column == columns - 1 ? "0" : "0.5em") \(vertical) "
            + (column == 0 ? "0" : "0.5em")
        switch table.layout {
        case .align, .alignat, .flalign:
            if column % 2 == 0 {
                // Pairs of `aligned` are 2 em apart; those of `alignat` touch.
                let together: Bool
                if case .alignat = table.layout { together = true } else { together = false }
                let gap = column == 0 || table.numbered || together ? "0" : "2em"
                return textAlign("right") + ";padding:\(vertical) 0 \(vertical) \(gap)"
            }
            return textAlign("left") + ";padding:\(vertical) 0"
        case .gather:
            return "padding:\(vertical) 0"
        case .stack:
            return "width:100%;padding:0"
        case .multline:
            // amsmath: the first line flush left and the last flush right, \multlinegap (1 em)
            // from the margin; the lines in between centred.
            let last = table.rows.count - 1
            if last > 0 && row == 0 {
                return "width:100%;" + textAlign("left") + ";padding:\(vertical) 0 \(vertical) 1em"
            }
            if last > 0 && row == last {
                return "width:100%;" + textAlign("right") + ";padding:\(vertical) 1em \(vertical) 0"
            }
            return "width:100%;padding:\(vertical) 0"
        case .cases:
            return textAlign("left") + ";padding:\(vertical) \(column == columns - 1 ? "0" : "1em") \(vertical) 0"
        case .matrix:
            return matrixPadding
        case .array(let alignments):
            let align = column < alignments.count ? alignments[column] : "center"
            return textAlign(align) + ";" + matrixPadding
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
    /// A copy whose core operator (the `<mo>` itself, or the base of its scripts) has its
    /// attributes changed by `change`.
    func withCoreOperator(_ change: (inout OperatorAttributes) -> Void) -> MathNode {
        var copy = self
        switch kind {
        case .op(let text, var attributes):
            change(&attributes)
            copy.kind = .op(text, attributes)
        case .scripts(let base, let sub, let sup, let limits):
            copy.kind = .scripts(base: base.withCoreOperator(change), sub: sub, sup: sup, limits: limits)
        default:
            break
        }
        return copy
    }

    /// True for a lone `<mo>`.
    var isOperator: Bool {
        if case .op = kind { return true }
        return false
    }

    /// True for the stretching arrow of `\xrightarrow` and its kin.
    var isStretchyArrow: Bool {
        guard case .op(_, let attributes) = kind else { return false }
        return attributes.stretchy == true && attributes.atomClass == .relation
    }

    /// Whether the node is no taller than a line of letters with scripts: no fractions, roots,
    /// tables or limits, whose height would decide a subscript's shift in TeX as in Chromium,
    /// so that raising it by the difference of their fixed shifts would be wrong.
    var isFlat: Bool {
        switch kind {
        case .identifier, .operatorName, .number, .op, .text, .space, .reference, .error, .empty:
            return true
        case .row(let children), .fenced(let children):
            return children.allSatisfy(\.isFlat)
        case .scripts(let base, let sub, let sup, let limits):
            return !limits && base.isFlat && (sub?.isFlat ?? true) && (sup?.isFlat ?? true)
        case .stack(let base, _, _, let accent):
            return accent && base.isFlat
        case .style(let content, _, _, _), .phantom(let content):
            return content.isFlat
        case .fraction, .root, .table, .padded, .styled, .multiscripts, .rule:
            return false
        }
    }

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
