import ParzenFormat
import ParzenRunner

/// Findings reported to the layer that owns the fix and not fixed yet. Each is stepped over
/// here so that the fuzzer explores past it; its minimised input is in `fuzz/known/`. When a
/// fix lands: delete its entry, move the input to `fuzz/findings/` (replayed by `make test`).
enum KnownFindings {
    /// tex-control-character (ParzenMath): a C0 control character in the TeX becomes `<mi>`
    /// text and stays raw in `alttext` and the annotation, with no diagnostic; XML forbids it
    /// (TeX reports "invalid character"). Removed from the input.
    static func withoutControlCharacters(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    }

    /// yaml-error-past-the-end (ParzenFormat's YAMLReader): when libyaml finds the problem only
    /// at the end of a body that lacks a final newline, the error points at column 1 of the line
    /// after the input.
    static func isYAMLErrorPastTheEnd(_ diagnostic: Diagnostic, in extent: TextExtent) -> Bool {
        diagnostic.message.hasPrefix("invalid YAML")
            && diagnostic.location == SourceLocation(line: extent.lineLengths.count + 1, column: 1)
    }

    /// yaml-lone-carriage-return (ParzenFormat's YAMLReader): libyaml counts a lone "\r" as a
    /// line break, and the error's line is then off (past the end, or on the closing fence).
    static func isYAMLErrorAfterLoneCarriageReturn(_ diagnostic: Diagnostic, in text: String) -> Bool {
        guard diagnostic.message.hasPrefix("invalid YAML") else { return false }
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.contains { scalars[$0] == "\r" && ($0 + 1 == scalars.count || scalars[$0 + 1] != "\n") }
    }

    /// csv-column-after-multiline-field (ParzenRunner's CSVTable): after a quoted field that
    /// spans lines, the columns of the record's later fields (and of "a quoted field is never
    /// closed") are given on the record's first line. csv-carriage-return-in-quoted-field: a
    /// "\r" ends a line outside quotes but not inside them, so lines and columns drift.
    static func isColumnAfterMultilineField(_ table: CSVTable?, text: String, message: String? = nil) -> Bool {
        if message == "a quoted field is never closed" || text.unicodeScalars.contains("\r") { return true }
        guard let table else { return false }
        return (table.header + table.rows.joined()).contains { $0.contains("\n") }
    }
}
