/// The byte that starts every value in ``BinaryResultEncoder``'s format.
///
/// The format, all integers little-endian:
///
/// - `null`, `false`, `true`: nothing more.
/// - `int`, `uint`: 8 bytes (two's complement for `int`).
/// - `double`: the 8 bytes of its bit pattern (−0.0, NaN payloads and subnormals kept).
/// - `string`: a 4-byte byte count, then UTF-8.
/// - `doubles`: a 4-byte element count, then each double's 8 bytes — a `[Double]` in one copy.
/// - `array`: a 4-byte element count, a 4-byte byte length of the elements, the elements.
/// - `keyed`: a 4-byte entry count, a 4-byte byte length, then per entry its key (a 4-byte
///   byte count and UTF-8, no tag) and its value, in key order.
///
/// Containers carry their byte length so that a reader finds a key's value without decoding
/// the values before it; keys are sorted so that a dictionary (whose order changes from
/// process to process) always gives the same bytes.
enum BinaryTag: UInt8 {
    case null = 0
    case `false` = 1
    case `true` = 2
    case int = 3
    case uint = 4
    case double = 5
    case string = 6
    case doubles = 7
    case array = 8
    case keyed = 9

    /// What the decoder says when a value's tag is not the one the type asked for.
    var name: String {
        switch self {
        case .null: "null"
        case .false, .true: "a Boolean"
        case .int, .uint: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .doubles: "an array of numbers"
        case .array: "an array"
        case .keyed: "a keyed container"
        }
    }
}
