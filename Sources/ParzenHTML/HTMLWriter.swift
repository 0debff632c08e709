import ParzenFormat
import ParzenMarkup

/// The walk behind ``HTMLRenderer``: one switch per node kind, mirroring cmark-gfm's
/// `html.c` (and the table and tasklist extensions) including where it starts new lines.
/// Recursion depth is bounded by the parser's nesting cap.
struct HTMLWriter {
    let renderer: HTMLRenderer
    let footnotes: [MarkdownFootnote]
    var out = ""
    var headings: [HeadingEntry] = []
    var diagnostics: [Diagnostic] = []
    private var slugger = HeadingSlugger()

    init(renderer: HTMLRenderer, footnotes: [MarkdownFootnote]) {
        self.renderer = renderer
        self.footnotes = footnotes
    }

    /// cmark's `cr()`: a line break unless the output is empty or already ends with one.
    private mutating func cr() {
        if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
    }

    mutating func blocks(_ blocks: [MarkdownBlock], tight: Bool) {
        for block in blocks { self.block(block, tight: tight) }
    }

    private mutating func block(_ block: MarkdownBlock, tight: Bool) {
        switch block.kind {
        case .paragraph(let inlines):
            if tight {
                self.inlines(inlines)
            } else {
                cr()
                out += "<p>"
                self.inlines(inlines)
                out += "</p>\n"
            }
        case .heading(let level, let written):
            cr()
            // `## Title {#id}` (Pandoc, MyST): the author's own id, kept out of the title.
            let (inlines, explicitID) = Self.explicitID(written)
            let text = HTMLRenderer.plainText(inlines, includingHTML: false)
            var id = ""
            if renderer.options.headingIDs {
                id = if let explicitID { slugger.reserve(explicitID) } else { slugger.slug(for: text) }
            }
            headings.append(HeadingEntry(level: level, text: text, id: id))
            out += id.isEmpty ? "<h\(level)>" : "<h\(level) id=\"\(Escaping.attribute(id))\">"
            self.inlines(inlines)
            out += "</h\(level)>\n"
        case .thematicBreak:
            cr()
            out += "<hr />\n"
        case .blockQuote(let children):
            cr()
            out += "<blockquote>\n"
            blocks(children, tight: false)
            cr()
            out += "</blockquote>\n"
        case .list(let list):
            self.list(list)
        case .codeBlock(let info, let text):
            cr()
            let language = info.prefix { !" \t\n\r\u{0B}\u{0C}".contains($0) }
            out +=
                language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(Escaping.text(String(language)))\">"
            out += Escaping.text(text)
            out += "</code></pre>\n"
        case .htmlBlock(let html):
            cr()
            out += rawHTML(html, at: block.location, filter: TagFilter.filterBlock)
            cr()
        case .table(let table):
            self.table(table)
        case .displayMath(let math):
            cr()
            out += renderer.displayMath?(math) ?? "<div class=\"math-tex display\">\(Escaping.text(math.tex))</div>"
            cr()
        case .directive(let directive):
            cr()
            out += renderer.directive?(directive)
                ?? "<pre class=\"directive\" data-directive=\"\(Escaping.attribute(directive.name))\">"
                + "<code>\(Escaping.text(directive.body))</code></pre>"
            cr()
        case .details(let summary, let children):
            cr()
            out += "<details>\n<summary>"
            inlines(summary)
            out += "</summary>\n"
            blocks(children, tight: false)
            cr()
            out += "</details>\n"
        case .admonition(let admonition):
            self.admonition(admonition)
        case .float(let float):
            self.float(float)
        case .bibliography:
            guard let parts = renderer.bibliography?(block.location, headings.last) else { break }
            cr()
            if let (level, text) = parts.heading {
                let id = renderer.options.headingIDs ? slugger.slug(for: text) : ""
                headings.append(HeadingEntry(level: level, text: text, id: id))
                out += id.isEmpty ? "<h\(level)>" : "<h\(level) id=\"\(Escaping.attribute(id))\">"
                out += Escaping.text(text) + "</h\(level)>\n"
            }
            out += parts.html
        case .epigraph(let epigraph):
            cr()
            let classes = (["epigraph"] + epigraph.classes).joined(separator: " ")
            out += "<blockquote class=\"\(Escaping.attribute(classes))\">\n"
            blocks(epigraph.blocks, tight: false)
            if !epigraph.attribution.isEmpty {
                cr()
                out += "<p class=\"attribution\">\u{2014}\u{2009}"
                inlines(epigraph.attribution)
                out += "</p>\n"
            }
            cr()
            out += "</blockquote>\n"
        }
    }

