/// Names (labels, columns, files) shown in code spans in directive output.
enum InlineCode {
    /// `name` as a Markdown code span. Backslash escapes do not work inside code spans, so
    /// the span's fence is one backtick longer than the longest run of backticks in the
    /// name (CommonMark §6.1), with spaces when the name starts or ends with one.
    static func span(_ name: String) -> String {
        var longest = 0, run = 0
        for c in name {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = name.hasPrefix("`") || name.hasSuffix("`") ? " \(name) " : name
        return fence + padded + fence
    }
}
