/// Reads a code fence's info string as a directive header: `{name}` optionally followed by
/// white space and a label (` ```{fit} kde `). An info string that starts with `{` but is not
/// such a header is malformed — reported, not silently shown as code. For MyST admonitions
/// and `{dropdown}` the rest of the line is a title and may hold spaces.
enum DirectiveInfo: Equatable {
    case notDirective
    case directive(name: String, label: String?)
    case malformed(message: String, fix: String)

    static func parse(_ info: String) -> DirectiveInfo {
        let info = info.trimmedOfSpacesAndTabs
        guard info.hasPrefix("{") else { return .notDirective }
        let example = "write the directive as ```{name} label, e.g. ```{fit} kde"
        guard let close = info.firstIndex(of: "}") else {
            return .malformed(message: "directive fence '\(info)' has no closing '}'", fix: example)
        }
        let name = String(info[info.index(after: info.startIndex)..<close])
        guard !name.isEmpty else {
            return .malformed(message: "directive fence '\(info)' has an empty name", fix: example)
        }
        guard isName(name) else {
            return .malformed(
                message: "directive name '\(name)' must be a letter followed by letters, digits, '-' or '_'",
                fix: example)
        }
        let rest = info[info.index(after: close)...]
        if rest.isEmpty { return .directive(name: name, label: nil) }
        guard rest.first == " " || rest.first == "\t" else {
            return .malformed(
                message: "directive fence '\(info)' needs a space between '{\(name)}' and its label", fix: example)
        }
        let label = String(rest).trimmedOfSpacesAndTabs
        // An admonition's, dropdown's or table's "label" is its title, which may be several words.
        let isTitle = MarkdownAdmonition.Kind(rawValue: name) != nil || name == "table"
        guard isTitle || !label.contains(where: { $0 == " " || $0 == "\t" }) else {
            let joined = label.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: "-")
            return .malformed(message: "directive label '\(label)' must be one word",
                              fix: "use '-' or '_' instead of spaces, e.g. '\(joined)'")
        }
        return .directive(name: name, label: label)
    }

    /// A role or directive name: an ASCII letter, then letters, digits, `-`, `_`.
    static func isName(_ name: some StringProtocol) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmedOfSpacesAndTabs: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
