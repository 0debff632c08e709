/// A mistake in a user formula (a kernel written as an expression in x), with the character
/// offset where it was found, so the runner can point at it in the notebook.
///
/// Messages are short and say what was expected: "expected ')' to close '(' at offset 3".
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The formula as written.
    public let source: String
    /// The offset of the culprit in `source`, in characters (0-based).
    public let offset: Int
    /// What is wrong and what was expected.
    public let message: String

    /// Creates an error at `offset` of `source`.
    public init(source: String, offset: Int, message: String) {
        self.source = source
        self.offset = offset
        self.message = message
    }

    /// `message at offset k`, then the formula and a caret under the culprit.
    public var description: String {
        let caret = String(repeating: " ", count: offset) + "^"
        return "\(message) at offset \(offset)\n  \(source)\n  \(caret)"
    }
}
