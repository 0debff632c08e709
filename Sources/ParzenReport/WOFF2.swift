import CBrotli

/// The WOFF2 container (W3C WOFF File Format 2.0) around an OpenType font's tables, written and
/// read here over brotli's C API.
///
/// Why not Google's woff2 library (Debian's libwoff-dev): its API is C++ only, which a Swift
/// system-library target cannot import. The container itself is small: a header, a table
/// directory and one brotli stream of the tables. Tables are stored with the null transform
/// (spec §5: transform version 3 for glyf/loca, 0 for the rest), so no glyf reconstruction is
/// needed on either side; Latin Modern Math has CFF outlines, where WOFF2 defines no transform at
/// all, so this costs its math font nothing. Metadata and private blocks are never written.
enum WOFF2 {
    /// One sfnt table: its tag (four ASCII bytes, as a big-endian number) and its bytes.
    struct Table: Equatable {
        var tag: UInt32
        var data: [UInt8]
    }

    /// Why a font could not be read.
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// The WOFF2 file of `tables` (any order; written sorted by tag, as sfnt requires) for an
    /// sfnt of the given `flavor` (0x4F54544F "OTTO" for CFF outlines, 0x00010000 for TrueType).
    /// Deterministic: the same tables give the same bytes. Cost: one brotli pass at ``quality``.
    static func encode(tables unsorted: [Table], flavor: UInt32) -> [UInt8] {
        let tables = unsorted.sorted { $0.tag < $1.tag }
        var stream: [UInt8] = []
        var directory: [UInt8] = []
        for table in tables {
            stream += table.data
            let known = knownTags.firstIndex(of: table.tag)
            let nullTransform: UInt8 = table.tag == tag("glyf") || table.tag == tag("loca") ? 3 << 6 : 0
            directory.append(UInt8(known ?? 63) | nullTransform)
            if known == nil { directory += bigEndian(table.tag) }
            directory += base128(UInt32(table.data.count))
        }
        let compressed = compress(stream)
        // The sfnt a decoder rebuilds: offset table, 16-byte records, tables padded to 4 bytes.
        let sfntSize = tables.reduce(12 + 16 * tables.count) { $0 + ($1.data.count + 3) & ~3 }
        let headerSize = 48
        let length = (headerSize + directory.count + compressed.count + 3) & ~3
        var file: [UInt8] = []
        file += bigEndian(tag("wOF2")) + bigEndian(flavor) + bigEndian(UInt32(length))
        file += bigEndian16(UInt16(tables.count)) + bigEndian16(0)
        file += bigEndian(UInt32(sfntSize)) + bigEndian(UInt32(compressed.count))
        file += bigEndian16(1) + bigEndian16(0)  // font version: the head table's is what counts
        file += [UInt8](repeating: 0, count: 20)  // no metadata, no private block
        file += directory + compressed
        file += [UInt8](repeating: 0, count: length - file.count)
        return file
    }

    /// The flavor and tables of a WOFF2 file whose tables use the null transform (as fontTools
    /// writes fonts with CFF outlines). Throws for transformed glyf/loca/hmtx tables, collections
    /// and damaged files.
    static func decode(_ file: [UInt8]) throws -> (flavor: UInt32, tables: [Table]) {
        var reader = Reader(bytes: file)
        guard try reader.uint32() == tag("wOF2") else { throw ReadError(description: "not a WOFF2 file") }
        let flavor = try reader.uint32()
        guard flavor != tag("ttcf") else { throw ReadError(description: "font collections are not read") }
        _ = try reader.uint32()
        let count = Int(try reader.uint16())
        reader.offset = 20
        let streamSize = Int(try reader.uint32())
        reader.offset = 48
        var entries: [(tag: UInt32, length: Int)] = []
        for _ in 0..<count {
            let flags = try reader.byte()
            let tag = flags & 63 == 63 ? try reader.uint32() : knownTags[Int(flags & 63)]
            let version = flags >> 6
            let isGlyphTable = tag == Self.tag("glyf") || tag == Self.tag("loca")
            guard isGlyphTable ? version == 3 : version == 0 else {
                throw ReadError(description: "transformed table \(name(of: tag)) is not read")
            }
            entries.append((tag, Int(try reader.base128())))
        }
        guard reader.offset + streamSize <= file.count else { throw ReadError(description: "truncated file") }
        let stream = try decompress(Array(file[reader.offset..<(reader.offset + streamSize)]),
                                    size: entries.reduce(0) { $0 + $1.length })
        var tables: [Table] = []
        var start = 0
        for entry in entries {
            tables.append(Table(tag: entry.tag, data: Array(stream[start..<(start + entry.length)])))
            start += entry.length
        }
        return (flavor, tables)
    }

