import Foundation

/// Byte searches in UTF-8 text, for the scans of whole pages and sheets (hundreds of KB) that a
/// `String` search would walk Character by Character.
enum UTF8Search {
    /// The offset of the first `needle` in `bytes` at or after `start`: `memchr` for its first
    /// byte, `memcmp` for the rest (glibc's `memmem` is not visible to Swift).
    static func offset(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, let base = bytes.baseAddress else { return nil }
        var index = start
        while index + count <= bytes.count {
            guard let hit = memchr(base + index, Int32(needle.utf8Start.pointee), bytes.count - count + 1 - index)
            else { return nil }
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if memcmp(base + offset, needle.utf8Start, count) == 0 { return offset }
            index = offset + 1
        }
        return nil
    }
}
