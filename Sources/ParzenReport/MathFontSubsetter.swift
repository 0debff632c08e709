import CBrotli
import CHarfBuzz
import Foundation
import ParzenRunner
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
/// Subsets are kept by code-point set, in memory (pages of one render, or of one preview, that
/// use the same characters share the work) and in the project's cache folder (``subset(codepoints:cache:)``),
/// so a render after a prose edit neither subsets nor compresses: a subset cost ~25 ms and ~35 MB of
/// brotli's fresh memory, a look-up costs a file read. Same base font and code points → same bytes.
final class MathFontSubsetter: Sendable {
    /// The source font as base64 text (the sheet's data URL), decoded only when a subset is made.
    private let base64: String
    /// Identifies the source font in cache keys (the digest of its base64 text, which is the
    /// digest of its bytes in another spelling).
    private let sourceDigest: ContentDigest
    /// The source font's flavor and tables once decoded; nil inside when it cannot be read.
    private let source = Mutex<(flavor: UInt32, tables: [WOFF2.Table])??>(nil)
    private let made = Mutex<[Set<UInt32>: Outcome]>([:])

    /// Bumped when what a cached subset holds changes without its key showing it.
    static let formatVersion: UInt64 = 2  // 2: brotli window fitted to the input (`WOFF2.window(for:)`)

    /// A subsetter of the WOFF2 font in `base64`, read on first use (a font Parzen cannot read
    /// then gives no subsets, and pages embed the sheet as it is).
    init(base64: String) {
        self.base64 = base64
        var text = base64
        sourceDigest = text.withUTF8 { ContentDigest(of: UnsafeRawBufferPointer($0)) }
    }

    /// A subset and what went wrong with its cache entry, if anything.
    struct Outcome {
        /// The WOFF2 bytes; nil when the font cannot be read or HarfBuzz fails.
        var font: [UInt8]?
        /// A cache entry that was unusable (and replaced) or could not be written, and the fix;
        /// the page is the same either way.
        var cacheProblem: (message: String, fix: String)?
    }

    /// The WOFF2 subset holding `codepoints` (those the font has) and what the MATH table needs
    /// for them, from memory, else from `cache`, else made (and then stored in `cache`).
    /// Cost: one HarfBuzz subset and one brotli pass (quality ``WOFF2/quality``) per set new to
    /// the cache; a file read and checksum (~20 KB) otherwise.
    func subset(codepoints: Set<UInt32>, cache: ResultCache? = nil) -> Outcome {
        // A problem with the cache entry stays with the cut, so that the page made from it reports
        // it however often the set is asked for (`parzen render` cuts a page's font as soon as its
        // notebook is built, and again from memory when it writes the page).
        if let outcome = made.withLock({ $0[codepoints] }) { return outcome }
        let key = cache.map { _ in self.key(for: codepoints) }
        var problem: (message: String, fix: String)?
        if let cache, let key {
            switch cache.body(key, version: Self.formatVersion) {
            case .hit(let body):
                let outcome = Outcome(font: [UInt8](body))
                made.withLock { $0[codepoints] = outcome }
                return outcome
            case .miss: break
            case .unusable(let reason):
                problem = ("the cached math font of this page was unusable (\(reason)); made it again",
                           "nothing to do: the entry was replaced; `parzen clean` empties the cache")
            }
        }
        guard let font = makeSubset(codepoints) else { return Outcome(cacheProblem: problem) }
        if let cache, let key {
            do {
                try cache.store(body: Data(font), under: key, version: Self.formatVersion)
            } catch {
                problem = ("could not store this page's math font in the cache \(cache.folder.path): \(error)",
                           "make the folder writable, or render with --no-cache")
            }
        }
        let outcome = Outcome(font: font, cacheProblem: problem)
        made.withLock { $0[codepoints] = outcome }
        return outcome
    }

    /// What a subset depends on: the source font, the code points, and the code that makes it
    /// (HarfBuzz's and brotli's versions, the brotli quality), so that a cached subset is the
    /// one this build would make, byte for byte.
    private func key(for codepoints: Set<UInt32>) -> ContentDigest {
        var builder = DigestBuilder()
        builder.add("parzen math font subset")
        builder.add(Self.formatVersion)
        builder.add(sourceDigest)
        builder.add(String(cString: hb_version_string()))
        builder.add(UInt64(BrotliEncoderVersion()))
        builder.add(UInt64(WOFF2.quality))
        let sorted = codepoints.sorted()
        builder.add(UInt64(sorted.count))
        for codepoint in sorted { builder.add(UInt64(codepoint)) }
        return builder.digest
    }

    private func makeSubset(_ codepoints: Set<UInt32>) -> [UInt8]? {
        let decoded = source.withLock { source in
            if let decoded = source { return decoded }
            let decoded = Data(base64Encoded: base64).flatMap { try? WOFF2.decode([UInt8]($0)) }
            source = .some(decoded)
            return decoded
        }
        guard let (flavor, tables) = decoded else { return nil }
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
