/// The characters a page's formulas need from the math font: the text of every `<math>` element
/// (entities decoded), plus the characters a browser draws without them being in the text.
///
/// - MathML Core's `math-auto` transform draws a single-letter `<mi>x</mi>` as 𝑥 (U+1D465):
///   every Latin and Greek letter brings its mathematical italic.
/// - `<msqrt>`/`<mroot>` draw U+221A √ (its size variants come from the MATH table).
/// - Gecko draws a hyphen-minus in `<mo>` as U+2212 −.
/// A few characters too many only cost a few glyphs; the space is always kept.
enum MathCodepoints {
    static func of(page html: String) -> Set<UInt32> {
        var codepoints: Set<UInt32> = [0x20]
        var rest = Substring(html)
        while let open = rest.firstRange(of: "<math") {
            let close = rest[open.upperBound...].firstRange(of: "</math>")
            let formula = rest[open.lowerBound..<(close?.lowerBound ?? rest.endIndex)]
            collect(formula, into: &codepoints)
            rest = rest[(close?.upperBound ?? rest.endIndex)...]
        }
        for scalar in codepoints.compactMap(Unicode.Scalar.init) {
            if let italic = italic(of: scalar) { codepoints.insert(italic) }
        }
        if codepoints.contains(0x2D) { codepoints.insert(0x2212) }
        return codepoints
    }

    /// The text of one formula's markup: characters outside tags, with `&…;` references decoded.
    private static func collect(_ formula: Substring, into codepoints: inout Set<UInt32>) {
        if formula.contains("<msqrt") || formula.contains("<mroot") { codepoints.insert(0x221A) }
        var inTag = false
        var index = formula.startIndex
        while index < formula.endIndex {
            let character = formula[index]
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag, character == "&", let end = formula[index...].firstIndex(of: ";"),
                      let scalar = reference(formula[formula.index(after: index)..<end]) {
                codepoints.insert(scalar)
                index = formula.index(after: end)
                continue
            } else if !inTag {
                for scalar in character.unicodeScalars { codepoints.insert(scalar.value) }
            }
            index = formula.index(after: index)
        }
    }

    /// `amp`, `#60`, `#x3C` → the code point; nil for names ParzenMarkup never writes.
    private static func reference(_ name: Substring) -> UInt32? {
        switch name {
        case "amp": return 0x26
        case "lt": return 0x3C
        case "gt": return 0x3E
        case "quot": return 0x22
        case "apos": return 0x27
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") { return UInt32(name.dropFirst(2), radix: 16) }
            if name.hasPrefix("#") { return UInt32(name.dropFirst()) }
            return nil
        }
    }

    /// The Mathematical Alphanumeric italic of a Latin or Greek letter (Unicode's table for MathML
    /// Core's `math-auto`), with its holes filled from Letterlike Symbols (ℎ).
    private static func italic(of scalar: Unicode.Scalar) -> UInt32? {
        let value = scalar.value
        switch value {
        case 0x68: return 0x210E
        case 0x41...0x5A: return 0x1D434 + value - 0x41
        case 0x61...0x7A: return 0x1D44E + value - 0x61
        case 0x391...0x3A9: return 0x1D6E2 + value - 0x391
        case 0x3B1...0x3C9: return 0x1D6FC + value - 0x3B1
        case 0x131: return 0x1D6A4
        case 0x237: return 0x1D6A5
        default: return nil
        }
    }
}
