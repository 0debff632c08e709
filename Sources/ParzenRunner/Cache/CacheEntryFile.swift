import Foundation

/// The bytes of one cache entry on disk, and their checks.
///
/// Layout (integers little-endian): the magic `PZCACHE\n`; the format version (8 bytes);
/// the key the entry was stored under (16); the XXH3-128 checksum of everything after it
/// (16); the length of the header (8); the header as JSON (the warnings, or the error of a
/// failure); the result's bytes (`ResultCoding`; none for a failure), its payload last. A
/// file that is short, foreign, from another format version, under another key or with a
/// wrong checksum is refused with the reason, never decoded.
enum CacheEntryFile {
    static let magic = Array("PZCACHE\n".utf8)
    private static let headerSize = 8 + 8 + 16 + 16

    /// What an entry says besides the result's bytes.
    struct Header: Codable, Sendable {
        var warnings: [CachedMessage] = []
        /// The error the directive failed with; the entry then has no result.
        var failure: CachedMessage?
        /// How many of the result's bytes, at their end, are its payload (stored apart, so
        /// that it is decoded only when read: `DeferredPayload`).
        var payloadCount = 0
    }

    static func bytes(key: ContentDigest, header: Header, result: Data) throws -> Data {
        let headerBytes = try JSONEncoder().encode(header)
        var body = Data()
        append(UInt64(headerBytes.count), to: &body)
        body += headerBytes
        body += result
        var file = Data(magic)
        append(ResultKey.formatVersion, to: &file)
        append(key, to: &file)
        append(ContentDigest(of: body), to: &file)
        return file + body
    }

    /// The header and the result's bytes, or why the file is unusable.
    static func read(_ file: Data, key: ContentDigest) -> Result<(header: Header, result: Data), Refusal> {
        let bytes = [UInt8](file)
        guard bytes.count >= headerSize + 8 else { return .failure(Refusal("it is truncated")) }
        guard Array(bytes[0..<8]) == magic else { return .failure(Refusal("it is not a Parzen cache entry")) }
        guard word(bytes, at: 8) == ResultKey.formatVersion else {
            return .failure(Refusal("it was written in another cache format"))
        }
        guard ContentDigest(high: word(bytes, at: 16), low: word(bytes, at: 24)) == key else {
            return .failure(Refusal("it belongs to another key"))
        }
        let body = bytes[headerSize...]
        let checksum = ContentDigest(high: word(bytes, at: 32), low: word(bytes, at: 40))
        guard ContentDigest(of: Array(body)) == checksum else {
            return .failure(Refusal("its checksum does not match (the file was changed or cut short)"))
        }
        let count = word(bytes, at: headerSize)
        guard count <= UInt64(body.count - 8) else { return .failure(Refusal("it is truncated")) }
        let headerStart = headerSize + 8
        let resultStart = headerStart + Int(count)
        let headerBytes = Data(bytes[headerStart..<resultStart])
        guard let header = try? JSONDecoder().decode(Header.self, from: headerBytes) else {
            return .failure(Refusal("its header cannot be read"))
        }
        return .success((header, Data(bytes[resultStart...])))
    }

    /// Why an entry cannot be used.
    struct Refusal: Error, Sendable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func append(_ word: UInt64, to data: inout Data) {
        withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func append(_ digest: ContentDigest, to data: inout Data) {
        append(digest.high, to: &data)
        append(digest.low, to: &data)
    }

    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        return value
    }
}
