import Foundation
import ParzenMarkup

/// Reads `parzen.yml` into a ``ProjectFile``. Every key is checked: an unknown one is an error
/// with a did-you-mean (a misspelt `notebooks:` must not silently build every file), and every
/// diagnostic is located in the project file.
public enum ProjectFileParser {
    public static func parse(_ text: String, file: String) -> (ProjectFile, [Diagnostic]) {
        var project = ProjectFile(path: file)
        // Lines as in a notebook: a lone "\r" ends one (libyaml reads it so; an editor shows it so).
        let text = LoneCarriageReturns.asLineFeeds(text)
        let (value, yamlDiagnostics) = YAMLReader.read(text, file: file, firstLine: 1)
        guard let value else { return (project, yamlDiagnostics) }
        var reader = ProjectFieldReader(file: file, diagnostics: yamlDiagnostics)
        guard let entries = reader.mapping(value, named: "the project file", example: "title: My notes") else {
            return (project, reader.diagnostics)
        }
        var words: [Word: String] = [:]
        for entry in entries {
            switch entry.key {
            case "title": project.title = reader.text(entry, example: "title: Generative models")
            case "notebooks": project.notebooks = reader.globs(entry)
            case "output":
                project.output = reader.text(entry, example: "output: site")
                    .map { LocatedText($0, at: entry.value.location) }
            case "site-url": project.siteURL = reader.siteURL(entry)
            case "navigation": project.navigation = reader.navigation(entry)
            case "defaults": project.defaults = reader.defaults(entry)
            case "cache": project.cache = reader.cache(entry)
            case "words": words = reader.words(entry)
            default: reader.unknownKey(entry, among: ProjectFile.knownKeys)
            }
        }
        project.defaults.words = words
        // Stable, so that two messages at one position keep the order they were found in.
        let sorted = reader.diagnostics.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
        return (project, sorted.map(\.element))
    }
}

/// Typed reads of project-file values; each mistake becomes one diagnostic at the value.
private struct ProjectFieldReader {
    let file: String
    var diagnostics: [Diagnostic]

    mutating func error(at location: SourceLocation, _ message: String, fix: String? = nil) {
        diagnostics.append(Diagnostic(.error, file: file, at: location, message, fix: fix))
    }

    /// `example`: a right value as written (`output: site`), for the fix, which every wrong type has.
    mutating func wrongType(_ name: String, expected: String, found value: YAMLValue, example: String) {
        error(at: value.location, "'\(name)' expects \(expected), found \(value.kindDescription)",
              fix: "write e.g. \(example)")
    }

    mutating func unknownKey(_ entry: YAMLEntry, in parent: String? = nil, among known: [String]) {
        let name = parent.map { "\($0).\(entry.key)" } ?? entry.key
        error(at: entry.keyLocation, "unknown project-file key '\(name)'",
              fix: Suggestion.fix(for: entry.key, among: known))
    }

    /// The entries of a mapping; an empty value (`cache:`) is an empty mapping.
    mutating func mapping(_ value: YAMLValue, named name: String, example: String) -> [YAMLEntry]? {
        if let entries = value.entries { return entries }
        if value.scalarText == "" { return [] }
        error(at: value.location, "\(name) must be a mapping of keys to values, found \(value.kindDescription)",
              fix: "write it as '\(example)'")
        return nil
    }

    /// A non-empty scalar.
    mutating func text(_ entry: YAMLEntry, name: String? = nil, example: String) -> String? {
        guard let text = entry.value.scalarText, !text.isEmpty else {
            wrongType(name ?? entry.key, expected: "text", found: entry.value, example: example)
            return nil
        }
        return text
    }

    /// A list's items, or a single scalar as a list of one.
    mutating func items(_ entry: YAMLEntry, name: String, expected: String, example: String) -> [YAMLValue] {
        switch entry.value {
        case .sequence(let values, _): return values
        case .scalar: return [entry.value]
        case .mapping: wrongType(name, expected: expected, found: entry.value, example: example); return []
        }
    }

    /// Relative paths inside the project, each a non-empty text.
    mutating func paths(_ entry: YAMLEntry, name: String, expected: String, example: String) -> [LocatedText] {
        items(entry, name: name, expected: expected, example: example).compactMap { item in
            guard let text = item.scalarText, !text.isEmpty else {
                wrongType(name, expected: expected, found: item, example: example)
                return nil
            }
            if text.hasPrefix("/") || text.split(separator: "/").contains("..") {
                error(at: item.location, "'\(name)' entry '\(text)' leaves the project folder",
                      fix: "write a path relative to the folder of parzen.yml, without '..'")
                return nil
            }
            return LocatedText(text, at: item.location)
        }
    }

    /// `notebooks:`: globs of Markdown files.
    mutating func globs(_ entry: YAMLEntry) -> [LocatedText] {
        paths(entry, name: "notebooks", expected: "a glob or a list of globs such as '*.md'",
              example: "notebooks: ['*.md', 'chapters/*.md']").filter { glob in
            guard glob.text.hasSuffix(".md") || glob.text.hasSuffix(".markdown") else {
                error(at: glob.location, "'notebooks' glob '\(glob.text)' does not name Markdown files",
                      fix: "end it in .md or .markdown, e.g. '**/*.md'")
                return false
            }
            return true
        }
    }

