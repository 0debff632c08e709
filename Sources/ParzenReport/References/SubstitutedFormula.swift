import ParzenFormat

/// A formula with its `\val{…}` replaced by the numbers' TeX, and the way back from an offset
/// in the new TeX to the author's, so that the parser's diagnostics still point into the notebook.
struct SubstitutedFormula {
    /// The TeX the writers typeset.
    private(set) var tex: String
    /// Each replacement: its UTF-8 range in `tex` and the range of the `\val{…}` it replaced.
    private var replacements: [(new: Range<Int>, old: Range<Int>)] = []
    /// Problems with the values, at their arguments.
    private(set) var diagnostics: [Diagnostic] = []

    /// `tex` with every use resolved by `lookup`; `locate` maps an offset in the author's TeX into the notebook.
    init(_ tex: String, values lookup: ValueLookup, locate: (Int) -> SourceLocation) {
        var bytes = Array(tex.utf8)
        var shift = 0
        var replacements: [(new: Range<Int>, old: Range<Int>)] = []
        for use in MathValueUse.uses(in: tex) {
            let replacement: String
            if let reference = use.reference {
                switch lookup.value(reference, at: locate(use.referenceOffset)) {
                case .success(let value): replacement = "{" + value.tex + "}"
                case .failure(let missing):
                    diagnostics += missing.diagnostic.map { [$0] } ?? []
                    replacement = "\\text{??}"
                }
            } else {
                diagnostics.append(Diagnostic(.error, file: lookup.file, at: locate(use.referenceOffset),
                                              "'\\val' needs a result in braces",
                                              fix: "write e.g. \\val{kde.nll_heldout}"))
                replacement = "\\text{??}"
            }
            let start = use.range.lowerBound + shift
            let new = Array(replacement.utf8)
            bytes.replaceSubrange(start..<(use.range.upperBound + shift), with: new)
            replacements.append((start..<(start + new.count), use.range))
            shift += new.count - use.range.count
        }
        self.tex = String(decoding: bytes, as: UTF8.self)
        self.replacements = replacements
    }

    /// The author's offset for `offset` in `tex`: inside a replacement, its `\val`'s start.
    func originalOffset(_ offset: Int) -> Int {
        var shift = 0
        for (new, old) in replacements {
            if offset < new.lowerBound { break }
            if offset < new.upperBound { return old.lowerBound }
            shift = new.upperBound - old.upperBound
        }
        return offset - shift
    }
}
