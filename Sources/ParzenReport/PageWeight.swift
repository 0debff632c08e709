/// What a page's bytes are spent on, for `parzen render --budget`: the embedded math font,
/// the other styles, each figure, all formulas together, and the rest (text and markup).
/// Measured on the finished page in UTF-8 bytes, which is what a reader downloads uncompressed.
public struct PageWeight: Sendable, Equatable {
    /// One part and its size in bytes.
    public struct Part: Sendable, Equatable {
        public var name: String
        public var bytes: Int
    }

    /// The whole page, in bytes.
    public var total: Int
    /// The parts, largest first (ties by name); their sizes add up to ``total``.
    public var parts: [Part]

    /// Measures `html` as Parzen's templates write it: style sheets inlined in `<style>`, the
    /// math font as a `url(data:font/…)` in them; figures as `<figure …>…</figure>`; formulas as
    /// `<math …>…</math>`. Cost: one pass over the page per kind of part, O(n).
    public init(html: String) {
        let bytes = Array(html.utf8)
        total = bytes.count
        var parts: [Part] = []
        var counted = 0
        if let style = Self.ranges(of: "<style>", to: "</style>", in: bytes).first {
            let sheet = Array(bytes[style])
            // The font is embedded as a data URL in an @font-face rule.
            let font = Self.ranges(of: "url(data:font/", to: ")", in: sheet).reduce(0) { $0 + $1.count }
            if font > 0 { parts.append(Part(name: "math font", bytes: font)) }
            parts.append(Part(name: "styles", bytes: style.count - font))
            counted += style.count
        }
        for figure in Self.ranges(of: "<figure", to: "</figure>", in: bytes) {
            let head = String(decoding: bytes[figure.prefix(200)], as: UTF8.self)
            let id = head.firstRange(of: "id=\"").map { head[$0.upperBound...].prefix { $0 != "\"" } }
            parts.append(Part(name: "figure" + (id.map { " #\($0)" } ?? ""), bytes: figure.count))
            counted += figure.count
        }
        let formulas = Self.ranges(of: "<math", to: "</math>", in: bytes)
        if !formulas.isEmpty {
            // Formulas inside figure captions are counted with their figure too; the overlap is
            // small and the ranking is what matters.
            let size = formulas.reduce(0) { $0 + $1.count }
            parts.append(Part(name: formulas.count == 1 ? "1 formula" : "\(formulas.count) formulas", bytes: size))
            counted += size
        }
        parts.append(Part(name: "text and markup", bytes: max(0, total - counted)))
        self.parts = parts.sorted { ($1.bytes, $0.name) < ($0.bytes, $1.name) }
    }

    /// The byte ranges from each `open` to the end of the next `close` (not nested).
    static func ranges(of open: String, to close: String, in bytes: [UInt8]) -> [Range<Int>] {
        let open = Array(open.utf8), close = Array(close.utf8)
        var ranges: [Range<Int>] = []
        var index = 0
        while let start = find(open, in: bytes, from: index),
              let end = find(close, in: bytes, from: start + open.count) {
            ranges.append(start..<(end + close.count))
            index = end + close.count
        }
        return ranges
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
