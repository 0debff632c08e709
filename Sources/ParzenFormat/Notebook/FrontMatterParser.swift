import ParzenMarkup

/// Splits a notebook into front matter and body and reads the front matter's known keys.
public enum FrontMatterParser {
    /// The result of splitting a notebook's text.
    public struct Split: Sendable {
        /// The YAML between the `---` lines (empty when there is no front matter).
        public var yaml: String
        /// The line of the notebook on which the YAML starts.
        public var yamlFirstLine: Int
        /// The Markdown after the closing `---`.
        public var body: String
        /// The line of the notebook on which `body` starts.
        public var bodyFirstLine: Int
    }

    /// Finds the front matter: a first line that is exactly `---`, up to the next line that is
    /// `---` or `...`. Without a closing line there is no front matter — but that is almost
    /// certainly a mistake, so it is reported.
    public static func split(_ text: String, file: String, limits: InputLimits = .current) -> (Split, [Diagnostic]) {
        let size = text.utf8.count
        if size > limits.notebookBytes {
            // Refused before anything else reads it; the position is the line the cap falls on.
            let line = 1 + text.utf8.prefix(limits.notebookBytes).lazy.filter { $0 == UInt8(ascii: "\n") }.count
            let diagnostic = Diagnostic(.error, file: file, at: SourceLocation(line: line, column: 1),
                "the notebook is \(size) bytes, more than the cap of \(limits.notebookBytes) bytes "
                                            + "(reached on this line)",
                                        fix: InputLimits.howToRaise("PARZEN_MAX_NOTEBOOK_BYTES"))
            return (Split(yaml: "", yamlFirstLine: 1, body: "", bodyFirstLine: 1), [diagnostic])
        }
        // Split on scalars, not Characters: "\r\n" is one Character, so a CRLF file would
        // otherwise be a single line and its front matter silently ignored.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
        if lines.last == "" { lines.removeLast() }
        func trimmed(_ line: Substring) -> Substring {
            line.last == "\r" ? line.dropLast() : line
        }
        guard let first = lines.first, trimmed(first) == "---" else {
            return (Split(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1), [])
        }
        guard
            let close = lines.indices.dropFirst().first(where: {
                trimmed(lines[$0]) == "---" || trimmed(lines[$0]) == "..."
            })
        else {
            let diagnostic = Diagnostic(.error, file: file, at: SourceLocation(line: 1, column: 1),
                                        "front matter starts with '---' but never ends",
                                        fix: "add a line '---' after the last front-matter key")
            return (Split(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1), [diagnostic])
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n") + (text.utf8.last == UInt8(ascii: "\n") ? "\n" : "")
        return (Split(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2), [])
    }

    /// Reads the front matter YAML into a `FrontMatter`, reporting wrong types and misspelt keys.
    public static func parse(_ split: Split, file: String) -> (FrontMatter, [Diagnostic]) {
        let frontMatter = FrontMatter()
        let (value, yamlDiagnostics) = YAMLReader.read(split.yaml, file: file, firstLine: split.yamlFirstLine)
        var diagnostics = yamlDiagnostics
        guard let value else { return (frontMatter, diagnostics) }
        guard let entries = value.entries else {
            diagnostics.append(Diagnostic(.error, file: file, at: value.location,
                    "front matter must be a mapping of keys to values, found \(value.kindDescription)",
                                          fix: "write it as 'title: My notebook' lines"))
            return (frontMatter, diagnostics)
        }
        let (parsed, entryDiagnostics) = parse(entries, file: file)
        return (parsed, diagnostics + entryDiagnostics)
    }

    /// Reads front-matter entries (a notebook's, or the `defaults:` of `parzen.yml`) into a
    /// `FrontMatter`, reporting wrong types and misspelt keys against `file`.
    public static func parse(_ entries: [YAMLEntry], file: String) -> (FrontMatter, [Diagnostic]) {
        var frontMatter = FrontMatter()
        frontMatter.keys = entries.map(\.key)
        var reader = FieldReader(file: file)
        var explicitCompatibility: Compatibility?
        var hasLayout = false
        for entry in entries {
            switch entry.key {
            case "title": frontMatter.title = reader.text(entry, example: "title: Kernel density estimates")
            case "description":
                frontMatter.description = reader.text(entry, example: "description: Choosing a bandwidth")
            case "date": frontMatter.date = reader.text(entry, example: "date: 2026-03-01")
            case "authors": frontMatter.authors = reader.authors(entry)
            case "seed": frontMatter.seed = reader.seed(entry) ?? frontMatter.seed
            case "math": frontMatter.mathMacros = reader.mathMacros(entry)
            case "series": frontMatter.series = reader.series(entry)
            case "next": frontMatter.next = reader.link(entry)
            case "previous": frontMatter.previous = reader.link(entry)
            case "compat": explicitCompatibility = reader.choice(entry)
            case "lang": frontMatter.language = reader.language(entry)
            case "echo": frontMatter.echo = reader.boolean(entry) ?? frontMatter.echo
            case "output": frontMatter.output = reader.choice(entry) ?? frontMatter.output
            case "bibliography": frontMatter.bibliography = reader.paths(entry)
            case "citation-style":
                frontMatter.citationStyle = reader.text(entry, example: "citation-style: author-year")
                    .map { LocatedText($0, at: entry.value.location) }
            default:
                if entry.key == "layout" { hasLayout = true }
                frontMatter.otherKeys.append(entry)
                if let known = Suggestion.closest(to: entry.key, among: FrontMatter.knownKeys) {
                    reader.diagnostics.append(Diagnostic(
                        .warning, file: file, at: entry.keyLocation,
                        "unknown front-matter key '\(entry.key)' is ignored",
                        fix: "did you mean '\(known)'?"))
                }
            }
        }
        frontMatter.compatibility = explicitCompatibility ?? (hasLayout ? .jekyll : .standard)
        return (frontMatter, reader.diagnostics)
    }
}

/// Typed reads of front-matter values; each wrong type becomes one diagnostic at the value.
private struct FieldReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// `key` as the author nests it (`math.macros`); `example`: a right value as written
    /// (`seed: 42`), for the fix, which every wrong type has.
    mutating func wrongType(_ key: String, expected: String, found value: YAMLValue, example: String) {
        diagnostics.append(Diagnostic(.error, file: file, at: value.location,
                "front-matter key '\(key)' expects \(expected), found \(value.kindDescription)",
                fix: "write e.g. \(example)"))
    }

