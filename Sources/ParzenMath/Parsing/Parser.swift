/// Turns the expanded token stream of one formula into a `MathNode` tree.
///
/// The parser handles grouping, scripts, primes, characters and the environment row loop;
/// everything named by a command is parsed by its family's handler from `CommandRegistry`.
/// Recoverable mistakes (an unknown command) become `.error` nodes plus a diagnostic; mistakes
/// that leave the structure unknown (an unclosed brace) throw `TeXError`.
final class Parser {
    /// Deeper nesting than this is refused, so hostile input cannot exhaust the stack.
    static let maxDepth = 60

    let expander: MacroExpander
    let log: DiagnosticLog
    let numbering: EquationNumbering
    private let macros: MacroTable
    // The style flags, the terminators and the depth are read for almost every atom; they
    // are plain values never accessed across a call, so run-time exclusivity checks are left
    // out (as for the expander's per-token state).
    /// Whether the material being parsed is in display style (limits go under `\sum`).
    @exclusivity(unchecked) var displayStyle: Bool
    /// Whether the material being parsed is in script style (scripts, parts of inline
    /// fractions), where TeX leaves out the thin spaces around inner atoms.
    @exclusivity(unchecked) var scriptStyle = false
    /// The math alphabet of `\mathbf{…}` and friends while their argument is parsed.
    @exclusivity(unchecked) var alphabet: MathAlphabet?
    /// The rows of numbering environments being parsed, innermost last; `\label`, `\tag` and
    /// `\nonumber` write into the last one.
    var equationRows: [EquationNumbering.Row] = []
    /// The alignment `\shoveleft`/`\shoveright` asked for the cell being parsed.
    var cellAlignment: String?
    /// Colours named by `\definecolor` in this formula: name → CSS colour.
    var definedColors: [String: String] = [:]
    /// The terminators of the lists being parsed, innermost last (`\displaystyle` and `\color`
    /// apply up to the end of the current list).
    @exclusivity(unchecked) private var terminators: [Set<String>] = []
    @exclusivity(unchecked) private var depth = 0

    init(_ source: String, display: Bool, macros: MacroTable, numbering: EquationNumbering, log: DiagnosticLog) {
        self.expander = MacroExpander(source, macros: macros, log: log)
        self.log = log
        self.numbering = numbering
        self.macros = macros
        self.displayStyle = display
    }

    // MARK: Formula and lists

    /// Parses the whole formula. In display math a `\tag` or `\label` outside environments
    /// numbers the formula, as in amsmath's `\[ … \tag{…} \]`.
    func parseFormula() throws -> MathNode {
        let display = displayStyle
        if display { equationRows.append(EquationNumbering.Row(numbered: false)) }
        let nodes = try parseExpression(until: [])
        let next = try expander.next()
        if next.isCharacter("}") {
            throw TeXError("'}' has no matching '{'", fix: "remove it or add '{' before it", at: next.offset)
        }
        if display, let row = equationRows.popLast(), row.tag != nil || !row.labels.isEmpty,
           let number = numbering.finish(row, log: log).number {
            let table = MathTable(
                rows: [[MathNode(.row(nodes), at: 0)]], numbers: [number], layout: .gather, displayStyle: true,
                numbered: true)
            return MathNode(.table(table), at: 0)
        }
        // Several environments in one display formula (a `subequations` group among them)
        // stand one under the other.
        if display {
            let environments = nodes.flatMap { node -> [MathNode] in
                if case .table(let table) = node.kind, table.isStack { return table.rows.map { $0[0] } }
                return [node]
            }
            if environments.lazy.filter(MathTable.isDisplayEnvironment).count > 1 {
                return MathTable.stacked(environments, at: 0)
            }
        }
        return MathNode(.row(nodes), at: 0)
    }

