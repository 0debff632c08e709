import ParzenMarkup

/// A tree → tree pass that turns the MyST directives Parzen reads itself (which cmark sees as
/// code fences) into typed blocks, reading the `:option:` lines at the top of their bodies:
/// - admonitions and `{dropdown}` become ``MarkdownBlock/Kind/admonition(_:)``; the title and
///   the rest of the body are parsed as Markdown with their notebook positions, so math, roles
///   and directive fences inside them work as anywhere else;
/// - `{math}` becomes display math (`:label:` makes it a numbered, referenceable equation);
/// - `{code-block} language` (or `{code}`) becomes a code block;
/// - `{figure} path` and `{table} Caption` become numbered ``MarkdownFloat``s.
///
/// Each admonition body is a parse of its own; ``maximumNesting`` admonitions inside one
/// another cap the recursion (deeper ones are errors, shown as code).
struct MySTBlockExpander {
    static let maximumNesting = 20

    let options: MarkdownParser.Options
    private var diagnostics: [Diagnostic] = []

    init(options: MarkdownParser.Options) {
        self.options = options
    }

    /// `document` with every admonition fence (at any depth) expanded; its diagnostics and
    /// those of the bodies together.
    func expand(_ document: MarkdownDocument) -> MarkdownDocument {
        var expander = self
        var document = document
        document.blocks = expander.blocks(document.blocks)
        document.footnotes = document.footnotes.map { footnote in
            var footnote = footnote
            footnote.blocks = expander.blocks(footnote.blocks)
            return footnote
        }
        document.diagnostics += expander.diagnostics
        return document
    }

    private mutating func blocks(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        blocks.map { block in
            var block = block
            switch block.kind {
            case .directive(let fence):
                if let kind = expand(fence) { block.kind = kind }
            case .blockQuote(let children): block.kind = .blockQuote(self.blocks(children))
            case .details(let summary, let children): block.kind = .details(summary: summary, self.blocks(children))
            case .list(let list): block.kind = .list(list.mappingItemBlocks { self.blocks($0) })
            // Admonitions were expanded by their own parse.
            case .paragraph, .heading, .thematicBreak, .codeBlock, .htmlBlock, .table, .displayMath, .admonition,
                 .float, .epigraph, .bibliography: break
            }
            return block
        }
    }

    private mutating func admonition(_ kind: MarkdownAdmonition.Kind, _ fence: DirectiveFence) -> MarkdownBlock.Kind {
        guard options.nesting < Self.maximumNesting else {
            diagnostics.append(Diagnostic(.error, file: options.file, at: fence.location,
                                          "admonitions nested more than \(Self.maximumNesting) deep; "
                                              + "this {\(fence.name)} is shown as code",
                                          fix: "move it out of the admonitions around it"))
            return .codeBlock(info: "{\(fence.name)}", text: fence.body)
        }
        let (given, lines, consumed) = readOptions(fence, allowed: kind.options)
        var admonition = MarkdownAdmonition(kind: kind, title: [], blocks: [])
        for option in given { apply(option, to: &admonition) }
        if let title = fence.label, let at = fence.labelLocation {
            admonition.title = self.title(title, at: at)
        } else if kind.defaultTitle == nil {
            diagnostics.append(Diagnostic(.error, file: options.file, at: fence.nameLocation,
                                          "{\(fence.name)} needs a title",
                                          fix: "write it after the name, e.g. ```{\(fence.name)} Why held-out data"))
        }
        let body = parse(lines, of: fence, after: consumed)
        if !body.footnotes.isEmpty || fence.body.contains("[^") {
            diagnostics.append(Diagnostic(.warning, file: options.file, at: fence.location,
                                          "footnotes inside {\(fence.name)} are not linked to their definitions",
                                          fix: "put the footnote reference in the text before or after "
                                              + "the {\(fence.name)}"))
        }
        admonition.blocks = body.blocks
        return .admonition(admonition)
    }

    private mutating func expand(_ fence: DirectiveFence) -> MarkdownBlock.Kind? {
        if let kind = MarkdownAdmonition.Kind(rawValue: fence.name) { return admonition(kind, fence) }
        switch fence.name {
        case "math": return math(fence)
        case "code-block", "code": return code(fence)
        case "figure": return figure(fence)
        case "table": return table(fence)
        case "epigraph": return epigraph(fence)
        case "bibliography": return bibliography(fence)
        default: return nil
        }
    }

    /// An option line as read: its key, its value (empty for a flag), where the line and the
    /// value start.
    private struct Option {
        var key: String
        var value: String
        var location: SourceLocation
        var valueLocation: SourceLocation
    }

