/// Finds Parzen's inline constructs that cmark leaves as text and code: MyST roles
/// (`` {value}`kde.bandwidth` ``), prose references (`\eqref{eq:kde}`, `\ref{…}`), and Liquid
/// tags (`{{ … }}`, `{% … %}`), which stay visible as text with a warning.
struct InlineRewriter {
    let sourceMap: SourceMap
    let file: String

    func rewrite(_ inlines: [MarkdownInline], diagnostics: inout [Diagnostic]) -> [MarkdownInline] {
        guard inlines.contains(where: { if case .text = $0.kind { true } else { false } }) else { return inlines }
        var out: [MarkdownInline] = []
        var index = 0
        while index < inlines.count {
            let inline = inlines[index]
            guard case .text(var text) = inline.kind else {
                out.append(inline)
                index += 1
                continue
            }
            let atLineStart = out.last.map { $0.kind == .softBreak || $0.kind == .lineBreak } ?? true
            var role: MarkdownInline?
            if index + 1 < inlines.count, case .code(let content) = inlines[index + 1].kind,
               let (name, prefix) = Self.trailingRoleName(text) {
                let (roleAt, contentAt) = roleLocations(
                    name: name, content: content, codeAt: inlines[index + 1].location)
                role = MarkdownInline(
                    .role(MarkdownRole(name: name, content: content, location: roleAt, contentLocation: contentAt)),
                    at: roleAt)
                text = prefix
                index += 1
            }
            if !text.isEmpty {
                out += split(text, at: inline.location, atLineStart: atLineStart, diagnostics: &diagnostics)
            }
            if let role { out.append(role) }
            index += 1
        }
        return out
    }

    /// `(name, text before "{name}")` when `text` ends with a role name in braces.
    static func trailingRoleName(_ text: String) -> (String, String)? {
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else { return nil }
        let name = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard DirectiveInfo.isName(name) else { return nil }
        return (String(name), String(text[..<open]))
    }

    /// The role's `{` and its content's first character. cmark positions a code span at its
    /// content (after the backticks and the one space it strips from padded content); the
    /// opening backticks and `{name}` are right before that.
    private func roleLocations(name: String, content: String, codeAt: SourceLocation) -> (
        SourceLocation, SourceLocation
    ) {
        let (line, offset) = sourceMap.offset(of: codeAt)
        let bytes = sourceMap.bytes(ofLine: line)
        let contentOffset = sourceMap.find(Array(content.utf8), line: line, from: offset) ?? offset
        var opening = min(offset, bytes.count)
        if opening >= 2, bytes[opening - 1] == UInt8(ascii: " "), bytes[opening - 2] == UInt8(ascii: "`") {
            opening -= 1
        }
        while opening > 0, bytes[opening - 1] == UInt8(ascii: "`") { opening -= 1 }
        let brace = max(0, opening - name.utf8.count - 2)
        return (
            sourceMap.location(line: line, originalOffset: brace),
            sourceMap.location(line: line, originalOffset: contentOffset)
        )
    }