    /// Parses atoms until the end of input, a `}` or one of `terminators` (not consumed).
    func parseExpression(until stop: Set<String>) throws -> [MathNode] {
        terminators.append(stop)
        defer { terminators.removeLast() }
        var nodes: [MathNode] = []
        var infix: (numerator: [MathNode], command: Token, fraction: FractionCommands.Infix)?
        while true {
            let token = try expander.peekSkippingSpaces()
            if token.isEnd || token.isCharacter("}") || stop.contains(token.text) { break }
            if token.kind == .command, FractionCommands.infixCommands.contains(token.text) {
                _ = try expander.next()
                if infix != nil {
                    throw TeXError("'\(token.text)' after another generalized fraction in the same group",
                                   fix: "add braces: {a \\over b} \\over c", at: token.offset)
                }
                infix = (nodes, token, try FractionCommands.readInfix(self, token))
                nodes = []
                continue
            }
            nodes.append(try parseAtom())
        }
        markUnaryOperators(&nodes)
        if !scriptStyle { insertInnerSpacing(&nodes) }
        if var infix {
            markUnaryOperators(&infix.numerator)
            if !scriptStyle { insertInnerSpacing(&infix.numerator) }
            return [infix.fraction.node(numerator: MathNode(.row(infix.numerator), at: infix.command.offset),
                                        denominator: MathNode(.row(nodes), at: infix.command.offset),
                                        display: displayStyle, at: infix.command.offset)]
        }
        return nodes
    }

    /// TeX's thin spaces around inner atoms (`\left…\right` groups, fractions, `\ldots`) in
    /// display and text style (TeXbook p. 170): Ord, Op, Close, Punct and Inner before an
    /// Inner; an Inner before Ord, Op, Open, Punct and Inner. MathML has no inner class, so
    /// they become `<mspace>`s. Operator names get theirs from the writer.
    private func insertInnerSpacing(_ nodes: inout [MathNode]) {
        guard nodes.count > 1 else { return }
        var spaced: [MathNode] = []
        spaced.reserveCapacity(nodes.count + 4)
        for (index, node) in nodes.enumerated() {
            if index > 0, let before = nodes[index - 1].spacingClass, let current = node.spacingClass,
               !nodes[index - 1].isOperatorName, !node.isOperatorName {
                let beforeInner =
                    before == .inner && [.ordinary, .largeOperator, .opening, .punctuation, .inner].contains(current)
                let currentInner =
                    current == .inner && [.ordinary, .largeOperator, .closing, .punctuation].contains(before)
                if beforeInner || currentInner {
                    spaced.append(MathNode(.space(width: "0.1667em"), at: node.offset))
                }
            }
            spaced.append(node)
        }
        nodes = spaced
    }

    /// TeX turns a binary operator that follows nothing, a relation, an opening, punctuation,
    /// another binary operator or a large operator into an ordinary symbol (TeXbook rule 5):
    /// `=-x`, `(-x`, `\sum -x`. MathML would infer the infix form from its position, so these get
    /// `form="prefix"` (the first child of a row is inferred prefix already).
    private func markUnaryOperators(_ nodes: inout [MathNode]) {
        var previous: AtomClass?
        for index in nodes.indices {
            guard let current = nodes[index].spacingClass else { continue }
            if current == .binary, let before = previous,
                [.binary, .relation, .opening, .punctuation, .largeOperator].contains(before),
               case .op(let text, var attributes) = nodes[index].kind, attributes.form == nil {
                attributes.form = "prefix"
                attributes.atomClass = .ordinary
                nodes[index].kind = .op(text, attributes)
            }
            previous = nodes[index].atomClass
        }
    }

    /// Parses the rest of the current list (up to its terminator), for switches such as
    /// `\displaystyle` and `\color` that act until the end of the group.
    func parseRestOfList() throws -> [MathNode] {
        try parseExpression(until: terminators.last ?? [])
    }

    /// Parses `{…}` after its `{` was read.
    func parseGroup(openedBy open: Token) throws -> MathNode {
        try nested(at: open.offset) {
            let nodes = try parseExpression(until: [])
            let close = try expander.next()
            guard close.isCharacter("}") else {
                throw TeXError("'{' is never closed", fix: "add '}'", at: open.offset)
            }
            return MathNode(.row(nodes), at: open.offset)
        }
    }