    /// The `:key: value` lines at the top of `fence`'s body (unknown keys are errors with a
    /// did-you-mean, and skipped), the body lines after them, and how many lines they took.
    private mutating func readOptions(_ fence: DirectiveFence, allowed: [String])
        -> (options: [Option], body: [String], consumed: Int) {
        var lines = fence.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [Option] = []
        var consumed = 0
        while consumed < lines.count, let (key, value) = Self.option(lines[consumed]) {
            let at = SourceLocation(line: fence.bodyStart.line + consumed, column: fence.bodyStart.column)
            consumed += 1
            guard allowed.contains(key) else {
                let fix = allowed.isEmpty ? "remove the line: {\(fence.name)} takes no options in Parzen"
                    : Suggestion.fix(for: key, among: allowed)
                diagnostics.append(Diagnostic(.error, file: options.file, at: at,
                                              "unknown option ':\(key):' for {\(fence.name)}", fix: fix))
                continue
            }
            let line = lines[consumed - 1]
            let valueStart = line.unicodeScalars.count - line.drop(while: { $0 == " " || $0 == "\t" })
                .dropFirst(key.count + 2).drop(while: { $0 == " " || $0 == "\t" }).unicodeScalars.count
            found.append(Option(key: key, value: value, location: at,
                                valueLocation: SourceLocation(line: at.line, column: at.column + valueStart)))
        }
        lines.removeFirst(consumed)
        return (found, lines, consumed)
    }

    /// A `:key: value` (or `:key:`) option line, as MyST writes directive options.
    private static func option(_ line: String) -> (key: String, value: String)? {
        let line = line.trimmedOfSpacesAndTabs
        guard line.hasPrefix(":"), let close = line.dropFirst().firstIndex(of: ":") else { return nil }
        let key = line[line.index(after: line.startIndex)..<close]
        guard DirectiveInfo.isName(key) else { return nil }
        return (String(key), line[line.index(after: close)...].trimmedOfSpacesAndTabs)
    }

    private mutating func apply(_ option: Option, to admonition: inout MarkdownAdmonition) {
        switch option.key {
        case "class":
            admonition.classes += option.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        case "name":
            admonition.name = value(of: option)
        default:  // open
            if !option.value.isEmpty {
                diagnostics.append(Diagnostic(.error, file: options.file, at: option.location,
                                              "':open:' takes no value, found '\(option.value)'",
                                              fix: "write ':open:' alone, or remove it to start closed"))
            }
            admonition.isOpen = true
        }
    }

    /// The value of an option that needs one; a missing value is an error.
    private mutating func value(of option: Option) -> String? {
        guard option.value.isEmpty else { return option.value }
        diagnostics.append(Diagnostic(.error, file: options.file, at: option.location,
                                      "':\(option.key):' needs a value",
                                      fix: "write ':\(option.key): a-name'"))
        return nil
    }

    /// `{math}`: the body (after its options) as display TeX, mapped line by line into the
    /// notebook. `:label: name` numbers it: the body is wrapped, as Sphinx does, in
    /// `\begin{equation}…\label{name}\end{equation}` (with `split` inside when it has `\\` rows),
    /// so `{ref}` and `\eqref` reach it like an equation the author labelled.
    private mutating func math(_ fence: DirectiveFence) -> MarkdownBlock.Kind {
        let (given, lines, consumed) = readOptions(fence, allowed: ["label"])
        refuseArgument(fence) { "give the equation's label as ':label: \($0)' on the line after the fence" }
        var label: (name: String, option: Option)?
        if let option = given.first, let name = value(of: option) {
            if name.allSatisfy({ $0.isLetter || $0.isNumber || "-_:.".contains($0) }) {
                label = (name, option)
            } else {
                diagnostics.append(Diagnostic(.error, file: options.file, at: option.valueLocation,
                                              "equation label '\(name)' may only hold letters, digits, "
                                                  + "'-', '_', ':' and '.'",
                                              fix: "write it like ':label: eq-kl'"))
            }
        }
        var body = lines
        while body.last?.trimmedOfSpacesAndTabs.isEmpty == true { body.removeLast() }
        let rows = body.contains { $0.contains("\\\\") }
        var tex = ""
        // Text Parzen adds points at the fence (before the body) or the option (after it).
        var anchors = [MathSpan.Anchor(utf8Offset: 0, location: fence.location)]
        if label != nil { tex += rows ? "\\begin{equation}\\begin{split}\n" : "\\begin{equation}\n" }
        for (index, line) in body.enumerated() {
            if index > 0 { tex += "\n" }
            anchors.append(MathSpan.Anchor(utf8Offset: tex.utf8.count, location: SourceLocation(
                line: fence.bodyStart.line + consumed + index, column: fence.bodyStart.column)))
            tex += line
        }
        if let (name, option) = label {
            anchors.append(MathSpan.Anchor(utf8Offset: tex.utf8.count, location: option.location))
            tex += rows ? "\n\\end{split}\\label{" : "\n\\label{"
            anchors.append(MathSpan.Anchor(utf8Offset: tex.utf8.count, location: option.valueLocation))
            tex += name
            anchors.append(MathSpan.Anchor(utf8Offset: tex.utf8.count, location: option.location))
            tex += "}\\end{equation}"
        }
        if label == nil { anchors.removeFirst() }
        if anchors.isEmpty { anchors.append(MathSpan.Anchor(utf8Offset: 0, location: fence.bodyStart)) }
        return .displayMath(MathSpan(tex: tex, delimiter: .doubleDollar, anchors: anchors))
    }

