/// The values as a list of key–value pairs, in order (a keyed container would not keep it).
extension ResultValues: Codable {
    private struct Entry: Codable {
        var key: String
        var value: ResultValue
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        for entry in try [Entry](from: decoder) { self[entry.key] = entry.value }
    }

    public func encode(to encoder: any Encoder) throws {
        try entries.map { Entry(key: $0.key, value: $0.value) }.encode(to: encoder)
    }
}
