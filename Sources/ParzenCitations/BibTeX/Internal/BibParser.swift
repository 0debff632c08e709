import ParzenFormat
import ParzenMarkup

/// Reads a `.bib` file the way BibTeX does (Patashnik, *BibTeXing*; Markey, *Tame the BeaST*):
/// text outside entries is a comment; `@string` defines macros; `@preamble` and `@comment`
/// are kept or skipped; an entry is `@type{key, name = value, …}` or `@type(…)`; a value is
/// `{…}`, `"…"`, a number or a macro, joined with `#`.
///
/// A malformed entry is reported at its line and column with a fix, and reading resumes at the
/// next line that starts with `@`, so one mistake does not hide the rest of the file.
struct BibParser {
    private struct Failure: Error {
        var diagnostic: Diagnostic
        /// Where to resume: the start of a line beginning with `@`, or the end.
        var resumeAt: Int?
    }

    private let file: String
    private let scalars: [Unicode.Scalar]
    private let lineStarts: [Int]
    private var index = 0
    private var macros: [String: String] = BibParser.monthMacros
    private(set) var entries: [BibEntry] = []
    private(set) var preambles: [String] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Deeper brace nesting is an error: no bibliography needs it, and the TeX reader recurses
    /// once per level.
    static let maximumBraceDepth = 64

    private static func braceDepth(of tex: String) -> Int {
        var depth = 0, deepest = 0
        for scalar in tex.unicodeScalars {
            if scalar == "{" { depth += 1; deepest = max(deepest, depth) } else if scalar == "}" { depth -= 1 }
        }
        return deepest
    }

    /// BibTeX's predefined month macros (`jan` … `dec`), as the full English names.
    static let monthMacros: [String: String] = Dictionary(uniqueKeysWithValues: zip(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        ["January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"]))

    /// Fields whose value is a link or an identifier: kept verbatim, only `\_`-style escapes undone.
    static let verbatimFields: Set<String> = ["url", "doi", "eprint", "file", "pdf", "isbn", "issn"]

    init(_ source: String, file: String) {
        self.file = file
        scalars = Array(source.unicodeScalars)
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        lineStarts = starts
    }

    mutating func parse() {
        while let at = scalars[index...].firstIndex(of: "@") {
            index = at
            do {
                try readItem()
            } catch let failure as Failure {
                diagnostics.append(failure.diagnostic)
                index = failure.resumeAt ?? nextLineStartingWithAt(after: at) ?? scalars.count
            } catch {
                preconditionFailure("BibParser throws only Failure")
            }
        }
    }

    // MARK: Items

    private mutating func readItem() throws {
        let start = index
        index += 1
        skipWhitespace()
        let type = readIdentifier().lowercased()
        guard !type.isEmpty else {
            throw failure(at: start, "'@' not followed by an entry type",
                          fix: "write '@article{key, …}' (or another type); "
                              + "a literal @ outside entries needs a space after it")
        }
        skipWhitespace()
        if type == "comment" {
            // BibTeX ignores the word "@comment"; biblatex and pandoc skip a braced body too. When
            // the body does not close before the next entry, only the word is skipped, as in BibTeX.
            let afterWord = index
            if current == "{" || current == "(" {
                do { _ = try readBalanced(opening: index, field: "@comment") } catch { index = afterWord }
            }
            return
        }
        guard let open = current, open == "{" || open == "(" else {
            throw failure(at: index, "expected '{' after '@\(type)'", fix: "write '@\(type){key, …}'")
        }
        let close: Unicode.Scalar = open == "{" ? "}" : ")"
        index += 1
        switch type {
        case "string": try readStringDefinition(close: close, start: start)
        case "preamble": try readPreamble(close: close, start: start)
        default: try readEntry(type: type, close: close, start: start)
        }
    }

    private mutating func readStringDefinition(close: Unicode.Scalar, start: Int) throws {
        skipWhitespace()
        let nameStart = index
        let name = readIdentifier()
        guard !name.isEmpty else {
            throw failure(at: nameStart, "expected a macro name in @string", fix: "write '@string{name = \"text\"}'")
        }
        try expectEquals(after: name)
        let (value, _) = try readValue(field: name)
        macros[name.lowercased()] = value
        try expectClose(close, opening: start, what: "@string")
    }

    private mutating func readPreamble(close: Unicode.Scalar, start: Int) throws {
        let (value, _) = try readValue(field: "@preamble")
        preambles.append(value)
        try expectClose(close, opening: start, what: "@preamble")
    }

