import CCmarkGFM

/// Converts cmark-gfm's tree into ``MarkdownDocument`` without recursion: cmark's iterator
/// yields ENTER/EXIT events, each container collects its children in a frame on an explicit
/// stack, and a container is built when it exits. Containers nested deeper than
/// ``maximumNesting`` are flattened into their parent (content kept, one warning), so every
/// later recursive walk of the value tree — rendering, comparison, deallocation — is bounded.
/// A flattened container's children go straight to the nearest kept ancestor, so the cost
/// stays linear however deep the input nests (moving them up level by level was quadratic:
/// 62 s for cmark's nested strong/emphasis test at 20k repeats).
struct TreeBuilder {
    /// Block quotes, lists, emphasis, links… nested deeper than this are flattened.
    static let maximumNesting = 100

    private struct Frame {
        var node: OpaquePointer
        var type: cmark_node_type
        var typeName: String
        /// Flattened: children go to the parent frame.
        var transparent: Bool
        /// The index in the stack of the frame that receives this frame's children: its own
        /// index, or for a flattened frame its nearest kept ancestor's.
        var target: Int
        /// Where the node starts, taken when the walk enters it (positions after it may drift).
        var at: SourceLocation
        var blocks: [MarkdownBlock] = []
        var inlines: [MarkdownInline] = []
        var items: [MarkdownList.Item] = []
        var rows: [[[MarkdownInline]]] = []
        var cells: [[MarkdownInline]] = []
    }

    private let sourceMap: SourceMap
    private let collector: MathCollector
    private let options: MarkdownParser.Options
    private var diagnostics: [Diagnostic] = []
    private var footnoteLabels: [String] = []
    private var footnotes: [MarkdownFootnote] = []
    private var referenceCounts: [Int: Int] = [:]
    /// Lines to add to cmark's positions inside the current paragraph (see ``SplitParagraphLines``).
    private var lineShift = 0
    /// The part of `lineShift` due to link reference definitions (``ReferenceDefinitionLines``),
    /// which math captured while parsing needs as well.
    private var definitionShift = 0
    /// Lines and columns to correct inside a table split off a paragraph
    /// (``SplitParagraphLines/headerShift(of:in:)``): lines for the table and its header row,
    /// lines and columns for what the row holds.
    private var tableShift: (lines: Int, columns: Int)?
    /// Whether the walk is inside a table's header row.
    private var inHeader = false
    /// How far cmark's positions in the current block of inlines have fallen behind.
    private var drift: InlineDrift

    init(sourceMap: SourceMap, collector: MathCollector, options: MarkdownParser.Options) {
        self.sourceMap = sourceMap
        self.collector = collector
        self.options = options
        drift = InlineDrift(sourceMap: sourceMap)
    }

