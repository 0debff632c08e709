import Yams

/// Parses YAML embedded in a notebook (front matter, directive bodies) into `YAMLValue`s
/// whose positions are notebook positions.
public enum YAMLReader {
    /// Parses `text`, whose first line is line `firstLine` of the notebook and whose columns
    /// start at `firstColumn`.
    ///
    /// - Returns: the value (nil for an empty document) and diagnostics for syntax errors and
    ///   duplicate keys, reported against `file`.
    public static func read(_ text: String, file: String, firstLine: Int, firstColumn: Int = 1) -> (
        YAMLValue?, [Diagnostic]
    ) {
        func position(line: Int, column: Int) -> SourceLocation {
            SourceLocation(line: firstLine + line - 1, column: firstColumn + column - 1)
        }
        // libyaml's marks count lines its own way (a lone "\r" ends one; the end of input is on
        // the line after it): converted into the notebook's.
        let marks = YAMLMarkMap(text)
        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return position(line: 1, column: 1) }
            let (line, column) = marks.location(line: mark.line, column: mark.column)
            return position(line: line, column: column)
        }
        // Refused before Yams sees them: Yams expands aliases while composing, so an alias
        // bomb would exhaust memory before the tree below could be checked; tags it applies
        // without a trace in the tree.
        let properties = YAMLPropertyScan.findings(in: text)
        if !properties.isEmpty { return (nil, propertyDiagnostics(properties, file: file, position: position)) }
        let node: Node?
        do {
            // The basic resolver: every key and value is read as text (`YAMLValue` keeps them so),
            // so the 1 of `1:` and of `"1":` is one key given twice. Yams' default resolver
            // called them an int and a string, and compiling its regular expressions on first
            // use was a tenth of reading a notebook's front matter. UTF-8 named: Yams' default
            // encoding reads the whole environment on every call (~1 ms of a warm render).
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            return (nil, [syntaxDiagnostic(error, in: text, file: file, location: location, position: position)])
        } catch {
            return (nil, [Diagnostic(.error, file: file, at: location(nil), "invalid YAML: \(error)")])
        }
        guard let node else { return (nil, []) }
        var diagnostics: [Diagnostic] = []

        lazy var source = Array(text.unicodeScalars)
        /// Where the scalar's text starts, when it is the source one for one on one line (see
        /// `YAMLValue.scalar`): the text must follow the mark (plain) or the opening quote, with
        /// no line break in it, and a quoted one must end at its closing quote, so neither an
        /// escape nor a folded line break can shift the columns after it.
        func textStart(of scalar: Node.Scalar) -> (line: Int, column: Int)? {
            guard let mark = scalar.mark else { return nil }
            let opening = marks.offset(line: mark.line, column: mark.column)
            let closing: Unicode.Scalar?
            switch scalar.style {
            case .plain: closing = nil
            case .singleQuoted: closing = "'"
            case .doubleQuoted: closing = "\""
            default: return nil
            }
            let start = opening + (closing == nil ? 0 : 1)
            let written = Array(scalar.string.unicodeScalars)
            let end = start + written.count
            guard end <= source.count, source[start..<end].elementsEqual(written),
                  !written.contains(where: { $0 == "\n" || $0 == "\r" }) else { return nil }
            if let closing, end >= source.count || source[end] != closing { return nil }
            return marks.location(ofOffset: start)
        }
        func convert(_ node: Node) -> YAMLValue {
            switch node {
            case .scalar(let scalar):
                let start = textStart(of: scalar).map { position(line: $0.line, column: $0.column) }
                return .scalar(scalar.string, isPlain: scalar.style == .plain, at: location(scalar.mark),
                               textStart: start)
            case .sequence(let sequence):
                return .sequence(sequence.map(convert), at: location(sequence.mark))
            case .mapping(let mapping):
                // Yams rejects duplicate keys while composing, so keys here are unique.
                let entries = mapping.compactMap { key, value -> YAMLEntry? in
                    guard case .scalar(let name) = key else {
                        // `[1, 2]: x` or `? {a: 1}`: YAML allows it, no option is named so.
                        let kind = if case .mapping = key { "a mapping" } else { "a list" }
                        diagnostics.append(Diagnostic(.error, file: file, at: location(key.mark),
                                                      "a key must be a name, found \(kind)",
                                                      fix: "write 'name: value'"))
                        return nil
                    }
                    return YAMLEntry(key: name.string, keyLocation: location(key.mark), value: convert(value))
                }
                return .mapping(entries, at: location(mapping.mark))
            case .alias(let alias):
                // Unreachable after the scan above, kept so nothing is dropped silently if
                // the scan ever misses one.
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, at: location(alias.mark), "YAML aliases are not supported in notebooks",
                        fix: "write the value out"))
                return .scalar("", isPlain: true, at: location(alias.mark))
            }
        }
        let value = convert(node)
        return (value, diagnostics)
    }

    /// At most this many anchors, aliases and tags are reported one by one; the rest are counted.
    static let maximumAliasReports = 10

    private static func propertyDiagnostics(_ findings: [YAMLPropertyScan.Finding], file: String,
                                            position: (Int, Int) -> SourceLocation) -> [Diagnostic] {
        var diagnostics = findings.prefix(maximumAliasReports).map { finding in
            let (message, fix) = switch finding.kind {
            case .alias: ("YAML alias '*\(finding.name)' is not supported in notebooks", "write the value out")
            case .anchor: ("YAML anchor '&\(finding.name)' is not supported in notebooks",
                           "remove the anchor and write each value out")
            case .tag: ("YAML tag '!\(finding.name)' is not supported in notebooks",
                        "remove the tag; quote the value if it is meant as text")
            }
            return Diagnostic(.error, file: file, at: position(finding.line, finding.column), message, fix: fix)
        }
        if findings.count > maximumAliasReports, let last = diagnostics.last {
            diagnostics.append(Diagnostic(.note, file: file, at: last.location,
                                          "and \(findings.count - maximumAliasReports) more anchors, aliases and tags"))
        }
        return diagnostics
    }

    private static func syntaxDiagnostic(
        _ error: YamlError, in text: String, file: String, location: (Mark?) -> SourceLocation,
                                         position: (Int, Int) -> SourceLocation) -> Diagnostic {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, _):
            // Yams names the key but not where it is: find its first two occurrences as
            // `key:` at the start of a line (after indentation or a list dash).
            // Scalars throughout: as Characters, a line split between "\r" and "\n" is not a
            // line of its own ("\r\n" is one Character), and lines and columns drift.
            let key = duplicates.first ?? ""
            let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            let plain = Array((key + ":").unicodeScalars), quoted = Array("\"\(key)\":".unicodeScalars)
            var occurrences: [SourceLocation] = []
            for (index, line) in lines.enumerated() {
                let body = line.drop { $0 == " " || $0 == "-" }
                if body.starts(with: plain) || body.starts(with: quoted) {
                    occurrences.append(position(index + 1, line.count - body.count + 1))
                }
            }
            let first = occurrences.first
            return Diagnostic(.error, file: file, at: occurrences.dropFirst().first ?? first ?? position(1, 1),
                              "duplicate key '\(key)'" + (first.map { " (first given at line \($0.line))" } ?? ""),
                              fix: "remove one of the two")
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's context is either "while parsing …", read after the problem, or what it
            // expected ("expected a single document in the stream"), read before it.
            let text = switch context?.text {
            case .some(let context) where context.hasPrefix("while"): "\(problem) \(context)"
            case .some(let context): "\(context), \(problem)"
            case nil: problem
            }
            return Diagnostic(.error, file: file, at: location(mark), "invalid YAML: \(text)",
                              fix: "check indentation, colons and quotes on this line")
        default:
            return Diagnostic(.error, file: file, at: location(nil), "invalid YAML: \(error)")
        }
    }
}
