import Foundation

/// The bytes of one cache entry on disk, and their checks.
///
/// Layout (integers little-endian): the magic `PZCACHE\n`; the format version (8 bytes);
/// the key the entry was stored under (16); the XXH3-128 checksum of everything after it
/// (16); the length of the warnings (8), the warnings as JSON, and the result's bytes
/// (`ResultCoding`). A file that is short, foreign, from another format version, under
/// another key or with a wrong checksum is refused with the reason, never decoded.
enum CacheEntryFile {
    static let magic = Array("PZCACHE\n".utf8)
    private static let headerSize = 8 + 8 + 16 + 16

    static func bytes(key: ContentDigest, warnings: [CachedWarning], result: Data) throws -> Data {
        let warningBytes = try JSONEncoder().encode(warnings)
        var body = Data()
        append(UInt64(warningBytes.count), to: &body)
        body += warningBytes
        body += result
        var file = Data(magic)
        append(ResultKey.formatVersion, to: &file)
        append(key, to: &file)
        append(ContentDigest(of: body), to: &file)
        return file + body
    }

    /// The warnings and the result's bytes, or why the file is unusable.
    static func read(_ file: Data, key: ContentDigest) -> Result<(warnings: [CachedWarning], result: Data), Refusal> {
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
        let warningsStart = headerSize + 8
        let resultStart = warningsStart + Int(count)
        let warningBytes = Data(bytes[warningsStart..<resultStart])
        guard let warnings = try? JSONDecoder().decode([CachedWarning].self, from: warningBytes) else {
            return .failure(Refusal("its warnings cannot be read"))
        }
        return .success((warnings, Data(bytes[resultStart...])))
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