    /// Walks the tree under `root` (a cmark document node).
    mutating func build(_ root: OpaquePointer) -> MarkdownDocument {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var depth = 0
        var flattened = false
        var document: [MarkdownBlock] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                if let leaf = leaf(node, type: type) {
                    append(leaf, to: &stack)
                    continue
                }
                if type == CMARK_NODE_FOOTNOTE_REFERENCE {
                    continue  // built on EXIT (it has no children)
                }
                if type == CMARK_NODE_PARAGRAPH {
                    definitionShift = ReferenceDefinitionLines.shift(of: node, in: sourceMap)
                    lineShift = SplitParagraphLines.shift(of: node) + definitionShift
                }
                let name = String(cString: cmark_node_get_type_string(node))
                if Self.holdsInlines(type, name: name) {
                    drift = InlineDrift(sourceMap: sourceMap, firstLine: Int(cmark_node_get_start_line(node)),
                                        shift: lineShift,
                                        blockOffset: max(0, Int(cmark_node_get_start_column(node)) - 1))
                }
                if name == "table" { tableShift = SplitParagraphLines.headerShift(of: node, in: sourceMap) }
                let nests = Self.nests(type, name: name)
                // A list's items share its level, so an item is flattened with its list.
                let transparent = type == CMARK_NODE_ITEM
                    ? (stack.last?.transparent ?? false)
                    : nests && depth >= Self.maximumNesting
                if transparent && !flattened {
                    flattened = true
                    diagnostics.append(
                        warning(
                            at: location(of: node),
                            "content nested more than \(Self.maximumNesting) levels deep is flattened"))
                }
                if nests && !transparent { depth += 1 }
                let target = transparent ? (stack.last?.target ?? 0) : stack.count
                stack.append(Frame(node: node, type: type, typeName: name, transparent: transparent, target: target,
                                   at: location(of: node)))
                if name == "table_header" { inHeader = true }
                continue
            }
            // EXIT
            if type == CMARK_NODE_FOOTNOTE_REFERENCE {
                append(.inline(footnoteReference(node)), to: &stack)
                continue
            }
            guard var frame = stack.popLast() else { continue }
            if Self.nests(frame.type, name: frame.typeName) && !frame.transparent { depth -= 1 }
            if frame.type == CMARK_NODE_DOCUMENT {
                document = BlockRewriter(sourceMap: sourceMap).groupDetails(
                    frame.blocks, diagnostics: &diagnostics, file: options.file)
                break
            }
            // A flattened frame's children are already in its target.
            if frame.transparent { continue }
            frame.inlines = InlineRewriter(sourceMap: sourceMap, file: options.file).rewrite(
                frame.inlines, diagnostics: &diagnostics)
            finish(frame, stack: &stack)
            if frame.type == CMARK_NODE_LINK || frame.type == CMARK_NODE_IMAGE {
                // Its `(destination "title")` may run over lines.
                drift.passed(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
            }
            if frame.type == CMARK_NODE_PARAGRAPH { (lineShift, definitionShift) = (0, 0) }
            if Self.holdsInlines(frame.type, name: frame.typeName) { drift = InlineDrift(sourceMap: sourceMap) }
            if frame.typeName == "table_header" { inHeader = false }
            if frame.typeName == "table" { tableShift = nil }
        }
        return MarkdownDocument(blocks: document, footnotes: footnotes, diagnostics: diagnostics)
    }

    private enum Piece {
        case block(MarkdownBlock)
        case inline(MarkdownInline)
    }

    private func append(_ piece: Piece, to stack: inout [Frame]) {
        guard let target = stack.last?.target else { return }
        switch piece {
        case .block(let block): stack[target].blocks.append(block)
        case .inline(let inline): stack[target].inlines.append(inline)
        }
    }

    /// The blocks cmark parses inlines in, each on its own (``InlineDrift``).
    private static func holdsInlines(_ type: cmark_node_type, name: String) -> Bool {
        type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || name == "table_cell"
    }

    /// Containers whose nesting counts towards ``maximumNesting``.
    private static func nests(_ type: cmark_node_type, name: String) -> Bool {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK,
            CMARK_NODE_IMAGE:
            true
        default:
            name == "strikethrough"
        }
    }

    private func location(of node: OpaquePointer) -> SourceLocation {
        let placed = drift.place(line: Self.startLine(of: node), column: Int(cmark_node_get_start_column(node)))
        var (lines, columns) = (0, 0)
        if let tableShift {
            let name = String(cString: cmark_node_get_type_string(node))
            // The body rows are placed right; the header row's own column is the table's.
            if inHeader || name == "table" { lines = tableShift.lines }
            if inHeader && name != "table_header" { columns = tableShift.columns }
        }
        return sourceMap.location(line: placed.line + lines, byteColumn: placed.column - columns)
    }

    /// cmark-gfm 0.29.0.gfm.6 gives a link or image whose text runs over lines the line of its
    /// `](` with the column of its `[` (fuzz finding notebook/multiline-image-start): its text's
    /// first node, which starts on the `[`'s line, has the line. A link's first node may be an
    /// image (`[![…](…)](…)`), so the walk goes down to the first node that is neither.
    private static func startLine(of node: OpaquePointer) -> Int {
        let line = Int(cmark_node_get_start_line(node))
        func spans(_ node: OpaquePointer) -> Bool {
            [CMARK_NODE_LINK, CMARK_NODE_IMAGE].contains(cmark_node_get_type(node))
        }
        guard spans(node) else { return line }
        var first = cmark_node_first_child(node)
        while let current = first, spans(current) { first = cmark_node_first_child(current) }
        return first.map { min(line, Int(cmark_node_get_start_line($0))) } ?? line
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private func warning(at location: SourceLocation, _ message: String, fix: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: options.file, at: location, message, fix: fix)
    }

    /// Nodes cmark's iterator reports once (no EXIT).
    private mutating func leaf(_ node: OpaquePointer, type: cmark_node_type) -> Piece? {
        let at = location(of: node)
        switch type {
        case CMARK_NODE_TEXT:
            return .inline(MarkdownInline(.text(EscapeMarkers.restore(literal(node), literal: false)), at: at))
        case CMARK_NODE_SOFTBREAK:
            return .inline(MarkdownInline(.softBreak, at: at))
        case CMARK_NODE_LINEBREAK:
            passBackslashBreak(node)
            return .inline(MarkdownInline(.lineBreak, at: at))
        case CMARK_NODE_CODE:
            if let math = math(node) { return .inline(math) }
            return .inline(MarkdownInline(.code(EscapeMarkers.restore(literal(node), literal: true)), at: at))
        case CMARK_NODE_HTML_INLINE:
            let html = EscapeMarkers.restore(literal(node), literal: true)
            InlineRewriter(sourceMap: sourceMap, file: options.file).reportLiquid(
                inHTML: html, at: at, diagnostics: &diagnostics)
            return .inline(MarkdownInline(.html(html), at: at))
        case CMARK_NODE_HTML_BLOCK:
            let html = EscapeMarkers.restore(literal(node), literal: true)
            InlineRewriter(sourceMap: sourceMap, file: options.file).reportLiquid(
                inHTML: html, at: at, diagnostics: &diagnostics)
            return .block(MarkdownBlock(.htmlBlock(html), at: at))
        case CMARK_NODE_THEMATIC_BREAK:
            return .block(MarkdownBlock(.thematicBreak, at: at))
        case CMARK_NODE_CODE_BLOCK:
            return .block(codeBlock(node, at: at))
        default:
            return nil
        }
    }

    private mutating func codeBlock(_ node: OpaquePointer, at: SourceLocation) -> MarkdownBlock {
        let info = EscapeMarkers.restore(
            cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "", literal: false)
        let text = EscapeMarkers.restore(literal(node), literal: true)
        switch DirectiveInfo.parse(info) {
        case .notDirective:
            return MarkdownBlock(.codeBlock(info: info, text: text), at: at)
        case .malformed(let message, let fix):
            diagnostics.append(Diagnostic(.error, file: options.file, at: at, message, fix: fix))
            return MarkdownBlock(.codeBlock(info: info, text: text), at: at)
        case .directive(let name, let label):
            if let fence = unclosedFence(node) {
                // Its body ran to the end of the document (or container): running it would
                // only report the prose after it as YAML errors.
                diagnostics.append(
                    Diagnostic(
                        .error, file: options.file, at: at, "this {\(name)} fence is never closed",
                                              fix: "end its body with a line of \(fence)"))
                return MarkdownBlock(.codeBlock(info: info, text: text), at: at)
            }
            return MarkdownBlock(
                .directive(
                    directive(
                        name: name, label: label, body: text, fenceLine: Int(cmark_node_get_start_line(node)), at: at)),
                at: at)
        }
    }

    /// The opening fence (e.g. ```` ``` ````) of a fenced block that has no closing fence, or
    /// nil: cmark runs an unclosed fence to the end of its container, so the block's last
    /// line is then not a fence at least as long as the opening one.
    private func unclosedFence(_ node: OpaquePointer) -> String? {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return nil }
        let fence = String(repeating: String(UnicodeScalar(UInt8(bitPattern: character))), count: Int(length))
        let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
        guard end > start else { return fence }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let line = sourceMap.bytes(ofLine: end).drop { isBlank($0) || $0 == UInt8(ascii: ">") }
        // A MyST colon fence reaches cmark as tildes but keeps its colons in the source;
        // it is only rewritten when it is closed.
        let run = line.prefix { $0 == UInt8(bitPattern: character) || $0 == UInt8(ascii: ":") }
        return run.count >= Int(length) && line.dropFirst(run.count).allSatisfy(isBlank) ? nil : fence
    }

    /// Positions of a directive's name and label, read from the fence line as written.
    private func directive(name: String, label: String?, body: String, fenceLine: Int, at: SourceLocation)
        -> DirectiveFence
    {
        let line = sourceMap.bytes(ofLine: fenceLine)
        let brace = sourceMap.find(Array("{\(name)}".utf8), line: fenceLine) ?? 0
        let nameLocation = sourceMap.location(line: fenceLine, originalOffset: brace + 1)
        var labelLocation: SourceLocation?
        if let label {
            let afterName = brace + name.utf8.count + 2
            let offset =
                sourceMap.find(Array(label.utf8), line: fenceLine, from: afterName) ?? min(afterName + 1, line.count)
            labelLocation = sourceMap.location(line: fenceLine, originalOffset: offset)
        }
        return DirectiveFence(
            name: name, label: label, body: body, location: at, nameLocation: nameLocation,
            labelLocation: labelLocation, bodyStart: SourceLocation(line: at.line + 1, column: at.column)
        )
    }

    /// cmark-gfm writes a footnote reference's number as its literal.
    private mutating func footnoteReference(_ node: OpaquePointer) -> MarkdownInline {
        let number = Int(literal(node)) ?? 0
        referenceCounts[number, default: 0] += 1
        return MarkdownInline(
            .footnoteReference(number: number, occurrence: referenceCounts[number]!), at: location(of: node))
    }

    /// The capture of a math node made by ``MathCollector`` (a code node carrying a capture
    /// index); nil for every other node.
    private func capture(of node: OpaquePointer) -> MathCollector.Capture? {
        guard let index = cmark_node_get_user_data(node).map({ Int(bitPattern: $0) }), index >= 1,
            index <= collector.captures.count
        else {
            return nil
        }
        return collector.captures[index - 1]
    }

    /// A math node made by ``MathCollector``.
    private mutating func math(_ node: OpaquePointer) -> MarkdownInline? {
        // Captured while cmark parsed, from the paragraph's start line: a table's split is
        // already right there, definitions at the paragraph's start are not.
        guard var capture = capture(of: node) else { return nil }
        drift.passed(line: capture.cmarkEnd.line, column: capture.cmarkEnd.column)
        capture.line += definitionShift
        if inHeader, let tableShift {
            capture.line += tableShift.lines
            capture.byteColumn -= tableShift.columns
        }
        let math = MathSpanBuilder(sourceMap: sourceMap, kramdown: options.kramdownMathEscapes).span(for: capture)
        return MarkdownInline(.math(math), at: math.location)
    }

    /// A hard break made by a backslash at the end of its line, which cmark does not count
    /// (``InlineDrift``): the byte after the inline before it is the line's last, a `\\`. (A
    /// break of two spaces comes after them: the inline before it ends with the spaces.)
    private mutating func passBackslashBreak(_ node: OpaquePointer) {
        guard let previous = cmark_node_previous(node), let end = cmarkEnd(of: previous) else { return }
        let placed = drift.place(line: end.line, column: end.column)
        let line = placed.line
        let bytes = sourceMap.bytes(ofLine: line)
        let offset = sourceMap.originalOffset(line: line, modifiedOffset: placed.column)
        guard offset >= 0, offset == bytes.count - 1, bytes[offset] == UInt8(ascii: "\\") else { return }
        // The break's last byte: cmark holds CR LF as one.
        drift.passed(line: end.line, column: end.column + 2)
    }

    /// Where cmark put a node's last byte; for math (made by ``MathCollector``, which cmark
    /// does not place), where it would have. Nil when cmark gave no position.
    private func cmarkEnd(of node: OpaquePointer) -> (line: Int, column: Int)? {
        if let capture = capture(of: node) { return capture.cmarkEnd }
        let end = (line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        return end.line > 0 || end.column > 0 ? end : nil
    }

    /// Builds the node a container frame stands for and hands it to its parent.
    private mutating func finish(_ frame: Frame, stack: inout [Frame]) {
        let node = frame.node
        let at = frame.at
        switch frame.type {
        case CMARK_NODE_PARAGRAPH:
            for block in BlockRewriter(sourceMap: sourceMap).liftDisplayMath(frame.inlines, at: at) {
                append(.block(block), to: &stack)
            }
        case CMARK_NODE_HEADING:
            append(
                .block(MarkdownBlock(.heading(level: Int(cmark_node_get_heading_level(node)), frame.inlines), at: at)),
                to: &stack)
        case CMARK_NODE_BLOCK_QUOTE:
            let blocks = BlockRewriter(sourceMap: sourceMap).groupDetails(
                frame.blocks, diagnostics: &diagnostics, file: options.file)
            append(.block(MarkdownBlock(.blockQuote(blocks), at: at)), to: &stack)
        case CMARK_NODE_LIST:
            let list = MarkdownList(
                isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                isTight: cmark_node_get_list_tight(node) != 0,
                items: frame.items
            )
            append(.block(MarkdownBlock(.list(list), at: at)), to: &stack)
        case CMARK_NODE_ITEM:
            let blocks = BlockRewriter(sourceMap: sourceMap).groupDetails(
                frame.blocks, diagnostics: &diagnostics, file: options.file)
            let checked: Bool? =
                frame.typeName == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil
            if !stack.isEmpty {
                stack[stack.count - 1].items.append(MarkdownList.Item(isChecked: checked, blocks: blocks, at: at))
            }
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            let blocks = BlockRewriter(sourceMap: sourceMap).groupDetails(
                frame.blocks, diagnostics: &diagnostics, file: options.file)
            let number = footnotes.count + 1
            let label = footnoteLabel(node)
            footnotes.append(
                MarkdownFootnote(label: label, blocks: blocks, referenceCount: referenceCounts[number] ?? 0, at: at))
        case CMARK_NODE_EMPH:
            append(.inline(MarkdownInline(.emphasis(frame.inlines), at: at)), to: &stack)
        case CMARK_NODE_STRONG:
            append(.inline(MarkdownInline(.strong(frame.inlines), at: at)), to: &stack)
        case CMARK_NODE_LINK:
            append(
                .inline(MarkdownInline(.link(destination: url(node), title: title(node), frame.inlines), at: at)),
                to: &stack)
        case CMARK_NODE_IMAGE:
            append(
                .inline(MarkdownInline(.image(source: url(node), title: title(node), frame.inlines), at: at)),
                to: &stack)
        default:
            finishExtension(frame, at: at, stack: &stack)
        }
    }

    /// cmark-gfm 0.29.0.gfm.6 does not hand out a definition's label (`cmark_node_get_literal`
    /// is empty for it) and positions the node after `[^label]:`, so the label is read back
    /// from the source line: between the last `[^` before the node and the `]:` after it.
    private func footnoteLabel(_ node: OpaquePointer) -> String {
        let given = literal(node)
        if !given.isEmpty { return given }
        let line = Int(cmark_node_get_start_line(node))
        let bytes = sourceMap.bytes(ofLine: line)
        let end = min(
            bytes.count,
            sourceMap.originalOffset(line: line, modifiedOffset: Int(cmark_node_get_start_column(node)) - 1))
        var open: Int?
        var index = 0
        while index + 1 < end {
            if bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") { open = index + 2 }
            index += 1
        }
        guard let open, let close = sourceMap.find(Array("]:".utf8), line: line, from: open) else { return "" }
        return EscapeMarkers.restore(String(decoding: bytes[open..<close], as: UTF8.self), literal: true)
    }

    private func url(_ node: OpaquePointer) -> String {
        EscapeMarkers.restore(cmark_node_get_url(node).map { String(cString: $0) } ?? "", literal: false)
    }

    private func title(_ node: OpaquePointer) -> String {
        EscapeMarkers.restore(cmark_node_get_title(node).map { String(cString: $0) } ?? "", literal: false)
    }

    /// Table parts and strikethrough, told apart by their type names.
    private func finishExtension(_ frame: Frame, at: SourceLocation, stack: inout [Frame]) {
        switch frame.typeName {
        case "strikethrough":
            append(.inline(MarkdownInline(.strikethrough(frame.inlines), at: at)), to: &stack)
        case "table_cell":
            if !stack.isEmpty { stack[stack.count - 1].cells.append(frame.inlines) }
        case "table_header", "table_row":
            if !stack.isEmpty { stack[stack.count - 1].rows.append(frame.cells) }
        case "table":
            let count = Int(cmark_gfm_extensions_get_table_columns(frame.node))
            let raw = cmark_gfm_extensions_get_table_alignments(frame.node)
            let alignments: [MarkdownTable.Alignment] = (0..<count).map { column in
                switch raw?[column] {
                case UInt8(ascii: "l"): .left
                case UInt8(ascii: "c"): .center
                case UInt8(ascii: "r"): .right
                default: .none
                }
            }
            let table = MarkdownTable(
                alignments: alignments, header: frame.rows.first ?? [], rows: Array(frame.rows.dropFirst()))
            append(.block(MarkdownBlock(.table(table), at: at)), to: &stack)
        default:
            // An unknown container (none is attached today): keep its content.
            if !stack.isEmpty {
                stack[stack.count - 1].blocks += frame.blocks
                stack[stack.count - 1].inlines += frame.inlines
            }
        }
    }
}