    /// A figure or table as `<figure>` with its `<figcaption>` ("Figure 2. The caption"): above
    /// a table, as tables are read top down; below an image, as in print.
    private mutating func float(_ float: MarkdownFloat) {
        cr()
        let parts = renderer.float?(float) ?? defaultFloat(float)
        let kind = float.isFigure ? "figure" : "table-figure"
        var attributes = " class=\"\(Escaping.attribute(([kind] + float.classes).joined(separator: " ")))\""
        if let id = parts.id { attributes += " id=\"\(Escaping.attribute(id))\"" }
        out += "<figure\(attributes)>\n"
        switch float.content {
        case .image:
            out += parts.image + "\n"
            caption(float.caption, number: parts.number)
        case .table(let table):
            caption(float.caption, number: parts.number)
            self.table(table)
        }
        cr()
        out += "</figure>\n"
    }

    private mutating func caption(_ caption: [MarkdownBlock], number: String?) {
        guard number != nil || !caption.isEmpty else { return }
        out += "<figcaption>"
        if let number { out += "<span class=\"figure-number\">\(Escaping.text(number)).</span>" }
        if caption.count == 1, case .paragraph(let inlines) = caption[0].kind {
            if number != nil { out += " " }
            self.inlines(inlines)
        } else {
            blocks(caption, tight: false)
        }
        out += "</figcaption>\n"
    }

    /// Without a report: the `:name:` as id, the image as written (unsafe URLs dropped).
    private mutating func defaultFloat(_ float: MarkdownFloat) -> FloatMarkup {
        guard case .image(let path, let at, let alt, _) = float.content else {
            return FloatMarkup(id: float.name, number: nil, image: "")
        }
        let source = imageIsWritten(path, at: at) ? Escaping.href(path) : ""
        return FloatMarkup(id: float.name, number: nil,
                           image: "<img src=\"\(source)\" alt=\"\(Escaping.attribute(alt ?? ""))\" />")
    }

    /// An admonition as `<aside class="admonition note" role="note">` with its title first; a
    /// dropdown as `<details>`, so it opens and closes without JavaScript.
    private mutating func admonition(_ admonition: MarkdownAdmonition) {
        cr()
        let kind = admonition.kind
        // `{admonition}` has no colour of its own: `:class: tip` gives it the tip's.
        let own: [String] = switch kind {
        case .dropdown: ["dropdown"]
        case .admonition: ["admonition"]
        case .margin: ["margin"]
        default: ["admonition", kind.rawValue]
        }
        let classes = own + admonition.classes
        var attributes = " class=\"\(Escaping.attribute(classes.joined(separator: " ")))\""
        if let name = admonition.name { attributes += " id=\"\(Escaping.attribute(name))\"" }
        let (open, close, titleTag) = kind == .dropdown
            ? ("<details\(attributes)\(admonition.isOpen ? " open" : "")>", "</details>", "summary")
            : ("<aside\(attributes) role=\"note\">", "</aside>", "p")
        out += open + "\n"
        // An untitled `{margin}` has no title line at all.
        if !admonition.title.isEmpty || kind.defaultTitle != "" {
            out += "<\(titleTag) class=\"admonition-title\">"
            if admonition.title.isEmpty {
                out += Escaping.text(kind.defaultTitle ?? kind.rawValue)
            } else {
                inlines(admonition.title)
            }
            out += "</\(titleTag)>\n"
        }
        blocks(admonition.blocks, tight: false)
        cr()
        out += close + "\n"
    }

    private mutating func list(_ list: MarkdownList) {
        cr()
        if !list.isOrdered {
            out += "<ul>\n"
        } else {
            out += list.start == 1 ? "<ol>\n" : "<ol start=\"\(list.start)\">\n"
        }
        for item in list.items {
            cr()
            out += "<li>"
            switch item.isChecked {
            case true?: out += "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
            case false?: out += "<input type=\"checkbox\" disabled=\"\" /> "
            case nil: break
            }
            blocks(item.blocks, tight: list.isTight)
            out += "</li>\n"
        }
        cr()
        out += list.isOrdered ? "</ol>\n" : "</ul>\n"
    }

