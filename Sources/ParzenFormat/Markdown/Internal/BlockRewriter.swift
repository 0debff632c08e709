/// Block-level rewrites on a container's children: display math that stands on its own
/// lines becomes a block, and Jekyll `{% details Title %}…{% enddetails %}` pairs become
/// ``MarkdownBlock/Kind/details(summary:_:)`` blocks.
struct BlockRewriter {
    let sourceMap: SourceMap

    /// A paragraph's inlines as blocks: display math alone on its lines (nothing but
    /// white space between it and the line breaks around it) is lifted out as
    /// ``MarkdownBlock/Kind/displayMath(_:)``; the text before and after stays paragraphs.
    func liftDisplayMath(_ inlines: [MarkdownInline], at location: SourceLocation) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var current: [MarkdownInline] = []
        var currentStart = location
        func flush() {
            while let last = current.last, Self.isBreakOrBlank(last) { current.removeLast() }
            while let first = current.first, Self.isBreakOrBlank(first) { current.removeFirst() }
            if !current.isEmpty { blocks.append(MarkdownBlock(.paragraph(current), at: currentStart)) }
            current = []
        }
        for (index, inline) in inlines.enumerated() {
            if case .math(let math) = inline.kind, math.isDisplay,
               Self.standsAlone(inlines, index: index, step: -1), Self.standsAlone(inlines, index: index, step: 1) {
                flush()
                blocks.append(MarkdownBlock(.displayMath(math), at: math.location))
                continue
            }
            if current.isEmpty { currentStart = inline.location }
            current.append(inline)
        }
        flush()
        return blocks
    }

    /// `true` when only white space lies between `inlines[index]` and the line break (or
    /// paragraph edge) in direction `step`.
    private static func standsAlone(_ inlines: [MarkdownInline], index: Int, step: Int) -> Bool {
        var cursor = index + step
        while cursor >= 0, cursor < inlines.count {
            switch inlines[cursor].kind {
            case .softBreak, .lineBreak: return true
            case .text(let text) where text.allSatisfy({ $0 == " " || $0 == "\t" }): cursor += step
            default: return false
            }
        }
        return true
    }

    private static func isBreakOrBlank(_ inline: MarkdownInline) -> Bool {
        switch inline.kind {
        case .softBreak, .lineBreak: true
        case .text(let text): text.allSatisfy { $0 == " " || $0 == "\t" }
        default: false
        }
    }

    // MARK: Jekyll details

    private enum Event {
        case open(summary: [MarkdownInline], line: [MarkdownInline], at: SourceLocation)
        case close(line: [MarkdownInline], at: SourceLocation)
        case block(MarkdownBlock)
    }

    private struct Open {
        var summary: [MarkdownInline]
        var line: [MarkdownInline]
        var location: SourceLocation
        var blocks: [MarkdownBlock] = []
    }

    /// Pairs `{% details Title %}` and `{% enddetails %}` lines among `blocks` (each tag on a
    /// line of its own, at the start or end of a paragraph); unpaired tags stay as text with
    /// a warning.
    func groupDetails(_ blocks: [MarkdownBlock], diagnostics: inout [Diagnostic], file: String) -> [MarkdownBlock] {
        guard blocks.contains(where: { Self.mentionsDetails($0) }) else { return blocks }
        var output: [MarkdownBlock] = []
        var stack: [Open] = []
        func emit(_ block: MarkdownBlock) {
            if stack.isEmpty { output.append(block) } else { stack[stack.count - 1].blocks.append(block) }
        }
        var events: [Event] = []
        for block in blocks { events += Self.events(block, diagnostics: &diagnostics, file: file) }
        for event in events {
            switch event {
            case .block(let block):
                emit(block)
            case .open(let summary, let line, let at):
                stack.append(Open(summary: summary, line: line, location: at))
            case .close(let line, let at):
                if let open = stack.popLast() {
                    emit(MarkdownBlock(.details(summary: open.summary, open.blocks), at: open.location))
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .warning, file: file, at: at,
                            "'{% enddetails %}' without a '{% details … %}' before it; it is kept as text",
                            fix: "remove it or add '{% details Title %}' where the disclosure starts"))
                    emit(MarkdownBlock(.paragraph(line), at: at))
                }
            }
        }
        // Unclosed disclosures: the opening line and everything after it stay in place.
        while let open = stack.popLast() {
            diagnostics.append(
                Diagnostic(
                    .warning, file: file, at: open.location, "'{% details … %}' is never closed; it is kept as text",
                    fix: "add '{% enddetails %}' on a line of its own where the disclosure ends"))
            emit(MarkdownBlock(.paragraph(open.line), at: open.location))
            for block in open.blocks { emit(block) }
        }
        return output
    }

    private static func mentionsDetails(_ block: MarkdownBlock) -> Bool {
        guard case .paragraph(let inlines) = block.kind else { return false }
        return inlines.contains {
            if case .text(let text) = $0.kind { ByteSearch.contains(text, "details") } else { false }
        }
    }

    /// A paragraph cut at its `{% details … %}` and `{% enddetails %}` lines; the lines
    /// between tags stay paragraphs.
    private static func events(_ block: MarkdownBlock, diagnostics: inout [Diagnostic], file: String) -> [Event] {
        guard case .paragraph(let inlines) = block.kind, mentionsDetails(block) else { return [.block(block)] }
        var events: [Event] = []
        var pending: [[MarkdownInline]] = []
        func flush() {
            guard let first = pending.first?.first else { return }
            let joined = Array(pending.joined(separator: [MarkdownInline(.softBreak, at: first.location)]))
            events.append(.block(MarkdownBlock(.paragraph(joined), at: first.location)))
            pending = []
        }
        for line in split(inlines) {
            let at = line.first?.location ?? block.location
            if let summary = openingSummary(line) {
                flush()
                events.append(.open(summary: summary, line: line, at: at))
            } else if isClosing(line) {
                flush()
                events.append(.close(line: line, at: at))
            } else {
                if let tag = malformedTag(line) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, file: file, at: at, "'\(tag)' must stand alone on its line; it is kept as text",
                            fix: "put '{% details Title %}' and '{% enddetails %}' on lines of their own"))
                }
                pending.append(line)
            }
        }
        flush()
        return events
    }

    /// The paragraph's lines (split at soft breaks).
    private static func split(_ inlines: [MarkdownInline]) -> [[MarkdownInline]] {
        var lines: [[MarkdownInline]] = [[]]
        for inline in inlines {
            if inline.kind == .softBreak { lines.append([]) } else { lines[lines.count - 1].append(inline) }
        }
        return lines.filter { !$0.isEmpty }
    }

    /// The summary of a `{% details Title %}` line: the line's inlines with the tag's head
    /// (`{% details `) cut from the first text and its tail (` %}`, ` -%}`) from the last, so
    /// the title keeps its inline formatting. `nil` when the line is not such a tag.
    private static func openingSummary(_ line: [MarkdownInline]) -> [MarkdownInline]? {
        guard case .text(let first) = line.first?.kind, case .text(let last) = line.last?.kind else { return nil }
        let opening = String(first.drop(while: isBlank))
        guard let prefix = liquidPrefix(opening, tag: "details"), last.trimmedOfSpacesAndTabs.hasSuffix("%}") else {
            return nil
        }
        var summary = line
        summary[0].kind = .text(String(opening.dropFirst(prefix).drop(while: isBlank)))
        guard case .text(let tail) = summary[summary.count - 1].kind else { return nil }
        var cut = tail.trimmedOfSpacesAndTabs.dropLast(2)
        if cut.hasSuffix("-") { cut = cut.dropLast() }
        summary[summary.count - 1].kind = .text(String(String(cut).reversed().drop(while: isBlank).reversed()))
        summary.removeAll { $0.kind == .text("") }
        return summary.isEmpty ? nil : summary
    }

    private static func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }

    /// The tag name when a line starts with a `details`/`enddetails` tag but is not one (text
    /// after it, no `%}`): the author meant a disclosure, so silence would hide the mistake.
    private static func malformedTag(_ line: [MarkdownInline]) -> String? {
        guard case .text(let first)? = line.first?.kind else { return nil }
        let opening = String(first.drop(while: isBlank))
        if liquidPrefix(opening, tag: "enddetails") != nil { return "{% enddetails %}" }
        if liquidPrefix(opening, tag: "details") != nil { return "{% details … %}" }
        return nil
    }

    private static func isClosing(_ line: [MarkdownInline]) -> Bool {
        guard line.count == 1, case .text(let text) = line[0].kind else { return false }
        let trimmed = text.trimmedOfSpacesAndTabs
        guard let prefix = liquidPrefix(trimmed, tag: "enddetails") else { return false }
        let rest = trimmed.dropFirst(prefix).trimmedOfSpacesAndTabs
        return rest == "%}" || rest == "-%}"
    }

    /// The length of `{%`, an optional `-`, spaces and `tag` plus the space after it (or end
    /// of the tag) when `text` starts with that Liquid tag.
    private static func liquidPrefix(_ text: String, tag: String) -> Int? {
        guard text.hasPrefix("{%") else { return nil }
        var rest = text.dropFirst(2)
        if rest.first == "-" { rest = rest.dropFirst() }
        rest = rest.drop(while: { $0 == " " || $0 == "\t" })
        guard rest.hasPrefix(tag) else { return nil }
        rest = rest.dropFirst(tag.count)
        guard let next = rest.first, next == " " || next == "\t" || next == "%" || next == "-" else { return nil }
        return text.count - rest.count
    }
}
