import ParzenFormat
import ParzenMarkup

/// A JSON document written deterministically: keys in the order given (never hashed), numbers
/// in Swift's shortest round-trip form, non-finite numbers as the strings "Infinity",
/// "-Infinity" and "NaN" (JSON has no literal for them). Same input, same bytes.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// The JSON text, indented by two spaces per level.
    public func serialized(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let n): return String(n)
        case .number(let x):
            if x.isNaN { return "\"NaN\"" }
            if x.isInfinite { return x < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
            if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
            return String(x)
        case .string(let s): return Escaping.jsonString(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) { return "[" + items.map { $0.serialized() }.joined(separator: ", ") + "]" }
            return "[\n" + items.map { inner + $0.serialized(indent: indent + 1) }.joined(separator: ",\n")
                + "\n\(pad)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n"
                + members.map { inner + Escaping.jsonString($0.0) + ": " + $0.1.serialized(indent: indent + 1) }.joined(
                    separator: ",\n") + "\n\(pad)}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}

extension ResultValue {
    /// The value as JSON.
    public var json: JSONValue {
        switch self {
        case .number(let x): .number(x)
        case .integer(let n): .integer(n)
        case .text(let s): .string(s)
        case .boolean(let b): .bool(b)
        case .numbers(let xs): .array(xs.map(JSONValue.number))
        }
    }
}

extension Diagnostic {
    /// The diagnostic as a JSON object with keys file, line, column, severity, message, fix.
    public var json: JSONValue {
        .object([
            ("file", .string(file)), ("line", .integer(location.line)), ("column", .integer(location.column)),
            ("severity", .string(severity.rawValue)), ("message", .string(message)),
            ("fix", fix.map(JSONValue.string) ?? .null),
        ])
    }
}
