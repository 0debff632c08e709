/// A piece of TeX found in the prose, with the exact source text and a map back to the
/// notebook so TeX diagnostics can point at the offending character.
public struct MathSpan: Sendable, Hashable {
    /// How the math was delimited.
    public enum Delimiter: Sendable, Hashable {
        /// `$…$` (inline).
        case dollar
        /// `$$…$$` (display).
        case doubleDollar
        /// `\(…\)` (inline).
        case parenthesis
        /// `\[…\]` (display).
        case bracket
    }

    /// A TeX position whose notebook location is known; every TeX scalar after it, up to
    /// the next anchor, sits one column further on the same line.
    struct Anchor: Sendable, Hashable {
        var utf8Offset: Int
        var location: SourceLocation
    }

    /// The TeX between the delimiters, as written (kramdown escapes resolved when the
    /// parser's ``MarkdownParser/Options/kramdownMathEscapes`` is on, see there).
    public var tex: String
    /// How the author delimited the math.
    public var delimiter: Delimiter
    /// Where the first character of ``tex`` is in the notebook.
    public var location: SourceLocation
    var anchors: [Anchor]

    /// `true` for `$$…$$` and `\[…\]`.
    public var isDisplay: Bool { delimiter == .doubleDollar || delimiter == .bracket }

    init(tex: String, delimiter: Delimiter, anchors: [Anchor]) {
        self.tex = tex
        self.delimiter = delimiter
        self.anchors = anchors
        self.location = anchors.first?.location ?? SourceLocation(line: 1, column: 1)
    }

    /// The notebook location of the TeX character that starts at `offset` UTF-8 bytes into
    /// ``tex`` (offsets past the end map to just after the last character).
    ///
    /// TeX translators report byte offsets; this turns them into the `line:column` a
    /// diagnostic prints, across line breaks inside `$$…$$` and removed kramdown escapes.
    public func location(ofUTF8Offset offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, tex.utf8.count))
        guard let anchor = anchors.last(where: { $0.utf8Offset <= offset }) else { return location }
        let bytes = tex.utf8.dropFirst(anchor.utf8Offset).prefix(offset - anchor.utf8Offset)
        // Columns count Unicode scalars: every byte that is not a UTF-8 continuation byte.
        let scalars = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourceLocation(line: anchor.location.line, column: anchor.location.column + scalars)
    }
}