    // MARK: Atoms and scripts

    /// One base with its sub-/superscripts and primes.
    func parseAtom() throws -> MathNode {
        let first = try expander.peekSkippingSpaces()
        var base: MathNode
        if first.isCharacter("^") || first.isCharacter("_") || first.isCharacter("'") {
            base = MathNode(.row([]), at: first.offset)
        } else {
            _ = try expander.next()
            base = try parseBase(first, asArgument: false)
        }
        var sub: MathNode?
        var sup: MathNode?
        var primes: MathNode?
        var limits: Bool?
        while true {
            let token = try expander.peekSkippingSpaces()
            if token.isCharacter("^") || token.isCharacter("_") {
                _ = try expander.next()
                let script = try parseScript(after: token)
                if token.text == "^" {
                    if sup != nil { throw TeXError("double superscript", fix: "group them: x^{ab}", at: token.offset) }
                    sup = primes.map { MathNode(.row([$0, script]), at: token.offset) } ?? script
                    primes = nil
                } else {
                    if sub != nil { throw TeXError("double subscript", fix: "group them: x_{ab}", at: token.offset) }
                    sub = script
                }
            } else if token.isCharacter("'") {
                if sup != nil {
                    throw TeXError(
                        "double superscript", fix: "put the prime before the superscript: x'^2", at: token.offset)
                }
                primes = try parsePrimes()
            } else if token.text == "\\limits" || token.text == "\\nolimits" || token.text == "\\displaylimits" {
                _ = try expander.next()
                if base.atomClass != .largeOperator && base.limits == .never {
                    // TeX: "Limit controls must follow a math operator".
                    log.warning(
                        "'\(token.text)' must follow a large operator; it is ignored",
                        fix: "write \\sum\(token.text)_{…}", at: token.offset)
                }
                limits = token.text == "\\displaylimits" ? displayStyle : token.text == "\\limits"
            } else {
                break
            }
        }
        if let primes {
            // A prime alone follows its base at full size (f′), the way LaTeX shows it: the
            // prime glyph of math fonts is already raised, while as a superscript it would
            // need the font's 'ssty' variant, which Chromium does not select.
            if sub == nil && sup == nil { return MathNode(.row([base, primes]), at: base.offset) }
            sup = primes
        }
        guard sub != nil || sup != nil else { return base }
        let placement = limits ?? (base.limits == .always || (base.limits == .display && displayStyle))
        return MathNode(.scripts(base: base, sub: sub, sup: sup, limits: placement), at: base.offset)
    }

    private func parseScript(after marker: Token) throws -> MathNode {
        let saved = (displayStyle, scriptStyle)
        displayStyle = false
        scriptStyle = true
        defer { (displayStyle, scriptStyle) = saved }
        let token = try nextSkippingSpaces()
        if token.isEnd || token.isCharacter("}") || token.isCharacter("^") || token.isCharacter("_")
            || token.isCharacter("&")
        {
            throw TeXError("'\(marker.text)' is missing its script", fix: "write \(marker.text){…}", at: marker.offset)
        }
        let script = token.isCharacter("{") ? try parseGroup(openedBy: token) : try parseBase(token, asArgument: true)
        return script.withoutOperatorSpacing().inScriptStyle()
    }

    private func parsePrimes() throws -> MathNode {
        var count = 0
        var offset = 0
        while try expander.peek().isCharacter("'") {
            offset = try expander.next().offset
            count += 1
        }
        let glyphs = ["′", "″", "‴", "⁗"]
        let text = count <= 4 ? glyphs[count - 1] : String(repeating: "′", count: count)
        var attributes = OperatorAttributes(.ordinary)
        attributes.lspace = "0em"
        attributes.rspace = "0em"
        return MathNode(.op(text, attributes), at: offset)
    }

