/// A place in the TeX of one formula of a document: the caller's token for the formula and a
/// UTF-8 byte offset into its TeX — what a caller maps to `file:line:column`.
public struct MathLocation: Equatable, Sendable {
    /// The caller's token for the formula (the `origin` given to `MathDocument.parse`).
    public var origin: Int
    /// UTF-8 byte offset into that formula's TeX.
    public var offset: Int

    /// Creates a location from a formula's token and an offset into its TeX.
    public init(origin: Int, offset: Int) {
        self.origin = origin
        self.offset = offset
    }
}
