/// The first byte of a file that is not part of valid UTF-8, and where it is, so a message
/// can point at the character an editor shows wrongly (a Latin-1 'é', half of a UTF-16 pair)
/// instead of saying only that the file is not UTF-8.
public struct InvalidUTF8: Sendable, Equatable {
    /// The line and column (in Unicode scalars, from 1) of the byte; a leading byte-order
    /// mark is not counted, as no editor shows it. "\n", "\r\n" and a lone "\r" each end a
    /// line, as in a notebook (``LoneCarriageReturns``) and a CSV file.
    public var location: SourceLocation
    public var byte: UInt8

    /// The first invalid byte of `bytes`, or nil if they are all valid UTF-8. One pass.
    public init?(in bytes: [UInt8]) {
        var line = 1, column = 1, offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var previous: Unicode.Scalar?
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            defer { previous = scalar }
            offset += UTF8.width(scalar)
            if scalar == "\n" && previous == "\r" {
                // The "\n" of "\r\n": the line ended at the "\r".
            } else if scalar == "\n" || scalar == "\r" {
                line += 1
                column = 1
            } else if !(offset == 3 && scalar == "\u{FEFF}") {
                column += 1
            }
        }
        guard offset < bytes.count else { return nil }
        location = SourceLocation(line: line, column: column)
        byte = bytes[offset]
    }

    /// "byte 0xE9".
    public var byteName: String { "byte 0x" + String(byte, radix: 16, uppercase: true) }
}
