import CHarfBuzz
import Synchronization

/// Cuts the bundled math font (templates/math-font.css, ~71 KB of WOFF2) down to the glyphs one
/// page uses, with HarfBuzz's subsetter, as a new WOFF2 file (~17-21 KB for the tutorials).
///
/// The OpenType MATH table is kept, and HarfBuzz adds to the subset the glyphs it refers to from
/// the kept ones (size variants and assembly parts of stretchy operators, radicals), so stretchy
/// brackets and roots look as with the whole font. As in scripts/subset-math-font.sh: no layout
/// features (browsers lay out MathML from the MATH table), no hinting, desubroutinised CFF, and
/// every name record (the copyright and GUST Font License text).
///
/// Subsets are cached by code-point set, so pages of one render that use the same characters
/// share the work. Same base font and code points → same bytes.
final class MathFontSubsetter: Sendable {
    private let flavor: UInt32
    private let tables: [WOFF2.Table]
    private let cache = Mutex<[Set<UInt32>: [UInt8]]>([:])

    /// A subsetter of `font`, a WOFF2 file with untransformed tables; nil when it cannot be read.
    init?(woff2 font: [UInt8]) {
        guard let (flavor, tables) = try? WOFF2.decode(font) else { return nil }
        self.flavor = flavor
        self.tables = tables
    }

    /// The WOFF2 subset holding `codepoints` (those the font has) and what the MATH table needs for
    /// them; nil when HarfBuzz fails. Cost: one subset and one brotli pass (quality 11) per new set,
    /// a dictionary look-up after.
    func subset(codepoints: Set<UInt32>) -> [UInt8]? {
        if let cached = cache.withLock({ $0[codepoints] }) { return cached }
        guard let font = makeSubset(codepoints) else { return nil }
        cache.withLock { $0[codepoints] = font }
        return font
    }

    private func makeSubset(_ codepoints: Set<UInt32>) -> [UInt8]? {
        let builder = hb_face_builder_create()
        defer { hb_face_destroy(builder) }
        for table in tables {
            let blob = Self.blob(table.data)
            hb_face_builder_add_table(builder, table.tag, blob)
            hb_blob_destroy(blob)
        }
        // A face over the serialised sfnt: the builder face only answers whole-font queries.
        let sfnt = hb_face_reference_blob(builder)
        let source = hb_face_create(sfnt, 0)
        hb_blob_destroy(sfnt)
        defer { hb_face_destroy(source) }

        guard let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let unicodes = hb_subset_input_unicode_set(input)
        for codepoint in codepoints.sorted() { hb_set_add(unicodes, codepoint) }
        hb_set_clear(hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG))
        hb_set_add_range(hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID), 0, 0x7FFF)
        hb_set_add_range(hb_subset_input_set(input, HB_SUBSET_SETS_NAME_LANG_ID), 0, 0xFFFF)
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue | HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue)
        guard let subset = hb_subset_or_fail(source, input) else { return nil }
        defer { hb_face_destroy(subset) }
        return WOFF2.encode(tables: Self.tables(of: subset), flavor: flavor)
    }

    /// The tables of a face, read from its serialised sfnt.
    private static func tables(of face: OpaquePointer) -> [WOFF2.Table] {
        let sfnt = hb_face_reference_blob(face)
        let parsed = hb_face_create(sfnt, 0)
        hb_blob_destroy(sfnt)
        defer { hb_face_destroy(parsed) }
        var count = hb_face_get_table_tags(parsed, 0, nil, nil)
        var tags = [hb_tag_t](repeating: 0, count: Int(count))
        _ = hb_face_get_table_tags(parsed, 0, &count, &tags)
        return tags.prefix(Int(count)).map { tag in
            let blob = hb_face_reference_table(parsed, tag)
            defer { hb_blob_destroy(blob) }
            var length: UInt32 = 0
            guard let data = hb_blob_get_data(blob, &length), length > 0 else { return WOFF2.Table(tag: tag, data: []) }
            return WOFF2.Table(tag: tag, data: data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            })
        }
    }

    /// A blob owning a copy of `bytes` (HarfBuzz frees it with the blob).
    private static func blob(_ bytes: [UInt8]) -> OpaquePointer? {
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        copy.initialize(from: bytes, count: bytes.count)
        return copy.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            hb_blob_create($0, UInt32(bytes.count), HB_MEMORY_MODE_READONLY, copy) {
                $0?.assumingMemoryBound(to: UInt8.self).deallocate()
            }
        }
    }
}
