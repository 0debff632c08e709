/// One `\val{label.key}` in a formula: a computed number typeset where the author wrote it.
///
/// Why a TeX command and not the `{value}` role inside math: a formula is TeX, and `\val{…}`
/// is one control sequence with a brace group, which every TeX reader tokenises the same way
/// (ParzenMath, LaTeX, Jupyter's MathJax), whereas a role's backticks mean nothing to TeX and
/// `{value}` would typeset as the letters "value". Its argument is read as written, so the
/// underscores of `nll_difference` are not subscripts. An unresolved `\val` stops LaTeX with
/// "undefined control sequence" instead of printing a wrong number. (`\value` is LaTeX's
/// counter command, so the name is exactly `\val`, never followed by a letter.)
struct MathValueUse: Equatable {
    /// UTF-8 range of `\val{…}` in the TeX, braces included.
    var range: Range<Int>
    /// The argument as written; nil when `\val` has no `{…}` after it.
    var reference: String?
    /// UTF-8 offset of the argument's first character (of `\val` when there is none).
    var referenceOffset: Int

    /// The uses in `tex`, left to right. `\\val` (a line break, then letters) and `%` comments
    /// are skipped, as TeX skips them.
    static func uses(in tex: String) -> [MathValueUse] {
        let bytes = Array(tex.utf8)
        var uses: [MathValueUse] = []
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "%"):
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "\\"):
                let name = Array("val".utf8)
                let start = i
                i += 1
                guard i + name.count <= bytes.count, Array(bytes[i..<(i + name.count)]) == name,
                      i + name.count == bytes.count || !Self.isLetter(bytes[i + name.count]) else {
                    i += 1  // the escaped character, `\\` included
                    continue
                }
                i += name.count
                var open = i
                while open < bytes.count, bytes[open] == UInt8(ascii: " ") { open += 1 }
                guard open < bytes.count, bytes[open] == UInt8(ascii: "{"),
                      let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else {
                    uses.append(MathValueUse(range: start..<i, reference: nil, referenceOffset: start))
                    continue
                }
                let argument = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
                uses.append(MathValueUse(range: start..<(close + 1), reference: argument, referenceOffset: open + 1))
                i = close + 1
            default:
                i += 1
            }
        }
        return uses
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
