import Foundation

/// The bytes of one cache entry on disk, and their checks.
///
/// Layout (integers little-endian): the magic `PZCACHE\n`; the format version (8 bytes);
/// the key the entry was stored under (16); the XXH3-128 checksum of everything after it
/// (16); then the body. A file that is short, foreign, from another format version, under
/// another key or with a wrong checksum is refused with the reason, never decoded.
///
/// A result's body is the length of its header (8), the header as JSON (the warnings, or
/// the error of a failure), and the result's bytes (`ResultCoding`; none for a failure),
/// its payload last. Other entries (the math font subsets of pages) frame a body of their
/// own under their own format version.
enum CacheEntryFile {
    static let magic = Array("PZCACHE\n".utf8)
    private static let frameSize = 8 + 8 + 16 + 16

    /// What an entry says besides the result's bytes.
    struct Header: Codable, Sendable {
        var warnings: [CachedMessage] = []
        /// The error the directive failed with; the entry then has no result.
        var failure: CachedMessage?
        /// How many of the result's bytes, at their end, are its payload (stored apart, so
        /// that it is decoded only when read: `DeferredPayload`).
        var payloadCount = 0
    }

    /// The file of a result entry.
    static func bytes(key: ContentDigest, header: Header, result: Data) throws -> Data {
        let headerBytes = try JSONEncoder().encode(header)
        var body = Data()
        append(UInt64(headerBytes.count), to: &body)
        body += headerBytes
        body += result
        return framed(body, key: key, version: ResultKey.formatVersion)
    }

    /// The header and the result's bytes of a result entry, or why the file is unusable.
    static func read(_ file: Data, key: ContentDigest) -> Result<(header: Header, result: Data), Refusal> {
        body(of: file, key: key, version: ResultKey.formatVersion).flatMap { body in
            guard body.count >= 8 else { return .failure(Refusal("it is truncated")) }
            let count = word(body, at: body.startIndex)
            guard count <= UInt64(body.count - 8) else { return .failure(Refusal("it is truncated")) }
            let headerStart = body.startIndex + 8
            let resultStart = headerStart + Int(count)
            guard let header = try? JSONDecoder().decode(Header.self, from: body[headerStart..<resultStart]) else {
                return .failure(Refusal("its header cannot be read"))
            }
            return .success((header, Data(body[resultStart...])))
        }
    }

    /// `body` in an entry's frame: magic, `version`, `key`, checksum.
    static func framed(_ body: Data, key: ContentDigest, version: UInt64) -> Data {
        var file = Data(magic)
        file.reserveCapacity(frameSize + body.count)
        append(version, to: &file)
        append(key, to: &file)
        append(ContentDigest(of: body), to: &file)
        return file + body
    }

    /// The body of an entry framed under `key` in format `version`, or why the file is unusable.
    static func body(of file: Data, key: ContentDigest, version: UInt64) -> Result<Data, Refusal> {
        let file = file.startIndex == 0 ? file : Data(file)
        guard file.count >= frameSize else { return .failure(Refusal("it is truncated")) }
        guard file.prefix(8).elementsEqual(magic) else { return .failure(Refusal("it is not a Parzen cache entry")) }
        guard word(file, at: 8) == version else { return .failure(Refusal("it was written in another cache format")) }
        guard ContentDigest(high: word(file, at: 16), low: word(file, at: 24)) == key else {
            return .failure(Refusal("it belongs to another key"))
        }
        let body = file[frameSize...]
        let checksum = ContentDigest(high: word(file, at: 32), low: word(file, at: 40))
        guard ContentDigest(of: body) == checksum else {
            return .failure(Refusal("its checksum does not match (the file was changed or cut short)"))
        }
        return .success(body)
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

    /// The little-endian word at `offset` (an index of `bytes`).
    private static func word(_ bytes: Data, at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        return value
    }
}