    /// A scalar as text; an empty value (`description:`) counts as absent.
    mutating func text(_ entry: YAMLEntry, example: String) -> String? {
        guard let text = entry.value.scalarText else {
            wrongType(entry.key, expected: "text", found: entry.value, example: example)
            return nil
        }
        return text.isEmpty ? nil : text
    }

    mutating func seed(_ entry: YAMLEntry) -> UInt64? {
        guard let text = entry.value.scalarText, let seed = UInt64(text) else {
            wrongType("seed", expected: "a non-negative whole number", found: entry.value, example: "seed: 42")
            return nil
        }
        return seed
    }

    /// `authors:` as a list of names, or of mappings with `name` and `affiliation(s)` (text,
    /// a mapping with `name`, or a list of either).
    mutating func authors(_ entry: YAMLEntry) -> [Author] {
        var authors: [Author] = []
        for item in listItems(entry, expected: "a list of authors", example: "authors: [Ada Quetelet]") {
            if let name = item.scalarText {
                authors.append(Author(name: name))
            } else if let name = item["name"]?.scalarText {
                let affiliations = (item["affiliations"] ?? item["affiliation"]).map(affiliationNames) ?? []
                authors.append(Author(name: name, affiliations: affiliations))
            } else {
                wrongType("authors", expected: "an author name or a mapping with 'name'", found: item,
                          example: "authors: [{name: Ada Quetelet, affiliation: Ghent}]")
            }
        }
        return authors
    }

    private func affiliationNames(_ value: YAMLValue) -> [String] {
        switch value {
        case .scalar(let text, _, _, _): return text.isEmpty ? [] : [text]
        case .mapping: return value["name"]?.scalarText.map { [$0] } ?? []
        case .sequence(let values, _): return values.flatMap(affiliationNames)
        }
    }

