import ParzenFormat
import ParzenHTML
import ParzenMarkup
import ParzenRunner

/// Resolves what the author's prose refers to, in their own Markdown: `{value}` and `{ref}`
/// roles and `\eqref`/`\ref` become text, and labels and references inside math become
/// numbers (`IPYNBMath`). The Markdown tree says where each one is — walked by the HTML
/// renderer's hooks, whose HTML is thrown away — and the source is edited there, so
/// everything else the author wrote reaches the notebook byte for byte.
struct IPYNBProseResolver {
    private let notebook: Notebook
    private let table: ReferenceTable
    private let values: ValueLookup
    private(set) var diagnostics: [Diagnostic] = []

    /// The `{figure}` images, attached to the cell that shows them.
    private let images: PageImages
    /// Each figure's image as an nbformat attachment, by the line its fence starts on.
    private(set) var attachments: [(line: Int, name: String, type: String, base64: String)] = []

    init(notebook: Notebook, run: NotebookRun, table: ReferenceTable, images: PageImages = .none) {
        self.notebook = notebook
        self.images = images
        self.table = table
        self.values = ValueLookup(file: notebook.path, fences: notebook.directiveFences, run: run)
    }

    /// An edit of one line of the source.
    private struct Edit {
        var location: SourceLocation
        var length: Int
        var replacement: String
    }

    /// The source with every resolvable piece of prose resolved.
    mutating func resolvedSource() -> ProseSource {
        var source = ProseSource(notebook)
        var edits: [Edit] = []
        var spans: [MathSpan] = []
        var roles: [MarkdownRole] = []
        var references: [MarkdownReference] = []
        var renderer = HTMLRenderer(options: .init(safe: true, file: notebook.path))
        renderer.inlineMath = { spans.append($0); return "" }
        renderer.displayMath = { spans.append($0); return "" }
        renderer.role = { roles.append($0); return "" }
        renderer.reference = { references.append($0); return "" }
        renderer.directive = { _ in "" }
        _ = renderer.render(notebook.document)

        // Citations (`{cite}`, main's citation pass) stay as the author wrote them: formatting
        // them and a reference list for Jupyter is the citation writer's next step.
        for role in roles where role.name != "cite" {
            guard let length = Self.roleLength(source.rest(at: role.location), name: role.name) else { continue }
            edits.append(Edit(location: role.location, length: length, replacement: text(for: role)))
        }
        for reference in references {
            let command = (reference.isParenthesized ? "\\eqref{" : "\\ref{") + reference.label + "}"
            guard source.rest(at: reference.location).hasPrefix(command) else { continue }
            let number = table[reference.label]?.number
            if number == nil { unresolved(reference.label, at: reference.location) }
            let text = reference.isParenthesized ? "(\(number ?? "??"))" : number ?? "??"
            edits.append(Edit(location: reference.location, length: command.unicodeScalars.count, replacement: text))
        }
        for span in spans {
            for edit in IPYNBMath.edits(in: span.tex, table: table) {
                let location = span.location(ofUTF8Offset: edit.utf8Offset)
                let written = String(span.tex.utf8.dropFirst(edit.utf8Offset))!.unicodeScalars.prefix(edit.length)
                // Kramdown escapes can make the source differ from the TeX: then leave it.
                guard source.rest(at: location).unicodeScalars.starts(with: written) else { continue }
                if let label = edit.unresolvedLabel { unresolved(label, at: location) }
                edits.append(Edit(location: location, length: edit.length, replacement: edit.replacement))
            }
        }
        // Right to left, so that each edit's column still holds.
        for edit in edits.sorted(by: { $0.location > $1.location }) {
            source.replace(at: edit.location, length: edit.length, with: edit.replacement)
        }
        for float in notebook.document.floats { replace(float, in: &source) }
        return source
    }

    /// A `{figure}` or `{table}` fence as the Markdown Jupyter shows: the image as an
    /// `attachment:` (nbformat's way to carry images in a markdown cell), the table as the author
    /// wrote it, and the caption after the bold number the HTML page gives it. Jupyter has no
    /// figure element: the `:width:` and `:class:` are not carried over.
    private mutating func replace(_ float: MarkdownFloat, in source: inout ProseSource) {
        let range = source.lineRange(of: float.fence)
        let bodyStart = float.fence.bodyStart.line
        // The line after the body's last: each body line ends in a newline.
        let closing = bodyStart + float.fence.body.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        let number = table.floatNumbers[float.location].map { "**\($0.citation).** " } ?? ""
        var text: String
        switch float.content {
        case .image(let path, _, let alt, _):
            let captionStart = float.caption.first?.location.line ?? closing
            let caption = source.text(lines: captionStart..<closing)
            let file = path.split(separator: "/").last.map(String.init) ?? "image"
            let name = "figure-\(attachments.count + 1)-" + file
            if let image = images.images[float.location] {
                attachments.append((float.location.line, name, image.type.rawValue, image.bytes.base64EncodedString()))
            }
            let target = images.images[float.location] == nil ? path : "attachment:" + name
            text = "![" + Escaping.markdown(alt ?? "") + "](" + target + ")\n\n" + number + caption
        case .table:
            let body = source.text(lines: bodyStart..<closing).split(separator: "\n", omittingEmptySubsequences: false)
                .drop { $0.trimmingPrefix(" ").hasPrefix(":") }.joined(separator: "\n")
            text = number + (float.fence.label ?? "") + "\n\n" + body
        }
        source.replaceLines(range, with: text)
    }

    /// `{value}` as its text, `{ref}` as "Figure 2"; an unknown role is kept as written.
    private mutating func text(for role: MarkdownRole) -> String {
        switch role.name {
        case "value":
            switch values.text(for: role) {
            case .success(let text): return Escaping.markdown(text)
            case .failure(let missing):
                diagnostics += missing.diagnostic.map { [$0] } ?? []
                return "??"
            }
        case "ref", "numref":
            guard let entry = table[role.content] else {
                unresolved(role.content, at: role.contentLocation)
                return "??"
            }
            return Escaping.markdown(entry.citation)
        default:
            diagnostics.append(Diagnostic(.error, file: notebook.path, at: role.location,
                                          "unknown role '{\(role.name)}'",
                                          fix: Suggestion.fix(for: role.name, among: ["value", "ref", "numref"])))
            return IPYNBOutputWriter.codeSpan(role.content)
        }
    }

    private mutating func unresolved(_ label: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, file: notebook.path, at: location,
                                      "reference to undefined label '\(label)'", fix: table.fix(for: label)))
    }

    /// The length in scalars of `` {name}`content` `` at the start of `text`: the name, a run
    /// of backticks and the next run of the same length.
    static func roleLength(_ text: String, name: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        let head = Array("{\(name)}".unicodeScalars)
        guard scalars.starts(with: head) else { return nil }
        var index = head.count
        var fence = 0
        while index < scalars.count, scalars[index] == "`" { fence += 1; index += 1 }
        guard fence > 0 else { return nil }
        while index < scalars.count {
            guard scalars[index] == "`" else { index += 1; continue }
            var run = 0
            while index < scalars.count, scalars[index] == "`" { run += 1; index += 1 }
            if run == fence { return index }
        }
        return nil
    }
}