    /// Parses what a token starts: a group, a character, or a command via the registry.
    /// `asArgument` limits a digit run to one digit, as `\frac12` needs.
    func parseBase(_ token: Token, asArgument: Bool) throws -> MathNode {
        try nested(at: token.offset) {
            switch token.kind {
            case .command:
                if let handler = CommandRegistry.standard.handler(for: token.text) {
                    return try handler(self, token)
                }
                let fix = log.isFull ? nil : macros.suggestion(for: token.text)
                log.error("unknown command '\(token.text)'", fix: fix.map { "did you mean '\($0)'?" }, at: token.offset)
                return MathNode(.error(token.text), at: token.offset)
            case .character:
                return try parseCharacter(token, asArgument: asArgument)
            case .space, .end:
                return MathNode(.row([]), at: token.offset)
            }
        }
    }

    private func parseCharacter(_ token: Token, asArgument: Bool) throws -> MathNode {
        let text = token.text
        if text == "{" { return try parseGroup(openedBy: token) }
        if text == "}" { throw TeXError("'}' has no matching '{'", at: token.offset) }
        if let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                var digits = text
                if !asArgument { digits += try readMoreDigits() }
                return number(digits, at: token.offset)
            }
            // ASCII letters first: Unicode property lookups are comparatively slow.
            let isASCIILetter = (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
            if isASCIILetter
                || (!scalar.isASCII && scalar.properties.isAlphabetic && CharacterSymbols.operators[text] == nil)
            {
                return identifier(text, at: token.offset)
            }
        }
        switch text {
        case "&", "#", "$":
            log.error(
                "misplaced '\(text)'",
                fix: text == "&"
                    ? "'&' separates columns only inside environments such as aligned" : "escape it as '\\\(text)'",
                at: token.offset)
            return MathNode(.error(text), at: token.offset)
        case "~":
            return MathNode(.space(width: "0.3333em"), at: token.offset)
        default:
            if let symbol = CharacterSymbols.operators[text] {
                return MathNode(.op(symbol.text, symbol.attributes), at: token.offset)
            }
            return MathNode(.identifier(text, upright: false), at: token.offset)
        }
    }

    /// Digits (and a decimal point followed by a digit) after the first digit of a number.
    private func readMoreDigits() throws -> String {
        var digits = ""
        while true {
            let token = try expander.peek()
            guard token.kind == .character else { break }
            if token.text.count == 1, let byte = token.text.utf8.first, byte >= 0x30, byte <= 0x39 {
                digits += try expander.next().text
                continue
            }
            if token.text == "." {
                let point = try expander.next()
                let after = try expander.peek()
                if after.kind == .character, let byte = after.text.utf8.first, after.text.utf8.count == 1, byte >= 0x30,
                    byte <= 0x39
                {
                    digits += "."
                    continue
                }
                expander.pushBack(point)
            }
            break
        }
        return digits
    }

    // MARK: Building leaves in the current alphabet

    /// An `<mi>` for a letter, in the current `\mathbf`-style alphabet if any.
    func identifier(_ text: String, at offset: Int, upright: Bool = false) -> MathNode {
        guard let alphabet else { return MathNode(.identifier(text, upright: upright), at: offset) }
        let styled = alphabet.apply(to: text)
        return MathNode(.identifier(styled, upright: alphabet == .roman && styled == text), at: offset)
    }

    /// An `<mn>`, in the current alphabet if it has digits.
    func number(_ digits: String, at offset: Int) -> MathNode {
        MathNode(.number(alphabet?.apply(to: digits) ?? digits), at: offset)
    }

    // MARK: Arguments

    /// Reads the next token after spaces, expanded.
    func nextSkippingSpaces() throws -> Token {
        var token = try expander.next()
        while token.kind == .space { token = try expander.next() }
        return token
    }

    /// A mandatory argument: `{…}` or a single token (`\frac12`, `\hat x`).
    func parseArgument(of command: Token) throws -> MathNode {
        let token = try nextSkippingSpaces()
        if token.isEnd || token.isCharacter("}") || token.isCharacter("&") || token.text == "\\\\"
            || token.text == "\\end"
        {
            throw TeXError(
                "'\(command.text)' is missing an argument", fix: "write \(command.text){…}", at: command.offset)
        }
        if token.isCharacter("{") { return try parseGroup(openedBy: token) }
        return try parseBase(token, asArgument: true)
    }

    /// An optional argument `[…]`, or nil when the next token is not `[`.
    func parseOptionalArgument() throws -> MathNode? {
        let token = try expander.peekSkippingSpaces()
        guard token.isCharacter("[") else { return nil }
        _ = try expander.next()
        let nodes = try parseExpression(until: ["]"])
        guard try expander.next().isCharacter("]") else {
            throw TeXError("'[' is never closed", fix: "add ']'", at: token.offset)
        }
        return MathNode(.row(nodes), at: token.offset)
    }

    /// The text of an optional argument `[…]` (lengths, positions, column specs), or nil.
    func readOptionalString() throws -> String? {
        let open = try expander.peekSkippingSpaces()
        guard open.isCharacter("[") else { return nil }
        _ = try expander.next()
        var text = ""
        var depth = 0
        while true {
            let token = try expander.next()
            if token.isEnd { throw TeXError("'[' is never closed", fix: "add ']'", at: open.offset) }
            if token.isCharacter("{") { depth += 1 }
            if token.isCharacter("}") { depth -= 1 }
            if token.isCharacter("]") && depth == 0 { return text.trimmingSpaces() }
            text += token.text
        }
    }

    /// Consumes a `*` directly after a command, reporting whether it was there.
    func readStar() throws -> Bool {
        if try expander.peek().isCharacter("*") {
            _ = try expander.next()
            return true
        }
        return false
    }

    /// The text of a `{…}` argument (labels, environment and colour names), control symbols
    /// such as `\_` read as their character.
    func readStringArgument(of command: Token) throws -> String {
        let open = try nextSkippingSpaces()
        guard open.isCharacter("{") else {
            if open.kind == .character { return open.text }
            throw TeXError(
                "'\(command.text)' needs a braced argument", fix: "write \(command.text){…}", at: command.offset)
        }
        var text = ""
        var depth = 1
        while true {
            let token = try expander.next()
            switch token.kind {
            case .end:
                throw TeXError("'{' is never closed", fix: "add '}'", at: open.offset)
            case .space:
                text += " "
            case .character:
                if token.text == "{" { depth += 1 }
                if token.text == "}" {
                    depth -= 1
                    if depth == 0 { return text.trimmingSpaces() }
                }
                text += token.text
            case .command:
                text += TextCommands.character(forControlSymbol: token.text) ?? token.text
            }
        }
    }

    // MARK: Environments

    /// Parses the rows of an environment whose `\begin{name}` was read, up to `\end{name}`.
    /// `numbered` is nil for environments that never number rows (`aligned`, matrices):
    /// their labels belong to the enclosing equation. `format` is the array preamble's; the
    /// result's format adds the rules between rows and the `\multicolumn` spans.
    /// `closedByBrace`: the rows end at a `}` instead of `\end{name}` (`\substack{…}`).
    func parseRows(of name: String, begin: Token, numbered: Bool?, format: TableFormat = TableFormat(),
        closedByBrace: Bool = false
    ) throws -> (rows: [[MathNode]], numbers: [EquationNumber?], format: TableFormat) {
        try nested(at: begin.offset) {
            var format = format
            var rows: [[MathNode]] = []
            var numbers: [EquationNumber?] = []
            var cells: [MathNode] = []
            var column = 0
            if let numbered { equationRows.append(EquationNumbering.Row(numbered: numbered)) }
            let terminators: Set<String> = ["&", "\\\\", "\\cr", "\\end"]
            cellAlignment = nil
            try readRules(into: &format, row: 0)
            while true {
                let start = try expander.peekSkippingSpaces().offset
                var span = 1
                if try expander.peekSkippingSpaces().text == "\\multicolumn" {
                    let spanned = try parseMulticolumn()
                    format.spans[rows.count, default: [:]][cells.count] = spanned.span
                    span = spanned.span.count
                    var rest = try parseExpression(until: terminators)
                    rest.insert(spanned.node, at: 0)
                    cells.append(MathNode(.row(rest), at: start))
                } else if let textColumn = format.textFrom, column >= textColumn {
                    cells.append(try TextCommands.readText(self, begin, style: nil, from: start, until: terminators))
                } else {
                    let template = column < format.templates.count ? format.templates[column] : TableFormat.Template()
                    for token in template.prefix.reversed() { expander.pushBack(token) }
                    var cell = try parseExpression(until: terminators)
                    if !template.suffix.isEmpty {
                        for token in template.suffix.reversed() { expander.pushBack(token) }
                        cell += try parseExpression(until: terminators)
                    }
                    cells.append(MathNode(.row(cell), at: start))
                }
                if let alignment = cellAlignment {
                    format.spans[rows.count, default: [:]][cells.count - 1] = (span, alignment, (false, false))
                    cellAlignment = nil
                }
                column += span
                let token = try expander.next()
                switch token.text {
                case "&" where token.kind == .character:
                    continue
                case "\\\\", "\\cr":
                    if token.text == "\\\\" {
                        try readRowSpacing(into: &format, row: rows.count, afterSpaces: name == "array")
                    }
                    rows.append(cells)
                    numbers.append(finishEquationRow(numbered: numbered))
                    cells = []
                    column = 0
                    if let text = try readRules(into: &format, row: rows.count) {
                        // \intertext: a row of its own, flush left across the table, unnumbered.
                        rows.append([text])
                        numbers.append(nil)
                        format.spans[rows.count - 1] = [0: (1000, "left", (false, false))]
                        _ = try readRules(into: &format, row: rows.count)
                    }
                case "\\end" where !closedByBrace, "}" where closedByBrace:
                    if !closedByBrace {
                        let endName = try readStringArgument(of: token)
                        guard endName == name else {
                            throw TeXError(
                                "'\\begin{\(name)}' is ended by '\\end{\(endName)}'", fix: "write \\end{\(name)}",
                                at: token.offset)
                        }
                    }
                    let row = numbered == nil ? nil : equationRows.last
                    // A `\\` before `\end` leaves an empty last row, which amsmath numbers
                    // (an empty line with "(5)") in the numbered environments, and which
                    // shows nothing elsewhere.
                    let isEmptyLastRow =
                        !rows.isEmpty && cells.count == 1 && cells[0].isEmptyRow && row?.tag == nil
                        && (row?.labels.isEmpty ?? true) && (row.map { !$0.numbered || $0.suppressed } ?? true)
                    if !isEmptyLastRow {
                        rows.append(cells)
                        numbers.append(finishEquationRow(numbered: numbered, last: true))
                    } else if let row, !row.carried.isEmpty {
                        _ = numbering.finish(row, log: log)
                    }
                    if numbered != nil { _ = equationRows.popLast() }
                    return (rows, numbers, format)
                default:
                    if token.isEnd {
                        if closedByBrace {
                            throw TeXError("'{' after '\(name)' is never closed", fix: "add '}'", at: begin.offset)
                        }
                        throw TeXError("'\\begin{\(name)}' is never ended", fix: "add \\end{\(name)}", at: begin.offset)
                    }
                    throw TeXError("'}' inside '\\begin{\(name)}' has no matching '{'", at: token.offset)
                }
            }
        }
    }

    /// `\hline`, `\hdashline` and `\cline{a-b}` at the start of a row; an `\intertext{…}` there
    /// ends the reading and is returned.
    @discardableResult
    private func readRules(into format: inout TableFormat, row: Int) throws -> MathNode? {
        while true {
            let token = try expander.peekSkippingSpaces()
            switch token.text {
            case "\\hline", "\\hdashline", "\\firsthline", "\\lasthline":
                _ = try expander.next()
                format.horizontalRules[row, default: []].append(
                    TableFormat.HorizontalRule(dashed: token.text == "\\hdashline", columns: nil))
            case "\\cline", "\\cdashline":
                _ = try expander.next()
                let range = try readStringArgument(of: token)
                let bounds = range.split(separator: "-").compactMap { Int(String($0).trimmingSpaces()) }
                guard bounds.count == 2, bounds[0] >= 1, bounds[1] >= bounds[0] else {
                    throw TeXError(
                        "'\(token.text){\(range)}' is not a column range", fix: "write \(token.text){2-3}",
                        at: token.offset)
                }
                format.horizontalRules[row, default: []].append(
                    TableFormat.HorizontalRule(
                        dashed: token.text == "\\cdashline",
                        columns: (bounds[0] - 1)...(bounds[1] - 1)))
            case "\\intertext", "\\shortintertext":
                _ = try expander.next()
                return try TextCommands.parseText(self, token, style: nil)
            default:
                return nil
            }
        }
    }

    /// `\multicolumn{n}{spec}{content}` at the start of a cell.
    private func parseMulticolumn() throws -> (
        node: MathNode, span: (count: Int, alignment: String, rules: (left: Bool, right: Bool))
    ) {
        let command = try expander.next()
        let countText = try readStringArgument(of: command)
        guard let count = Int(countText), (1...1000).contains(count) else {
            throw TeXError(
                "'\\multicolumn{\(countText)}' needs a number of columns", fix: "write \\multicolumn{2}{c}{…}",
                at: command.offset)
        }
        let spec = try readStringArgument(of: command)
        let letters = spec.filter { "lcrp".contains($0) }
        guard letters.count == 1 else {
            throw TeXError(
                "the column specification '\(spec)' of '\\multicolumn' must have one column", fix: "write {c}, {|l|} …",
                at: command.offset)
        }
        let alignment = ["l": "left", "r": "right", "p": "left"][String(letters)] ?? "center"
        let content = try parseArgument(of: command)
        return (content, (count, alignment, (spec.hasPrefix("|"), spec.hasSuffix("|"))))
    }

    /// Numbers the row just ended and starts the next one, which takes over the labels of an
    /// unnumbered row unless this was the `last`.
    private func finishEquationRow(numbered: Bool?, last: Bool = false) -> EquationNumber? {
        guard let numbered, let row = equationRows.popLast() else { return nil }
        let (number, carried) = numbering.finish(row, log: log, carrying: !last)
        var next = EquationNumbering.Row(numbered: numbered)
        next.carried = carried
        equationRows.append(next)
        return number
    }

    /// `\\[4pt]`: extra space below the row `row`, as TeX adds it; `\\*` only forbids a page
    /// break, which a page of HTML does not have. amsmath's `\\` takes the `[` only right after
    /// it (`\\ [c]` is a row starting with "[c]"); LaTeX's `array` also `afterSpaces`; `\cr` never.
    private func readRowSpacing(into format: inout TableFormat, row: Int, afterSpaces: Bool) throws {
        if try expander.peek().isCharacter("*") { _ = try expander.next() }
        let open = afterSpaces ? try expander.peekSkippingSpaces() : try expander.peek()
        guard open.isCharacter("["), let length = try readOptionalString() else { return }
        guard let ems = SpacingCommands.ems(from: length) else {
            throw TeXError(
                "'\(length)' after '\\\\' is not a length", fix: "write a length such as \\\\[4pt] or \\\\[1ex]",
                at: open.offset)
        }
        format.rowSpacing[row] = ems
    }

    // MARK: Depth

    /// Runs `body` one nesting level deeper, refusing input nested beyond `maxDepth`.
    func nested<T>(at offset: Int, _ body: () throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth {
            throw TeXError(
                "the formula nests deeper than \(Parser.maxDepth) levels", fix: "simplify the formula", at: offset)
        }
        return try body()
    }

    /// Runs `body` with `displayStyle` set, restoring it afterwards.
    func withDisplayStyle<T>(_ display: Bool, _ body: () throws -> T) rethrows -> T {
        let saved = displayStyle
        displayStyle = display
        defer { displayStyle = saved }
        return try body()
    }
}
