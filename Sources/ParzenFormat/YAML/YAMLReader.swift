import Yams

/// Parses YAML embedded in a notebook (front matter, directive bodies) into `YAMLValue`s
/// whose positions are notebook positions.
public enum YAMLReader {
    /// Parses `text`, whose first line is line `firstLine` of the notebook and whose columns
    /// start at `firstColumn`.
    ///
    /// - Returns: the value (nil for an empty document) and diagnostics for syntax errors and
    ///   duplicate keys, reported against `file`.
    public static func read(_ text: String, file: String, firstLine: Int, firstColumn: Int = 1) -> (YAMLValue?, [Diagnostic]) {
        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(line: firstLine, column: firstColumn) }
            return SourceLocation(line: firstLine + mark.line - 1, column: firstColumn + mark.column - 1)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return (nil, [syntaxDiagnostic(error, file: file, location: location)])
        } catch {
            return (nil, [Diagnostic(.error, file: file, at: location(nil), "invalid YAML: \(error)")])
        }
        guard let node else { return (nil, []) }
        var diagnostics: [Diagnostic] = []

        func convert(_ node: Node) -> YAMLValue {
            switch node {
            case .scalar(let scalar):
                return .scalar(scalar.string, isPlain: scalar.style == .plain, at: location(scalar.mark))
            case .sequence(let sequence):
                return .sequence(sequence.map(convert), at: location(sequence.mark))
            case .mapping(let mapping):
                var entries: [YAMLEntry] = []
                for (key, value) in mapping {
                    let name = key.string ?? "\(key)"
                    let keyLocation = location(key.mark)
                    if let first = entries.first(where: { $0.key == name }) {
                        diagnostics.append(Diagnostic(
                            .error, file: file, at: keyLocation,
                            "duplicate key '\(name)' (first given at line \(first.keyLocation.line))",
                            fix: "remove one of the two"))
                        continue
                    }
                    entries.append(YAMLEntry(key: name, keyLocation: keyLocation, value: convert(value)))
                }
                return .mapping(entries, at: location(mapping.mark))
            case .alias(let alias):
                diagnostics.append(Diagnostic(.error, file: file, at: location(alias.mark), "YAML aliases are not supported in notebooks", fix: "write the value out"))
                return .scalar("", isPlain: true, at: location(alias.mark))
            }
        }
        let value = convert(node)
        return (value, diagnostics)
    }

    private static func syntaxDiagnostic(_ error: YamlError, file: String, location: (Mark?) -> SourceLocation) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let where_ = context.map { " \($0.text)" } ?? ""
            return Diagnostic(.error, file: file, at: location(mark), "invalid YAML: \(problem)\(where_)",
                              fix: "check indentation, colons and quotes on this line")
        default:
            return Diagnostic(.error, file: file, at: location(nil), "invalid YAML: \(error)")
        }
    }
}
