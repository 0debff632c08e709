/// TeX as Jupyter's MathJax shows it. JupyterLab, GitHub and nbconvert number no equations
/// (MathJax's `tags: "none"`), so a label's number from the page's reference table is
/// written as `\tag{n}`, and `\eqref`/`\ref` become the number itself: the notebook shows
/// the numbers the HTML page shows.
enum IPYNBMath {
    /// One `\label{…}`, `\eqref{…}` or `\ref{…}` and what replaces it.
    struct Edit {
        /// UTF-8 offset of the backslash in the TeX.
        var utf8Offset: Int
        /// Length of the command with its argument, in Unicode scalars.
        var length: Int
        var replacement: String
        /// The label when the table does not know it (the replacement is then "??").
        var unresolvedLabel: String?
    }

    /// The edits for `tex`, left to right.
    static func edits(in tex: String, table: ReferenceTable) -> [Edit] {
        let hasTag = tex.contains("\\tag")
        var edits: [Edit] = []
        var index = tex.startIndex
        while let backslash = tex[index...].firstIndex(of: "\\") {
            let rest = tex[backslash...]
            guard let command = ["\\label{", "\\eqref{", "\\ref{"].first(where: { rest.hasPrefix($0) }),
                  let close = rest.firstIndex(of: "}") else {
                index = tex.index(after: backslash)
                // A `\\` is one token: skip its second backslash too.
                if rest.hasPrefix("\\\\") { index = tex.index(after: index) }
                continue
            }
            let label = String(tex[tex.index(backslash, offsetBy: command.count)..<close])
            let number = table[label]?.number
            let replacement: String
            switch command {
            // A formula with its own \tag keeps it; the label then only names it.
            case "\\label{": replacement = hasTag ? "" : number.map { "\\tag{\($0)}" } ?? ""
            case "\\eqref{": replacement = "\\text{(\(number ?? "??"))}"
            default: replacement = "\\text{\(number ?? "??")}"
            }
            edits.append(Edit(utf8Offset: tex.utf8.distance(from: tex.startIndex, to: backslash),
                              length: tex.unicodeScalars[backslash...close].count, replacement: replacement,
                              unresolvedLabel: command != "\\label{" && number == nil ? label : nil))
            index = tex.index(after: close)
        }
        return edits
    }

    /// `tex` with every edit applied (for formulas Parzen generates).
    static func rewritten(_ tex: String, table: ReferenceTable) -> String {
        var scalars = Array(tex.unicodeScalars)
        for edit in edits(in: tex, table: table).reversed() {
            let backslash = tex.utf8.index(tex.startIndex, offsetBy: edit.utf8Offset)
            let start = tex.unicodeScalars.distance(from: tex.startIndex, to: backslash)
            scalars.replaceSubrange(start..<(start + edit.length), with: Array(edit.replacement.unicodeScalars))
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
