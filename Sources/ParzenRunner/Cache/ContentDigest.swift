import CXXHash
import Foundation

/// A 128-bit XXH3 digest: the result cache's keys and its entries' checksums.
///
/// XXH3 is not cryptographic; the cache needs only that two different inputs almost never
/// share a digest (2⁻¹²⁸ by chance), not resistance to an adversary — a cache folder is the
/// author's own. Cost: about 3 GB/s on this machine, so hashing a data file is negligible
/// beside parsing it.
public struct ContentDigest: Hashable, Sendable, Codable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    /// The digest of `bytes`.
    public init(of bytes: some ContiguousBytes) {
        let hash = bytes.withUnsafeBytes { XXH3_128bits($0.baseAddress, $0.count) }
        high = hash.high64
        low = hash.low64
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// 32 lowercase hex digits, the cache's file name for a key.
    public var description: String { Self.hex(high) + Self.hex(low) }

    private static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Builds a digest from a sequence of fields. Each field is written with its length first,
/// so that ("ab", "c") and ("a", "bc") never hash alike.
public struct DigestBuilder {
    private var bytes: [UInt8] = []

    public init() {}

    public mutating func add(_ text: String) {
        add(Array(text.utf8))
    }

    public mutating func add(_ field: [UInt8]) {
        add(UInt64(field.count))
        bytes += field
    }

    public mutating func add(_ digest: ContentDigest) {
        add(digest.high)
        add(digest.low)
    }

    public mutating func add(_ word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { bytes += $0 }
    }

    public var digest: ContentDigest { ContentDigest(of: bytes) }
}
