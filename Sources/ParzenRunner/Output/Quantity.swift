/// A number as a result: its value, how many significant digits it deserves, and, where
/// known, its standard error. The writers decide how to print it (prose, TeX, JSON); the
/// runner never formats numbers into markup.
public struct Quantity: Sendable, Equatable, Codable {
    public var value: Double
    /// Significant digits to show when there is no standard error to judge by.
    public var digits: Int
    /// The standard error of `value`, when the directive estimated one.
    public var standardError: Double?

    public init(_ value: Double, digits: Int = 4, standardError: Double? = nil) {
        self.value = value
        self.digits = digits
        self.standardError = standardError
    }

    /// A whole number (a count): printed without decimals.
    public static func count(_ n: Int) -> Quantity { Quantity(Double(n)) }
}
