/// The math alphabets of `\mathbf`, `\mathbb`, `\mathcal`, …, mapped onto Unicode's
/// Mathematical Alphanumeric Symbols (U+1D400…), which MathML Core renders with the math
/// font (`mathvariant` other than "normal" is not part of MathML Core).
///
/// See https://www.unicode.org/charts/PDF/U1D400.pdf; letters that Unicode encoded earlier
/// (ℝ, ℬ, ℎ, …) leave holes in the block and are listed in `letterlikeExceptions`.
enum MathAlphabet: Equatable {
    case roman, bold, italic, boldItalic, script, fraktur, doubleStruck, sansSerif, sansSerifBold, monospace

    /// Maps every letter and digit of `text` into the alphabet; other characters are kept.
    func apply(to text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(map(scalar))
        }
        return String(result)
    }

    private func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if let exception = MathAlphabet.letterlikeExceptions[self]?[scalar] { return exception }
        var code: UInt32?
        switch value {
        case 0x41...0x5A:
            code = latinBase.map { $0 + value - 0x41 }
        case 0x61...0x7A:
            code = latinBase.map { $0 + 26 + value - 0x61 }
        case 0x30...0x39:
            code = digitBase.map { $0 + value - 0x30 }
        case 0x391...0x3A9:
            code = greekBase(uppercase: true).map { $0 + value - 0x391 }
        case 0x3B1...0x3C9:
            code = greekBase(uppercase: false).map { $0 + 26 + value - 0x3B1 }
        default:
            code = nil
        }
        return code.flatMap(Unicode.Scalar.init) ?? scalar
    }

    /// First code point (bold capital A, …) of the Latin letters of this alphabet.
    private var latinBase: UInt32? {
        switch self {
        case .roman: return nil
        case .bold: return 0x1D400
        case .italic: return 0x1D434
        case .boldItalic: return 0x1D468
        case .script: return 0x1D49C
        case .fraktur: return 0x1D504
        case .doubleStruck: return 0x1D538
        case .sansSerif: return 0x1D5A0
        case .sansSerifBold: return 0x1D5D4
        case .monospace: return 0x1D670
        }
    }

    private var digitBase: UInt32? {
        switch self {
        case .bold, .boldItalic: return 0x1D7CE
        case .doubleStruck: return 0x1D7D8
        case .sansSerif: return 0x1D7E2
        case .sansSerifBold: return 0x1D7EC
        case .monospace: return 0x1D7F6
        default: return nil
        }
    }

    /// First code point of the Greek block (capital Alpha) of this alphabet. As in TeX,
    /// `\mathbf` and `\boldsymbol` set capitals upright bold; `\mathbf` leaves lowercase
    /// Greek alone, `\boldsymbol` makes it bold italic.
    private func greekBase(uppercase: Bool) -> UInt32? {
        switch self {
        case .bold: return uppercase ? 0x1D6A8 : nil
        case .boldItalic: return uppercase ? 0x1D6A8 : 0x1D71C
        case .italic: return 0x1D6E2
        case .sansSerifBold: return 0x1D756
        default: return nil
        }
    }

    /// Letters already encoded in the Letterlike Symbols block before U+1D400 existed.
    private static let letterlikeExceptions: [MathAlphabet: [Unicode.Scalar: Unicode.Scalar]] = [
        .italic: ["h": "\u{210E}"],
        .script: ["B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
                  "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}", "o": "\u{2134}"],
        .fraktur: ["C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}"],
        .doubleStruck: ["C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}",
                        "R": "\u{211D}", "Z": "\u{2124}"],
    ]
}