    /// `{code-block} python`: the body as a code block in that language. Sphinx's options
    /// (`:linenos:`, `:emphasize-lines:`) are not supported and say so.
    private mutating func code(_ fence: DirectiveFence) -> MarkdownBlock.Kind {
        let (_, lines, _) = readOptions(fence, allowed: [])
        return .codeBlock(info: fence.label ?? "", text: lines.joined(separator: "\n"))
    }

    /// `{figure} path`: the image's path, its options, and the body as its caption (parsed
    /// as Markdown at its notebook position).
    private mutating func figure(_ fence: DirectiveFence) -> MarkdownBlock.Kind {
        let (given, lines, consumed) = readOptions(fence, allowed: ["name", "alt", "width", "class"])
        guard let path = fence.label, let pathLocation = fence.labelLocation else {
            diagnostics.append(Diagnostic(.error, file: options.file, at: fence.nameLocation,
                                          "{figure} needs the image's path",
                                          fix: "write it after the name, e.g. ```{figure} plots/iris.png"))
            return .codeBlock(info: "{figure}", text: fence.body)
        }
        var alt: String?, width: String?
        var float = MarkdownFloat(content: .table(MarkdownTable(alignments: [], header: [], rows: [])),
                                  caption: [], fence: fence)
        for option in given {
            switch option.key {
            case "alt": alt = value(of: option)
            case "width": width = cssLength(option)
            default: applyCommon(option, to: &float)
            }
        }
        float.content = .image(path: path, at: pathLocation, alt: alt, width: width)
        float.caption = body(lines, of: fence, after: consumed)
        return .float(float)
    }

    /// `{table} Caption`: the GFM table in the body, captioned by the argument.
    private mutating func table(_ fence: DirectiveFence) -> MarkdownBlock.Kind {
        let (given, lines, consumed) = readOptions(fence, allowed: ["name", "class"])
        var float = MarkdownFloat(content: .table(MarkdownTable(alignments: [], header: [], rows: [])),
                                  caption: [], fence: fence)
        for option in given { applyCommon(option, to: &float) }
        if let caption = fence.label, let at = fence.labelLocation {
            float.caption = [MarkdownBlock(.paragraph(title(caption, at: at)), at: at)]
        }
        let body = self.body(lines, of: fence, after: consumed)
        let tables = body.compactMap { block -> MarkdownTable? in
            if case .table(let table) = block.kind { return table }
            return nil
        }
        guard body.count == 1, let table = tables.first else {
            diagnostics.append(Diagnostic(.error, file: options.file, at: fence.location,
                                          "{table} must hold exactly one GFM table, found \(body.count) "
                                              + (body.count == 1 ? "block" : "blocks")
                                              + " of which \(tables.count) "
                                              + (tables.count == 1 ? "is a table" : "are tables"),
                                          fix: "write one '| a | b |' table with its '|---|---|' line, "
                                              + "and move other text outside the fence"))
            return .codeBlock(info: "{table}", text: fence.body)
        }
        float.content = .table(table)
        return .float(float)
    }

