/// The characters a page's formulas need from the math font: the text of every `<math>` element
/// (entities decoded), plus the characters a browser draws without them being in the text.
///
/// - MathML Core's `math-auto` transform draws a single-letter `<mi>x</mi>` as 𝑥 (U+1D465):
///   every Latin and Greek letter brings its mathematical italic.
/// - `<msqrt>`/`<mroot>` draw U+221A √ (its size variants come from the MATH table).
/// - Gecko draws a hyphen-minus in `<mo>` as U+2212 −.
/// A few characters too many only cost a few glyphs; the space is always kept.
enum MathCodepoints {
    /// The code points of the page's formulas; nil when it has none (no `<math` in it).
    static func of(page html: String) -> Set<UInt32>? {
        var codepoints: Set<UInt32> = [0x20]
        // Walked as UTF-8 bytes: String searches went through the page's 260 KB (figures
        // included) Character by Character and took a tenth of a warm render.
        var html = html
        let found = html.withUTF8 { bytes in
            var position = 0
            var found = false
            while let open = UTF8Search.offset(of: "<math", in: bytes, from: position) {
                found = true
                let close = UTF8Search.offset(of: "</math>", in: bytes, from: open) ?? bytes.count
                collect(UnsafeBufferPointer(rebasing: bytes[open..<close]), into: &codepoints)
                position = close
            }
            return found
        }
        guard found else { return nil }
        for scalar in codepoints.compactMap(Unicode.Scalar.init) {
            if let italic = italic(of: scalar) { codepoints.insert(italic) }
        }
        if codepoints.contains(0x2D) { codepoints.insert(0x2212) }
        return codepoints
    }

    /// The text of one formula's markup (valid UTF-8): characters outside tags, with `&…;`
    /// references decoded, and U+221A when it has a root.
    private static func collect(_ formula: UnsafeBufferPointer<UInt8>, into codepoints: inout Set<UInt32>) {
        if UTF8Search.offset(of: "<msqrt", in: formula, from: 0) != nil
            || UTF8Search.offset(of: "<mroot", in: formula, from: 0) != nil { codepoints.insert(0x221A) }
        var inTag = false
        var index = 0
        while index < formula.count {
            let byte = formula[index]
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if !inTag, byte == UInt8(ascii: "&"), let end = formula[index...].firstIndex(of: UInt8(ascii: ";")),
                      let decoded = reference(String(decoding: formula[(index + 1)..<end], as: UTF8.self)) {
                codepoints.insert(decoded)
                index = end + 1
                continue
            } else if !inTag {
                let (scalar, length) = scalar(in: formula, at: index)
                codepoints.insert(scalar)
                index += length
                continue
            }
            index += 1
        }
    }

    /// The scalar whose UTF-8 sequence starts at `index` of valid UTF-8, and its length.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard length > 1 else { return (lead, 1) }
        var value = lead & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    /// `amp`, `#60`, `#x3C` → the code point; nil for names ParzenMarkup never writes.
    private static func reference(_ name: String) -> UInt32? {
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
