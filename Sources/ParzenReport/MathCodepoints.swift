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
        // Found in the UTF-8 bytes: a String search went through the page's 260 KB (figures
        // included) Character by Character and took a tenth of a warm render.
        var html = html
        html.withUTF8 { bytes in
            var position = 0
            while let open = find(Array("<math".utf8), in: bytes, from: position) {
                let close = find(Array("</math>".utf8), in: bytes, from: open) ?? bytes.count
                collect(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[open..<close]), as: UTF8.self)),
                        into: &codepoints)
                position = close
            }
        }
        for scalar in codepoints.compactMap(Unicode.Scalar.init) {
            if let italic = italic(of: scalar) { codepoints.insert(italic) }
        }
        if codepoints.contains(0x2D) { codepoints.insert(0x2212) }
        return codepoints
    }

    /// The offset of the first `needle` in `bytes` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
    }

    /// The text of one formula's markup: characters outside tags, with `&…;` references decoded.
    /// Walks Unicode scalars, not Characters: grapheme breaking made this a tenth of a warm render.
    private static func collect(_ formula: Substring, into codepoints: inout Set<UInt32>) {
        if formula.contains("<msqrt") || formula.contains("<mroot") { codepoints.insert(0x221A) }
        let scalars = formula.unicodeScalars
        var inTag = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "<" {
                inTag = true
            } else if scalar == ">" {
                inTag = false
            } else if !inTag, scalar == "&", let end = scalars[index...].firstIndex(of: ";"),
                      let decoded = reference(Substring(scalars[scalars.index(after: index)..<end])) {
                codepoints.insert(decoded)
                index = scalars.index(after: end)
                continue
            } else if !inTag {
                codepoints.insert(scalar.value)
            }
            index = scalars.index(after: index)
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
