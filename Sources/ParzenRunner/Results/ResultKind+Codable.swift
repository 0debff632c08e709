/// A result kind as its name (`RawRepresentable`'s coding: a single string).
extension ResultKind: Codable {}
