/// A number or text a directive exposes under `label.key`: shown by `{value}` roles in
/// prose and written to `--json` output.
public enum ResultValue: Sendable, Equatable, Codable {
    case number(Double)
    case integer(Int)
    case text(String)
    case boolean(Bool)
    case numbers([Double])
}

/// The ordered keys and values of one result; order is kept for JSON and tables.
public struct ResultValues: Sendable, Equatable {
    public private(set) var entries: [(key: String, value: ResultValue)] = []

    public init() {}

    public subscript(key: String) -> ResultValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    public var keys: [String] { entries.map(\.key) }

    public static func == (a: ResultValues, b: ResultValues) -> Bool {
        a.entries.elementsEqual(b.entries) { $0.key == $1.key && $0.value == $1.value }
    }
}