    /// `site-url:`: an absolute http(s) URL without query or fragment, returned ending in `/`.
    mutating func siteURL(_ entry: YAMLEntry) -> String? {
        guard let text = text(entry, example: "site-url: https://example.org/notes/") else { return nil }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty,
              url.query == nil, url.fragment == nil
        else {
            error(at: entry.value.location, "'site-url' must be an absolute http or https URL, found '\(text)'",
                  fix: "write the address the output folder is published at, e.g. 'https://example.org/notes/'")
            return nil
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// `navigation:`: a list of `{section: Title, notebooks: [paths]}`.
    mutating func navigation(_ entry: YAMLEntry) -> [NavigationSection] {
        let example = "- section: Basics\n    notebooks: [intro.md]"
        guard case .sequence(let items, _) = entry.value else {
            wrongType("navigation", expected: "a list of sections", found: entry.value,
                      example: "navigation: [{section: Basics, notebooks: [intro.md]}]")
            return []
        }
        return items.compactMap { item in
            guard let entries = mapping(item, named: "a navigation section", example: example) else { return nil }
            var title: String?, notebooks: [LocatedText]?
            for sub in entries {
                switch sub.key {
                case "section": title = text(sub, name: "navigation.section", example: "section: Basics")
                case "notebooks":
                    notebooks = paths(sub, name: "navigation.notebooks", expected: "a list of notebook paths",
                                      example: "notebooks: [intro.md, kde.md]")
                default: unknownKey(sub, in: "navigation", among: NavigationSection.knownKeys)
                }
            }
            // A key written with a wrong value was reported already; only a missing one is new.
            for key in NavigationSection.knownKeys where !entries.contains(where: { $0.key == key }) {
                error(at: item.location, "navigation section has no '\(key)'",
                      fix: "give each section 'section: Title' and 'notebooks: [a.md, b.md]'")
            }
            guard let title, let notebooks else { return nil }
            return NavigationSection(title: title, notebooks: notebooks)
        }
    }

    /// `defaults:`: front-matter keys shared by every notebook (see ``FrontMatterDefaults``).
    mutating func defaults(_ entry: YAMLEntry) -> FrontMatterDefaults {
        guard let entries = mapping(entry.value, named: "'defaults'", example: "defaults: {seed: 7}") else {
            return .none
        }
        let allowed = entries.filter { sub in
            if FrontMatterDefaults.allowedKeys.contains(sub.key) { return true }
            if FrontMatter.knownKeys.contains(sub.key) {
                error(at: sub.keyLocation, "front-matter key '\(sub.key)' cannot be a project default",
                      fix: "set it in each notebook's front matter; defaults may give "
                          + FrontMatterDefaults.allowedKeys.joined(separator: ", "))
            } else {
                unknownKey(sub, in: "defaults", among: FrontMatterDefaults.allowedKeys)
            }
            return false
        }
        let (values, frontMatterDiagnostics) = FrontMatterParser.parse(allowed, file: file)
        diagnostics += frontMatterDiagnostics
        return FrontMatterDefaults(values: values)
    }

    /// `words:`: ``Word`` keys to the text that replaces the built-in word; a phrase's
    /// override keeps its placeholders (`{count}`).
    mutating func words(_ entry: YAMLEntry) -> [Word: String] {
        guard let entries = mapping(entry.value, named: "'words'", example: "words: {Figure: Abb.}") else {
            return [:]
        }
        var words: [Word: String] = [:]
        for sub in entries {
            guard let word = Word(rawValue: sub.key) else {
                unknownKey(sub, in: "words", among: Word.allCases.map(\.rawValue))
                continue
            }
            guard let text = text(sub, name: "words.\(sub.key)", example: "words: {\(sub.key): \"your wording\"}")
            else { continue }
            let missing = word.placeholders.filter { !text.contains("{\($0)}") }
            guard missing.isEmpty else {
                let names = word.placeholders.map { "{\($0)}" }.joined(separator: ", ")
                error(at: sub.value.location,
                      "'words.\(sub.key)' leaves out \(missing.map { "{\($0)}" }.joined(separator: ", ")), "
                          + "where the report puts its value",
                      fix: "write the phrase with \(names), e.g. '\(WordTable()[word])'")
                continue
            }
            words[word] = text
        }
        return words
    }

    /// `cache:`: `max-size` as a size with a unit.
    mutating func cache(_ entry: YAMLEntry) -> CacheSettings {
        var settings = CacheSettings()
        guard let entries = mapping(entry.value, named: "'cache'", example: "cache: {max-size: 1 GiB}") else {
            return settings
        }
        for sub in entries {
            guard sub.key == "max-size" else {
                unknownKey(sub, in: "cache", among: CacheSettings.knownKeys)
                continue
            }
            guard let text = text(sub, name: "cache.max-size", example: "max-size: 1 GiB") else { continue }
            switch ByteSize.parse(text) {
            case .success(let bytes): settings.maxBytes = bytes
            case .failure(let problem): error(at: sub.value.location, "cache.max-size: \(problem.message)",
                                              fix: problem.fix)
            }
        }
        return settings
    }
}
