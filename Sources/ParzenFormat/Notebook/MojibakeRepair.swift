/// Repairs text that was UTF-8, decoded as Windows-1252 and saved again as UTF-8 — the
/// classic mojibake that turns "→" into "â†’" and "é" into "Ã©" (the seed post has it).
///
/// A run is repaired only when it decodes to valid UTF-8: a character whose Windows-1252
/// byte is a UTF-8 lead byte (0xC2–0xF4) followed by exactly the right number of characters
/// whose bytes are continuation bytes (0x80–0xBF). Ordinary text almost never has such runs
/// (it would take e.g. "Ã" directly followed by "©"), and every repair is reported, so
/// nothing changes silently.
public enum MojibakeRepair {
    /// One repaired run.
    public struct Repair: Sendable, Equatable {
        /// Where the run started (1-based line and column in the text given).
        public var line: Int
        public var column: Int
        public var original: String
        public var repaired: String
    }

    /// The text with every mojibake run repaired, and the list of repairs.
    /// Cost: one pass over the scalars; the text between repairs is copied a stretch at a time
    /// (one scalar at a time it cost the seed post's parse more than cmark did).
    public static func repair(_ text: String) -> (String, [Repair]) {
        // Fast path: every mojibake run starts with a character in U+00C2…U+00F4.
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { (0xC2...0xF4).contains($0.value) }) else { return (text, []) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var repairs: [Repair] = []
        var line = 1, column = 1
        var copied = scalars.startIndex, index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            // A run's lead is in U+00C2…U+00F4, where Windows-1252 is Latin-1.
            guard (0xC2...0xF4).contains(scalar.value), let (decoded, end, length) = decodeRun(scalars, at: index)
            else {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                scalars.formIndex(after: &index)
                continue
            }
            repairs.append(Repair(line: line, column: column, original: String(scalars[index..<end]),
                                  repaired: String(decoded)))
            out += Substring(scalars[copied..<index])
            out.unicodeScalars.append(decoded)
            column += length
            index = end
            copied = end
        }
        out += Substring(scalars[copied...])
        return (out, repairs)
    }

    /// The scalar that the run starting at `start` encodes, where the run ends, and its length.
    private static func decodeRun(_ scalars: String.UnicodeScalarView, at start: String.UnicodeScalarView.Index)
        -> (Unicode.Scalar, String.UnicodeScalarView.Index, Int)? {
        guard let lead = windows1252Byte(scalars[start]) else { return nil }
        let continuationCount: Int
        switch lead {
        case 0xC2...0xDF: continuationCount = 1
        case 0xE0...0xEF: continuationCount = 2
        case 0xF0...0xF4: continuationCount = 3
        default: return nil
        }
        var bytes = [lead]
        var index = scalars.index(after: start)
        for _ in 0..<continuationCount {
            guard index < scalars.endIndex, let byte = windows1252Byte(scalars[index]), (0x80...0xBF).contains(byte)
            else { return nil }
            bytes.append(byte)
            scalars.formIndex(after: &index)
        }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), case .emptyInput = decoder.decode(&iterator)
        else { return nil }
        // Overlong and surrogate forms are rejected by the decoder; C1 controls are not text.
        guard scalar.value >= 0xA0 else { return nil }
        return (scalar, index, continuationCount + 1)
    }

    /// The Windows-1252 byte that decodes to `scalar`, if any.
    private static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x00...0x7F, 0xA0...0xFF: return UInt8(scalar.value)
        default: return windows1252High[scalar.value]
        }
    }

    /// Windows-1252's bytes 0x80–0x9F, which are not Latin-1 (five of them are unassigned).
    private static let windows1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E,
        0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97,
        0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