    /// `math: {macros: {R: "\\mathbb{R}"}}`.
    mutating func mathMacros(_ entry: YAMLEntry) -> [String: String] {
        guard let entries = entry.value.entries else {
            wrongType("math", expected: "a mapping with 'macros'", found: entry.value,
                      example: #"math: {macros: {'\R': '\mathbb{R}'}}"#)
            return [:]
        }
        var macros: [String: String] = [:]
        for sub in entries {
            guard sub.key == "macros" else {
                diagnostics.append(Diagnostic(.warning, file: file, at: sub.keyLocation,
                                              "unknown key 'math.\(sub.key)' is ignored",
                                              fix: Suggestion.fix(for: sub.key, among: ["macros"])))
                continue
            }
            guard let definitions = sub.value.entries else {
                wrongType("math.macros", expected: "a mapping of macro names to TeX", found: sub.value,
                          example: #"macros: {'\R': '\mathbb{R}'}"#)
                continue
            }
            for definition in definitions {
                guard let body = definition.value.scalarText else {
                    wrongType("math.macros.\(definition.key)", expected: "TeX text", found: definition.value,
                              example: #"'\R': '\mathbb{R}'"#)
                    continue
                }
                macros[definition.key] = body
            }
        }
        return macros
    }

    /// `series: Name` or `series: {name: Name, order: 2}`.
    mutating func series(_ entry: YAMLEntry) -> Series? {
        if let name = entry.value.scalarText { return Series(name: name, order: nil) }
        guard let name = entry.value["name"]?.scalarText else {
            wrongType("series", expected: "a series name or a mapping with 'name' and 'order'", found: entry.value,
                      example: "series: {name: Smoothing, order: 2}")
            return nil
        }
        var order: Int?
        if let orderValue = entry.value["order"] {
            if let text = orderValue.scalarText, let number = Int(text), number >= 1 {
                order = number
            } else {
                wrongType("series.order", expected: "a whole number ≥ 1", found: orderValue, example: "order: 1")
            }
        }
        return Series(name: name, order: order)
    }

    /// `next: other.md` or `next: {href: other.md, title: "A Linear Model"}`.
    mutating func link(_ entry: YAMLEntry) -> PageLink? {
        let target: String, title: String?, at: SourceLocation
        if let text = entry.value.scalarText {
            guard !text.isEmpty else { return nil }
            (target, title, at) = (text, nil, entry.value.location)
        } else if let href = entry.value["href"] {
            guard let text = href.scalarText else {
                wrongType("\(entry.key).href", expected: "a notebook path", found: href, example: "href: kde.md")
                return nil
            }
            (target, title, at) = (text, entry.value["title"]?.scalarText, href.location)
        } else {
            wrongType(entry.key, expected: "a notebook path or a mapping with 'href' and 'title'", found: entry.value,
                      example: "\(entry.key): {href: kde.md, title: Kernel density estimates}")
            return nil
        }
        // Pages carry no script: a `javascript:` (or `vbscript:`, `file:`) link is not written.
        guard !URLSafety.runsScript(target) else {
            diagnostics.append(Diagnostic(.warning, file: file, at: at,
                                          "'\(entry.key)' link '\(URLSafety.abbreviated(target))' would run script or "
                                              + "open a local file, so the page leaves it out",
                                          fix: "link to a notebook (other.md) or an http(s) page"))
            return nil
        }
        return PageLink(target: target, title: title, location: at)
    }

    /// `bibliography: refs.bib` or a list of paths.
    mutating func paths(_ entry: YAMLEntry) -> [LocatedText] {
        let example = "bibliography: [smoothing.bib]"
        return listItems(entry, expected: "a .bib path or a list of paths", example: example).compactMap { item in
            guard let path = item.scalarText, !path.isEmpty else {
                wrongType("bibliography", expected: "a .bib path", found: item, example: example)
                return nil
            }
            return LocatedText(path, at: item.location)
        }
    }

    /// A list's items, or a single value as a list of one; a mapping is the wrong type.
    private mutating func listItems(_ entry: YAMLEntry, expected: String, example: String) -> [YAMLValue] {
        switch entry.value {
        case .sequence(let values, _): return values
        case .scalar: return [entry.value]
        case .mapping: wrongType(entry.key, expected: expected, found: entry.value, example: example); return []
        }
    }

    /// A language tag of the BCP 47 shape: letters, then `-`-separated subtags of letters and
    /// digits (`en`, `pt-BR`, `zh-Hant-TW`), each 1–8 long, the first 2–8 letters.
    mutating func language(_ entry: YAMLEntry) -> String? {
        guard let tag = text(entry, example: "lang: en") else { return nil }
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        let valid = subtags.allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        } && (2...8).contains(subtags[0].count) && subtags[0].allSatisfy(\.isLetter)
        guard valid else {
            diagnostics.append(Diagnostic(.error, file: file, at: entry.value.location,
                                          "front-matter key 'lang' expects a language tag, found '\(tag)'",
                                          fix: "write one such as 'en', 'de' or 'pt-BR'"))
            return nil
        }
        if WordTable.builtInLanguage(for: tag) == nil {
            diagnostics.append(Diagnostic(.warning, file: file, at: entry.value.location,
                "Parzen has no words for the language '\(tag)', so the words it adds (\"Figure\", "
                    + "\"Contents\", …) are English; <html lang> is '\(tag)'",
                fix: "give them in parzen.yml under 'words:' (docs/project.md), or use one of "
                    + WordTable.builtInLanguages.joined(separator: ", ")))
        }
        return tag
    }

    mutating func boolean(_ entry: YAMLEntry) -> Bool? {
        switch entry.value.scalarText {
        case "true": return true
        case "false": return false
        default:
            wrongType(entry.key, expected: "true or false", found: entry.value, example: "\(entry.key): true")
            return nil
        }
    }

    /// One of a fixed set of words (`compat`, `output`), with a did-you-mean for a near miss.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ entry: YAMLEntry) -> Choice?
    where Choice.RawValue == String {
        guard let text = entry.value.scalarText, let choice = Choice(rawValue: text) else {
            let names = Choice.allCases.map(\.rawValue)
            diagnostics.append(Diagnostic(.error, file: file, at: entry.value.location,
                    "front-matter key '\(entry.key)' expects one of \(names.joined(separator: ", ")), "
                        + "found \(entry.value.kindDescription)",
                                          fix: entry.value.scalarText.map { Suggestion.fix(for: $0, among: names) }
                                              ?? "write e.g. compat: jekyll"))
            return nil
        }
        return choice
    }
}
