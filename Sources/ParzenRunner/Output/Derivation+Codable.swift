/// A derivation as its label and its rows, each row `{left, right}` (tuples are not Codable).
extension Derivation: Codable {
    private enum CodingKeys: String, CodingKey {
        case rows, label
    }

    private struct Row: Codable {
        var left: MathExpression?
        var right: MathExpression
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode([Row].self, forKey: .rows)
        self.init(rows: rows.map { (left: $0.left, right: $0.right) },
                  label: try container.decodeIfPresent(String.self, forKey: .label))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows.map { Row(left: $0.left, right: $0.right) }, forKey: .rows)
        try container.encodeIfPresent(label, forKey: .label)
    }
}