    /// `{epigraph}`: the body as a quotation; a last paragraph starting with `-- `, `--- ` or
    /// `—` is its attribution (the dash dropped), as docutils reads one.
    private mutating func epigraph(_ fence: DirectiveFence) -> MarkdownBlock.Kind {
        let (given, lines, consumed) = readOptions(fence, allowed: ["class"])
        refuseArgument(fence) { _ in "put the quotation in the body and its source on a last line starting with '-- '" }
        var blocks = body(lines, of: fence, after: consumed)
        var attribution: [MarkdownInline] = []
        if case .paragraph(var inlines)? = blocks.last?.kind, case .text(let text)? = inlines.first?.kind {
            for dash in ["--- ", "-- ", "— ", "—"] where text.hasPrefix(dash) {
                let rest = String(text.dropFirst(dash.count))
                inlines[0].kind = .text(rest)
                if rest.isEmpty { inlines.removeFirst() }
                attribution = inlines
                blocks.removeLast()
                break
            }
        }
        let classes = given.flatMap { $0.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
        return .epigraph(MarkdownEpigraph(blocks: blocks, attribution: attribution, classes: classes))
    }

    /// `{bibliography}`: it takes no argument, option or body, since the `.bib` files and the
    /// style are named in the front matter; anything written is an error rather than ignored.
    private mutating func bibliography(_ fence: DirectiveFence) -> MarkdownBlock.Kind {
        let (_, lines, consumed) = readOptions(fence, allowed: [])
        refuseArgument(fence) { _ in "name the .bib file in the front matter: 'bibliography: refs.bib'" }
        if let first = lines.firstIndex(where: { !$0.trimmedOfSpacesAndTabs.isEmpty }) {
            diagnostics.append(Diagnostic(.error, file: options.file,
                                          at: SourceLocation(line: fence.bodyStart.line + consumed + first,
                                                             column: fence.bodyStart.column),
                                          "{bibliography} takes no body; the reference list is made from "
                                              + "the works the page cites",
                                          fix: "leave the block empty, or cite the works in the text with [@key]"))
        }
        return .bibliography(fence)
    }

    /// An error at the argument of a directive that takes none; `fix` is given what was written.
    private mutating func refuseArgument(_ fence: DirectiveFence, fix: (String) -> String) {
        guard let label = fence.label, let at = fence.labelLocation else { return }
        diagnostics.append(Diagnostic(.error, file: options.file, at: at,
                                      "{\(fence.name)} takes no argument, found '\(label)'", fix: fix(label)))
    }

    /// `:name:` and `:class:`, which figures and tables share.
    private mutating func applyCommon(_ option: Option, to float: inout MarkdownFloat) {
        if option.key == "class" {
            float.classes += option.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        } else {
            float.name = value(of: option)
        }
    }

    /// A `:width:` value: a number with a CSS unit or `%` (as docutils accepts); else an error.
    private mutating func cssLength(_ option: Option) -> String? {
        guard let text = value(of: option) else { return nil }
        let units = ["px", "%", "em", "rem", "ex", "pt", "pc", "cm", "mm", "in", "vw"]
        let unit = units.first { text.hasSuffix($0) } ?? ""
        let number = text.dropLast(unit.count)
        if !number.isEmpty, Double(number).map({ $0 > 0 && $0.isFinite }) == true,
           number.allSatisfy({ $0.isNumber || $0 == "." }) {
            return unit.isEmpty ? text + "px" : text
        }
        diagnostics.append(Diagnostic(.error, file: options.file, at: option.valueLocation,
                                      "':width:' must be a positive length such as 80% or 300px, found '\(text)'",
                                      fix: "write ':width: 80%'"))
        return nil
    }

    /// A directive's body lines (after its options) parsed as Markdown at their notebook position.
    private mutating func body(_ lines: [String], of fence: DirectiveFence, after consumed: Int) -> [MarkdownBlock] {
        parse(lines, of: fence, after: consumed).blocks
    }

    /// A directive's body lines parsed as a document of their own; its diagnostics are kept.
    private mutating func parse(_ lines: [String], of fence: DirectiveFence, after consumed: Int) -> MarkdownDocument {
        var nested = options
        nested.lineOffset = fence.bodyStart.line - 1 + consumed
        nested.columnOffset = fence.bodyStart.column - 1
        nested.nesting += 1
        let body = MarkdownParser.parse(lines.joined(separator: "\n"), options: nested)
        diagnostics += body.diagnostics
        return body
    }

    /// The title as inline Markdown at its notebook position; if it would parse as a block of
    /// another kind (`# …`, `1. …`), as plain text.
    private func title(_ text: String, at location: SourceLocation) -> [MarkdownInline] {
        var nested = options
        nested.lineOffset = location.line - 1
        nested.columnOffset = location.column - 1
        nested.nesting += 1
        let parsed = MarkdownParser.parse(text, options: nested)
        if parsed.blocks.count == 1, case .paragraph(let inlines) = parsed.blocks[0].kind { return inlines }
        return [MarkdownInline(.text(text), at: location)]
    }
}