    /// A tag's number from its four ASCII characters.
    static func tag(_ text: String) -> UInt32 {
        text.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func name(of tag: UInt32) -> String {
        String(decoding: bigEndian(tag), as: UTF8.self)
    }

    /// Spec §5.1, Table 2: the tags a directory entry names by index (63 = tag follows).
    static let knownTags: [UInt32] = """
        cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp \
        hdmx kern LTSH PCLT VDMX vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL \
        SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx \
        opbd prop trak Zapf Silf Glat Gloc Feat Sill
        """.split(separator: " ", omittingEmptySubsequences: true).map { tag(String($0).padding(4)) }

    /// Brotli's quality. 11, its maximum, saves 1.5-2.1 KB on each bundled notebook's page
    /// (266,098 against 268,202 bytes for the main tutorial) but takes ~70 ms per cut against
    /// ~20 ms here. Cuts are cached (``MathFontSubsetter``), yet every `--no-cache` render and
    /// every save that adds a formula character pays it: the main tutorial's `--no-cache` render
    /// took 30-55 ms more CPU at 11, past the 250 ms it is held to (#15).
    static let quality: Int32 = 9

    /// The window for `count` bytes: the smallest that holds the whole input (brotli's range
    /// is 2¹⁰…2²⁴). A cut is ~40-60 KB, and the default 4 MB window made brotli allocate and
    /// clear memory sized for it: a seed-post render spent 22.8 ms in the kernel, 7.5 ms with
    /// this window. No match reaches back past the input's start, so a larger window finds
    /// nothing more; brotli's other choices depend on the window a little (the seed post's
    /// page was 56 bytes larger).
    static func window(for count: Int) -> Int32 {
        var bits: Int32 = 10
        while bits < 24, 1 << bits < count { bits += 1 }
        return bits
    }

    private static func compress(_ input: [UInt8]) -> [UInt8] {
        var size = BrotliEncoderMaxCompressedSize(input.count)
        var output = [UInt8](repeating: 0, count: size)
        let done = input.withUnsafeBufferPointer { source in
            BrotliEncoderCompress(Self.quality, window(for: source.count), BROTLI_MODE_FONT,
                                  source.count, source.baseAddress, &size, &output)
        }
        // Only an output buffer smaller than BrotliEncoderMaxCompressedSize can make it fail.
        precondition(done == BROTLI_TRUE, "brotli failed with a buffer of its own maximum size")
        return Array(output.prefix(size))
    }

    private static func decompress(_ input: [UInt8], size: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        var written = size
        let result = input.withUnsafeBufferPointer {
            BrotliDecoderDecompress($0.count, $0.baseAddress, &written, &output)
        }
        guard result == BROTLI_DECODER_RESULT_SUCCESS, written == size else {
            throw ReadError(description: "the brotli stream does not hold the tables the directory lists")
        }
        return output
    }

    private static func base128(_ value: UInt32) -> [UInt8] {
        var groups: [UInt8] = [UInt8(value & 0x7F)]
        var rest = value >> 7
        while rest > 0 {
            groups.insert(UInt8(rest & 0x7F) | 0x80, at: 0)
            rest >>= 7
        }
        return groups
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func bigEndian16(_ value: UInt16) -> [UInt8] {
        [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    /// Big-endian reads with bounds checks.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw ReadError(description: "truncated file") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func uint16() throws -> UInt16 {
            UInt16(try byte()) << 8 | UInt16(try byte())
        }

        mutating func uint32() throws -> UInt32 {
            UInt32(try uint16()) << 16 | UInt32(try uint16())
        }

        /// Spec §4.1 UIntBase128: at most five bytes, no leading zero group, fits in 32 bits.
        mutating func base128() throws -> UInt32 {
            var value: UInt32 = 0
            for index in 0..<5 {
                let next = try byte()
                guard !(index == 0 && next == 0x80), value & 0xFE00_0000 == 0 else {
                    throw ReadError(description: "bad UIntBase128 number")
                }
                value = value << 7 | UInt32(next & 0x7F)
                if next & 0x80 == 0 { return value }
            }
            throw ReadError(description: "UIntBase128 number longer than five bytes")
        }
    }
}

private extension String {
    /// The tag spelled with trailing spaces to four characters ("cvt" → "cvt ").
    func padding(_ length: Int) -> String {
        self + String(repeating: " ", count: max(0, length - count))
    }
}
