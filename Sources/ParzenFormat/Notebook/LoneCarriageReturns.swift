/// What a line of a notebook is: text up to "\n", "\r\n" or a lone "\r" — CommonMark's
/// definition, which cmark-gfm applies to the body, and YAML's for the front matter. Reading
/// every lone "\r" (classic Mac OS line ends, or one stray in a CRLF file) as "\n" once, before
/// anything else reads the text, gives every layer (front matter, fences, math, diagnostics,
/// the `.ipynb` cells) the lines cmark counts, so no layer counts them its own way. `parzen.yml`
/// is read the same way.
enum LoneCarriageReturns {
    /// `text` with each "\r" not followed by "\n" replaced by "\n"; "\r\n" is kept. Columns do
    /// not change (a line end is not a column), so every position is the author's editor's.
    /// One pass over the UTF-8; `text` itself when it holds no "\r".
    static func asLineFeeds(_ text: String) -> String {
        let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")
        guard text.utf8.contains(carriageReturn) else { return text }
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] == carriageReturn {
            if index + 1 == bytes.count || bytes[index + 1] != lineFeed { bytes[index] = lineFeed }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
