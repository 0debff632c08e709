/// Prose in the cache as nested arrays, `[case, payload…]`: `["text", "…"]`,
/// `["emphasis", i₁, i₂, …]`, `["quantity", q, showsError]` — one array a node, as for
/// formulas (``MathExpression``), instead of Swift's two keyed containers.
extension Inline: Codable {
    private enum Case: String, Codable {
        case text, code, math, quantity, emphasis, reference, authored, oncePerPage
    }

    public init(from decoder: any Decoder) throws {
        var items = try decoder.unkeyedContainer()
        func rest() throws -> [Inline] {
            var inlines: [Inline] = []
            while !items.isAtEnd { inlines.append(try items.decode(Inline.self)) }
            return inlines
        }
        switch try items.decode(Case.self) {
        case .text: self = .text(try items.decode(String.self))
        case .code: self = .code(try items.decode(String.self))
        case .math: self = .math(try items.decode(MathExpression.self))
        case .quantity: self = .quantity(try items.decode(Quantity.self), showsError: try items.decode(Bool.self))
        case .emphasis: self = .emphasis(try rest())
        case .reference: self = .reference(label: try items.decode(String.self))
        case .authored: self = .authored(try items.decode(AuthoredText.self))
        case .oncePerPage: self = .oncePerPage(key: try items.decode(String.self), try rest())
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var items = encoder.unkeyedContainer()
        switch self {
        case .text(let text): try items.encode(Case.text); try items.encode(text)
        case .code(let code): try items.encode(Case.code); try items.encode(code)
        case .math(let math): try items.encode(Case.math); try items.encode(math)
        case .quantity(let quantity, let showsError):
            try items.encode(Case.quantity); try items.encode(quantity); try items.encode(showsError)
        case .emphasis(let inlines):
            try items.encode(Case.emphasis)
            for inline in inlines { try items.encode(inline) }
        case .reference(let label): try items.encode(Case.reference); try items.encode(label)
        case .authored(let text): try items.encode(Case.authored); try items.encode(text)
        case .oncePerPage(let key, let inlines):
            try items.encode(Case.oncePerPage); try items.encode(key)
            for inline in inlines { try items.encode(inline) }
        }
    }
}
