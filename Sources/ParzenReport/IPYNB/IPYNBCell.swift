import ParzenRunner

/// One cell of an nbformat 4.5 notebook, written as JSON with its keys in sorted order (as
/// nbformat itself writes them, so a notebook saved again by Jupyter changes little).
struct IPYNBCell {
    enum Kind {
        case markdown
        /// A code cell carrying outputs; it has no source, as Parzen has no kernel to run.
        case output([JSONValue])
    }

    /// Unique in the notebook, 1–64 characters of `[A-Za-z0-9_-]` (nbformat 4.5).
    var id: String
    var kind: Kind
    var source: String
    var metadata: [(String, JSONValue)] = []
    /// A markdown cell's images, by name (`attachment:name` in its source): media type → base64.
    var attachments: [(String, JSONValue)] = []

    var json: JSONValue {
        switch kind {
        case .markdown:
            let attached: [(String, JSONValue)] = attachments.isEmpty ? [] : [("attachments", .object(attachments))]
            return .object(attached + [("cell_type", .string("markdown")), ("id", .string(id)),
                                       ("metadata", .object(metadata)), ("source", Self.lines(source))])
        case .output(let outputs):
            return .object([("cell_type", .string("code")), ("execution_count", .null), ("id", .string(id)),
                            ("metadata", .object(metadata)), ("outputs", .array(outputs)),
                            ("source", Self.lines(source))])
        }
    }

    /// nbformat's multi-line string: a list of lines, each but the last keeping its `\n`.
    static func lines(_ text: String) -> JSONValue {
        var lines: [JSONValue] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                lines.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { lines.append(.string(current)) }
        return .array(lines)
    }

    /// A cell id from a prefix, the cell's position and an optional label: the label's
    /// characters outside `[A-Za-z0-9_-]` become `-`, and the whole is cut to 64 characters.
    static func id(_ prefix: String, _ index: Int, label: String?) -> String {
        var id = "\(prefix)-\(index)"
        if let label {
            id += "-" + String(label.unicodeScalars.map { scalar -> Character in
                let allowed = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || scalar == "_" || scalar == "-"
                return scalar.isASCII && allowed ? Character(scalar) : "-"
            })
        }
        return String(id.prefix(64))
    }
}