    private mutating func readEntry(type: String, close: Unicode.Scalar, start: Int) throws {
        skipWhitespace()
        let keyStart = index
        var key = ""
        while let scalar = current, !scalar.properties.isWhitespace, scalar != ",", scalar != close,
              scalar != "{", scalar != "}" {
            key.unicodeScalars.append(scalar)
            index += 1
        }
        guard !key.isEmpty else {
            throw failure(at: keyStart, "entry '@\(type)' has no citation key",
                          fix: "write '@\(type){key, …}' with a key such as 'parzen1962'")
        }
        skipWhitespace()
        var fields: [BibField] = []
        if current == "," {
            index += 1
            fields = try readFields(close: close, key: key)
        }
        try expectClose(close, opening: start, what: "entry '\(key)'")
        if !BibEntry.knownTypes.contains(type) {
            let fix = Suggestion.didYouMean(type, among: BibEntry.knownTypes) ?? "it is formatted like '@misc'"
            diagnostics.append(Diagnostic(.warning, file: file, at: location(start),
                                          "unknown entry type '@\(type)'", fix: fix))
        }
        entries.append(BibEntry(type: type, key: key, fields: fields, location: location(start),
                                keyLocation: location(keyStart), file: file))
    }

    private mutating func readFields(close: Unicode.Scalar, key: String) throws -> [BibField] {
        var fields: [BibField] = []
        while true {
            skipWhitespace()
            if current == close || current == nil { return fields }
            let nameStart = index
            let name = readIdentifier().lowercased()
            guard !name.isEmpty else {
                let found = current.map { "'\(Character($0))'" } ?? "the end of the file"
                throw failure(at: nameStart, "expected a field name in entry '\(key)', found \(found)",
                              fix: "write 'name = {value}' and separate fields with commas")
            }
            try expectEquals(after: name)
            let (value, valueStart) = try readValue(field: name)
            if let first = fields.first(where: { $0.name == name }) {
                diagnostics.append(Diagnostic(.error, file: file, at: location(nameStart),
                    "field '\(name)' appears twice in entry '\(key)'",
                    fix: "keep one of them (the first, at line \(first.location.line), is used)"))
            } else {
                fields.append(field(name, value, at: location(valueStart), key: key))
            }
            skipWhitespace()
            if current == "," { index += 1; continue }
            if current == close || current == nil { return fields }
            if current == "@", let nextEntry = entryStart(afterNewlineAt: index - 1) ?? lineStart(at: index) {
                // The next entry began inside this one: a '{' in this value swallowed the
                // entry's '}' when the value runs over lines that look like fields.
                if value.contains(where: { $0 == "\n" }), value.contains("=") {
                    throw failure(at: valueStart, "unclosed '{' in the value of '\(name)'",
                                  fix: "add the missing '}' (braces inside a value must balance)", resumeAt: nextEntry)
                }
                throw failure(at: index, "entry '\(key)' is not closed before the next entry",
                              fix: "end it with '\(Character(close))'", resumeAt: nextEntry)
            }
            let expected = "expected ',' or '\(Character(close))' after the value of '\(name)' in entry '\(key)'"
            throw failure(at: index, expected, fix: "add a comma between fields")
        }
    }

    private mutating func field(_ name: String, _ tex: String, at location: SourceLocation, key: String) -> BibField {
        if BibParser.verbatimFields.contains(name) {
            let text = tex.replacingOccurrences(of: "\\_", with: "_").replacingOccurrences(of: "\\%", with: "%")
                .replacingOccurrences(of: "\\&", with: "&").replacingOccurrences(of: "\\#", with: "#")
                .replacingOccurrences(of: "\\~", with: "~").replacingOccurrences(of: "\\$", with: "$")
            return BibField(name: name, tex: tex, text: [.text(text.trimmingWhitespace)], location: location)
        }
        if Self.braceDepth(of: tex) > Self.maximumBraceDepth {
            diagnostics.append(Diagnostic(.error, file: file, at: location,
                "braces nested more than \(Self.maximumBraceDepth) deep in field '\(name)' of entry '\(key)'",
                fix: "remove the extra braces; the value is printed as written"))
            return BibField(name: name, tex: tex, text: [.text(tex)], location: location)
        }
        let (text, unknown) = TeXTextReader.read(tex)
        for command in Set(unknown).sorted() {
            diagnostics.append(Diagnostic(.warning, file: file, at: location,
                "unknown TeX command '\(command)' in field '\(name)' of entry '\(key)'",
                fix: "it is printed as written; write the character itself (Unicode) instead"))
        }
        return BibField(name: name, tex: tex, text: text, location: location)
    }

    // MARK: Values

    /// A value: pieces joined with `#`. Returns the expanded TeX and where it starts.
    private mutating func readValue(field: String) throws -> (String, Int) {
        skipWhitespace()
        let start = index
        var value = ""
        while true {
            skipWhitespace()
            guard let scalar = current else {
                throw failure(at: start, "the value of '\(field)' is missing", fix: "write '\(field) = {…}'")
            }
            if scalar == "{" {
                value += try readBalanced(opening: index, field: field)
            } else if scalar == "\"" {
                value += try readQuoted(field: field)
            } else if scalar.properties.numericType != nil, scalar.isASCII {
                while let digit = current, digit.isASCII, digit.properties.numericType != nil {
                    value.unicodeScalars.append(digit)
                    index += 1
                }
            } else {
                let nameStart = index
                let name = readIdentifier()
                guard !name.isEmpty else {
                    throw failure(at: nameStart, "expected a value for '\(field)', found '\(Character(scalar))'",
                                  fix: "write the value in braces: '\(field) = {…}'")
                }
                guard let expansion = macros[name.lowercased()] else {
                    let known = macros.keys.sorted()
                    let fix = Suggestion.didYouMean(name.lowercased(), among: known)
                        ?? "define it first with '@string{\(name) = {…}}', or write the value in braces"
                    throw failure(at: nameStart, "undefined @string macro '\(name)' in the value of '\(field)'",
                                  fix: fix)
                }
                value += expansion
            }
            skipWhitespace()
            guard current == "#" else { return (value, start) }
            index += 1
        }
    }