    /// Reports Liquid in raw HTML (a block or an inline tag starting at `location`), where it
    /// would otherwise pass through unnoticed, e.g. `<img src="{{ site.url }}/a.png">`.
    func reportLiquid(inHTML html: String, at location: SourceLocation, diagnostics: inout [Diagnostic]) {
        guard ByteSearch.contains(html, "{{") || ByteSearch.contains(html, "{%") else { return }
        let (line, offset) = sourceMap.offset(of: location)
        for (index, text) in html.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            reportLiquid(
                in: String(text), line: line + index, from: index == 0 ? offset : 0, atLineStart: false,
                diagnostics: &diagnostics)
        }
    }

    /// Splits a text run at prose references and reports Liquid tags in it.
    private func split(_ text: String, at location: SourceLocation, atLineStart: Bool, diagnostics: inout [Diagnostic])
        -> [MarkdownInline]
    {
        let (line, textOffset) = sourceMap.offset(of: location)
        reportLiquid(in: text, line: line, from: textOffset, atLineStart: atLineStart, diagnostics: &diagnostics)
        reportUnclosedDisplayMath(in: text, line: line, from: textOffset, diagnostics: &diagnostics)
        guard ByteSearch.contains(text, "ref{") else { return [MarkdownInline(.text(text), at: location)] }
        var out: [MarkdownInline] = []
        var pending = Substring(text)
        var searchFrom = textOffset
        while let found = Self.nextReference(in: pending) {
            let needle = Array(text[found.range].dropFirst().utf8)  // without the backslash
            let sourceOffset = sourceMap.find(needle, line: line, from: searchFrom).map { $0 - 1 }
            if let sourceOffset {
                searchFrom = sourceOffset + needle.count + 1
                // `\\eqref{x}` is an escaped backslash followed by plain text.
                if precedingBackslashes(line: line, offset: sourceOffset) % 2 == 1 {
                    out.append(MarkdownInline(.text(String(pending[..<found.range.upperBound])), at: location))
                    pending = pending[found.range.upperBound...]
                    continue
                }
            }
            let before = pending[..<found.range.lowerBound]
            if !before.isEmpty { out.append(MarkdownInline(.text(String(before)), at: location)) }
            let at = sourceOffset.map { sourceMap.location(line: line, originalOffset: $0) } ?? location
            out.append(
                MarkdownInline(
                    .reference(
                        MarkdownReference(label: found.label, isParenthesized: found.parenthesized, location: at)),
                    at: at))
            pending = pending[found.range.upperBound...]
        }
        if !pending.isEmpty { out.append(MarkdownInline(.text(String(pending)), at: location)) }
        return Self.merged(out)
    }

    /// The number of backslashes right before byte `offset` of body line `line`.
    private func precedingBackslashes(line: Int, offset: Int) -> Int {
        let bytes = sourceMap.bytes(ofLine: line)
        var count = 0
        var index = offset - 1
        while index >= 0, index < bytes.count, bytes[index] == UInt8(ascii: "\\") { count += 1; index -= 1 }
        return count
    }

    private struct Found {
        var range: Range<String.Index>
        var label: String
        var parenthesized: Bool
    }

    /// The next `\eqref{label}` or `\ref{label}` (label: no braces, backslash or line break).
    private static func nextReference(in text: Substring) -> Found? {
        var cursor = text.startIndex
        while let slash = text[cursor...].firstIndex(of: "\\") {
            let after = text[text.index(after: slash)...]
            for (command, parenthesized) in [("eqref{", true), ("ref{", false)] where after.hasPrefix(command) {
                let labelStart = after.index(after.startIndex, offsetBy: command.count)
                if let close = after[labelStart...].firstIndex(where: { "{}\\\n".contains($0) }), after[close] == "}",
                    close > labelStart
                {
                    return Found(
                        range: slash..<after.index(after: close), label: String(after[labelStart..<close]),
                        parenthesized: parenthesized)
                }
            }
            cursor = text.index(after: slash)
        }
        return nil
    }

    /// Adjacent text pieces joined again (an escaped `\\ref{…}` was split off above).
    private static func merged(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        for inline in inlines {
            if case .text(let next) = inline.kind, let last = out.last, case .text(let previous) = last.kind {
                out[out.count - 1] = MarkdownInline(.text(previous + next), at: last.location)
            } else {
                out.append(inline)
            }
        }
        return out
    }

    /// A `$$` left in text opened display math that found no closing `$$` in its paragraph —
    /// usually because a line of the formula started a new block (a list item, a quote, a
    /// heading, a blank line). Escaped dollars (`\$\$`) are not `$$` in the source and pass.
    private func reportUnclosedDisplayMath(
        in text: String, line: Int, from offset: Int, diagnostics: inout [Diagnostic]
    ) {
        guard ByteSearch.contains(text, "$$"), let found = sourceMap.find(Array("$$".utf8), line: line, from: offset)
        else { return }
        diagnostics.append(Diagnostic(
            .warning, file: file, at: sourceMap.location(line: line, originalOffset: found),
            "'$$' is not closed in this paragraph; the formula is shown as text",
                fix:
                    "close it with '$$'; a line inside $$…$$ must not be blank or start with '-', '+', '>', '#', " +
                        "'1.' or four spaces, because that ends the paragraph"
        ))
    }

    /// Warns about every `{{ … }}` and `{% … %}` in `text`, which starts at byte `offset` of
    /// body line `line` — except the `details`/`enddetails` tags that open a line of prose
    /// (those are Jekyll disclosures, handled by ``BlockRewriter``).
    func reportLiquid(in text: String, line: Int, from offset: Int, atLineStart: Bool, diagnostics: inout [Diagnostic])
    {
        guard ByteSearch.contains(text, "{{") || ByteSearch.contains(text, "{%") else { return }
        var searchFrom = offset
        var cursor = text.startIndex
        while cursor < text.endIndex {
            let rest = text[cursor...]
            let candidates = [rest.range(of: "{{"), rest.range(of: "{%")].compactMap { $0 }
            guard let open = candidates.min(by: { $0.lowerBound < $1.lowerBound }),
                  let close = text[open.upperBound...].range(of: text[open] == "{{" ? "}}" : "%}") else { return }
            let tag = String(text[open.lowerBound..<close.upperBound])
            let isOutput = tag.hasPrefix("{{")
            let word = tag.dropFirst(2).drop(while: { $0 == " " || $0 == "-" }).prefix(while: { $0.isLetter })
            let isDisclosure =
                !isOutput && atLineStart && open.lowerBound == text.startIndex
                && (word == "details" || word == "enddetails")
            if !isDisclosure {
                let found = sourceMap.find(Array(tag.prefix(2).utf8), line: line, from: searchFrom) ?? offset
                searchFrom = found + 2
                let what = isOutput ? "Liquid output" : "Liquid tag"
                diagnostics.append(Diagnostic(
                    .warning, file: file, at: sourceMap.location(line: line, originalOffset: found),
                    "\(what) '\(tag)' is not processed; it is kept as text",
                    fix: "remove it, or write the content it stands for in Markdown"
                ))
            }
            cursor = close.upperBound
        }
    }
}