    private mutating func table(_ table: MarkdownTable) {
        cr()
        out += "<table>\n<thead>\n"
        row(table.header, cell: "th", alignments: table.alignments)
        out += "</thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for cells in table.rows { row(cells, cell: "td", alignments: table.alignments) }
            out += "</tbody>\n"
        }
        out += "</table>\n"
    }

    private mutating func row(_ cells: [[MarkdownInline]], cell: String, alignments: [MarkdownTable.Alignment]) {
        out += "<tr>\n"
        for (index, content) in cells.enumerated() {
            let alignment = index < alignments.count ? alignments[index] : .none
            switch alignment {
            case .none: out += "<\(cell)>"
            case .left: out += "<\(cell) align=\"left\">"
            case .center: out += "<\(cell) align=\"center\">"
            case .right: out += "<\(cell) align=\"right\">"
            }
            inlines(content)
            out += "</\(cell)>\n"
        }
        out += "</tr>\n"
    }

    mutating func inlines(_ inlines: [MarkdownInline]) {
        for inline in inlines { self.inline(inline) }
    }

    private mutating func inline(_ inline: MarkdownInline) {
        switch inline.kind {
        case .text(let text):
            out += Escaping.text(text)
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br />\n"
        case .code(let code):
            out += "<code>\(Escaping.text(code))</code>"
        case .html(let html):
            out += rawHTML(html, at: inline.location, filter: TagFilter.filterInline)
        case .emphasis(let children):
            out += "<em>"
            inlines(children)
            out += "</em>"
        case .strong(let children):
            out += "<strong>"
            inlines(children)
            out += "</strong>"
        case .strikethrough(let children):
            out += "<del>"
            inlines(children)
            out += "</del>"
        case .link(let destination, let title, let children):
            guard linkIsWritten(destination, at: inline.location) else {
                inlines(children)
                return
            }
            let href = renderer.linkDestination?(destination, inline.location) ?? destination
            out += "<a href=\"\(Escaping.href(href))\"\(titleAttribute(title))>"
            inlines(children)
            out += "</a>"
        case .image(let source, let title, let children):
            let alt = Escaping.text(HTMLRenderer.plainText(children))
            guard imageIsWritten(source, at: inline.location) else {
                out += alt
                return
            }
            let src = renderer.imageSource?(source, inline.location) ?? source
            out += "<img src=\"\(Escaping.href(src))\" alt=\"\(alt)\"\(titleAttribute(title)) />"
        case .footnoteReference(let number, let occurrence):
            let label = number >= 1 && number <= footnotes.count ? Escaping.href(footnotes[number - 1].label) : ""
            let suffix = occurrence > 1 ? "-\(occurrence)" : ""
            out +=
                "<sup class=\"footnote-ref\"><a href=\"#fn-\(label)\" id=\"fnref-\(label)\(suffix)\" " +
                    "data-footnote-ref>\(number)</a></sup>"
        case .math(let math):
            let kind = math.isDisplay ? "math-tex display" : "math-tex"
            out += renderer.inlineMath?(math) ?? "<span class=\"\(kind)\">\(Escaping.text(math.tex))</span>"
        case .role(let role):
            out += renderer.role?(role)
                ?? "<code class=\"role\" " +
                    "data-role=\"\(Escaping.attribute(role.name))\">\(Escaping.text(role.content))</code>"
        case .reference(let reference):
            let text = reference.isParenthesized ? "(\(reference.label))" : reference.label
            out += renderer.reference?(reference)
                ?? "<a class=\"reference\" href=\"#\(Escaping.href(reference.label))\">\(Escaping.text(text))</a>"
        }
    }

    /// Whether a Markdown link keeps its URL; if not, says so at its position.
    private mutating func linkIsWritten(_ destination: String, at location: SourceLocation) -> Bool {
        if URLSafety.runsScript(destination) {
            warn(at: location, "the link to '\(URLSafety.abbreviated(destination))' is written as plain text: "
                     + "script URLs never become links",
                 fix: "link to an http(s) address or to a file of the project")
            return false
        }
        if renderer.options.safe, !URLSafety.isSafeLink(destination) {
            warn(at: location, "safe mode writes the link to '\(URLSafety.abbreviated(destination))' as plain text "
                     + "(only http, https, mailto and relative links)")
            return false
        }
        return true
    }

    /// Whether a Markdown image is written as an image (else its alt text stands in); a
    /// remote image is reported in the default mode and refused in safe mode.
    private mutating func imageIsWritten(_ source: String, at location: SourceLocation) -> Bool {
        if URLSafety.runsScript(source) {
            warn(at: location, "the image '\(URLSafety.abbreviated(source))' is replaced by its description: "
                     + "script URLs are never loaded",
                 fix: "use an image file of the project")
            return false
        }
        guard URLSafety.isRemote(source) else { return true }
        if renderer.options.safe {
            warn(at: location,
                 "safe mode replaces the remote image '\(URLSafety.abbreviated(source))' by its description",
                 fix: "save the image next to the notebook and use a relative path")
            return false
        }
        warn(at: location,
             "the image '\(URLSafety.abbreviated(source))' is loaded from the network when the page is opened",
             fix: "save it next to the notebook and use a relative path (--safe refuses remote images)")
        return true
    }

    /// Raw HTML: in safe mode rebuilt from the allow-list, otherwise passed through (with
    /// the tag filter when on) and audited; every finding is reported where it starts.
    private mutating func rawHTML(_ html: String, at location: SourceLocation, filter: (String) -> String) -> String {
        if renderer.options.safe {
            let (sanitized, removed) = HTMLSanitizer.sanitize(html)
            report(removed, in: html, from: location)
            return sanitized
        }
        report(HTMLSanitizer.audit(html), in: html, from: location)
        return renderer.options.tagFilter ? filter(html) : html
    }

    /// Warns about each finding at its notebook position, walking the fragment once
    /// (findings come in offset order), so many findings in a long block stay linear.
    private mutating func report(_ findings: [HTMLSanitizer.Finding], in html: String, from start: SourceLocation) {
        var line = start.line
        var column = start.column
        var bytes = html.utf8.makeIterator()
        var offset = 0
        for finding in findings.sorted(by: { $0.offset < $1.offset }) {
            while offset < finding.offset, let byte = bytes.next() {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                offset += 1
            }
            warn(at: SourceLocation(line: line, column: column), finding.message, fix: finding.fix)
        }
    }

    private mutating func warn(at location: SourceLocation, _ message: String, fix: String? = nil) {
        diagnostics.append(Diagnostic(.warning, file: renderer.options.file, at: location, message, fix: fix))
    }


    private func titleAttribute(_ title: String) -> String {
        title.isEmpty ? "" : " title=\"\(Escaping.attribute(title))\""
    }

    /// cmark-gfm's footnote list: definitions in reference order, each ending with one back
    /// link per reference — inside its last paragraph when it ends with one.
    mutating func footnoteSection() {
        guard !footnotes.isEmpty else { return }
        out += "<section class=\"footnotes\" data-footnotes>\n<ol>\n"
        for footnote in footnotes {
            out += "<li id=\"fn-\(Escaping.href(footnote.label))\">\n"
            if case .paragraph(let inlines)? = footnote.blocks.last?.kind {
                blocks(footnote.blocks.dropLast(), tight: false)
                cr()
                out += "<p>"
                self.inlines(inlines)
                out += " \(backReferences(footnote))</p>\n"
            } else {
                blocks(footnote.blocks, tight: false)
                out += "\(backReferences(footnote))\n"
            }
            out += "</li>\n"
        }
        out += "</ol>\n</section>\n"
    }

    private func backReferences(_ footnote: MarkdownFootnote) -> String {
        let label = Escaping.href(footnote.label)
        var links =
            "<a href=\"#fnref-\(label)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to " +
                "content\">↩</a>"
        if footnote.referenceCount > 1 {
            for occurrence in 2...footnote.referenceCount {
                links +=
                    " <a href=\"#fnref-\(label)-\(occurrence)\" class=\"footnote-backref\" data-footnote-backref " +
                        "aria-label=\"Back to content\">↩<sup class=\"footnote-ref\">\(occurrence)</sup></a>"
            }
        }
        return links
    }
}

extension HTMLWriter {
    /// A heading's inlines without a trailing `{#id}`, and that id (letters, digits, `-`, `_`,
    /// `:`, `.`, starting with a letter); the inlines unchanged and nil when there is none.
    static func explicitID(_ inlines: [MarkdownInline]) -> ([MarkdownInline], String?) {
        guard case .text(let text)? = inlines.last?.kind else { return (inlines, nil) }
        let trimmed = text.reversed().drop { $0 == " " }
        guard trimmed.first == "}", let open = trimmed.firstIndex(of: "{") else { return (inlines, nil) }
        let inside = String(trimmed[trimmed.index(after: trimmed.startIndex)..<open].reversed())
        guard inside.hasPrefix("#"), let first = inside.dropFirst().first, first.isLetter,
              inside.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || "-_:.".contains($0) }) else {
            return (inlines, nil)
        }
        var before = String(trimmed[trimmed.index(after: open)...].reversed())
        while before.last == " " { before.removeLast() }
        var kept = Array(inlines.dropLast())
        if !before.isEmpty { kept.append(MarkdownInline(.text(before), at: inlines.last!.location)) }
        return (kept, String(inside.dropFirst()))
    }
}