    /// A `{…}` group from `opening` (which holds the `{` or `(`); returns the inside.
    private mutating func readBalanced(opening: Int, field: String) throws -> String {
        let close: Unicode.Scalar = scalars[opening] == "(" ? ")" : "}"
        index = opening + 1
        var depth = 0
        var text = ""
        while let scalar = current {
            if scalar == "\n", let next = entryStart(afterNewlineAt: index) {
                throw failure(at: opening, "unclosed '{' in the value of '\(field)'",
                              fix: "add the missing '}' (braces inside a value must balance)", resumeAt: next)
            }
            if scalar == "{" {
                depth += 1
            } else if scalar == "}" || scalar == close, depth == 0, scalar == close {
                index += 1
                return text
            } else if scalar == "}" {
                depth -= 1
            }
            text.unicodeScalars.append(scalar)
            index += 1
        }
        throw failure(at: opening, "unclosed '{' in the value of '\(field)'",
                      fix: "add the missing '}' (braces inside a value must balance)", resumeAt: scalars.count)
    }

    private mutating func readQuoted(field: String) throws -> String {
        let opening = index
        index += 1
        var depth = 0
        var text = ""
        while let scalar = current {
            if scalar == "\n", let next = entryStart(afterNewlineAt: index) {
                throw failure(at: opening, "unclosed '\"' in the value of '\(field)'",
                              fix: "add the closing '\"'; a '\"' inside a quoted value goes in braces: {\"}",
                              resumeAt: next)
            }
            if scalar == "{" { depth += 1 } else if scalar == "}" { depth -= 1 }
            else if scalar == "\"", depth == 0 {
                index += 1
                return text
            }
            text.unicodeScalars.append(scalar)
            index += 1
        }
        throw failure(at: opening, "unclosed '\"' in the value of '\(field)'",
                      fix: "add the closing '\"'", resumeAt: scalars.count)
    }

    // MARK: Small moves

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func skipWhitespace() {
        while let scalar = current, scalar.properties.isWhitespace { index += 1 }
    }

    /// BibTeX identifiers: anything printable except whitespace and `"#%'(),={}`.
    private mutating func readIdentifier() -> String {
        var name = ""
        while let scalar = current, !scalar.properties.isWhitespace, !"\"#%'(),={}@".unicodeScalars.contains(scalar) {
            name.unicodeScalars.append(scalar)
            index += 1
        }
        return name
    }

    private mutating func expectEquals(after name: String) throws {
        skipWhitespace()
        guard current == "=" else {
            throw failure(at: index, "expected '=' after field name '\(name)'", fix: "write '\(name) = {…}'")
        }
        index += 1
    }

    private mutating func expectClose(_ close: Unicode.Scalar, opening: Int, what: String) throws {
        skipWhitespace()
        guard current == close else {
            throw failure(at: current == nil ? opening : index,
                          current == nil ? "\(what) is not closed" : "expected '\(Character(close))' to end \(what)",
                          fix: "end it with '\(Character(close))'")
        }
        index += 1
    }

    /// When the line after the newline at `newline` starts (after spaces) with `@word{` or
    /// `@word(`, the offset of that `@`: the start of the next entry, so a value still open
    /// there has lost its closing delimiter.
    private func entryStart(afterNewlineAt newline: Int) -> Int? {
        var at = newline + 1
        while at < scalars.count, scalars[at] == " " || scalars[at] == "\t" { at += 1 }
        guard at < scalars.count, scalars[at] == "@" else { return nil }
        var end = at + 1
        while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
        guard end > at + 1, end < scalars.count, scalars[end] == "{" || scalars[end] == "(" else { return nil }
        return at
    }

    /// `offset` when only spaces precede it on its line.
    private func lineStart(at offset: Int) -> Int? {
        var at = offset - 1
        while at >= 0, scalars[at] == " " || scalars[at] == "\t" { at -= 1 }
        return at < 0 || scalars[at] == "\n" ? offset : nil
    }

    private func nextLineStartingWithAt(after offset: Int) -> Int? {
        var at = offset
        while let newline = scalars[at...].firstIndex(of: "\n") {
            if let start = entryStart(afterNewlineAt: newline) { return start }
            at = newline + 1
        }
        return nil
    }

    private func location(_ offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + 1, column: offset - lineStarts[low] + 1)
    }

    private func failure(at offset: Int, _ message: String, fix: String, resumeAt: Int? = nil) -> Failure {
        Failure(diagnostic: Diagnostic(.error, file: file, at: location(offset), message, fix: fix), resumeAt: resumeAt)
    }
}

private extension String {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
