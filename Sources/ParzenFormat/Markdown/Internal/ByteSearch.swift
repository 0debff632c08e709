/// Substring tests on UTF-8 bytes. `String.contains(_:)` with a string argument goes
/// through Foundation on Linux and was a third of the parse time on the seed post; these
/// checks run on every text node.
enum ByteSearch {
    static func contains(_ haystack: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        var utf8 = haystack.utf8
        if let found = utf8.withContiguousStorageIfAvailable({ search($0, pattern, first) }) { return found }
        var copy = haystack
        copy.makeContiguousUTF8()
        utf8 = copy.utf8
        return utf8.withContiguousStorageIfAvailable { search($0, pattern, first) } ?? false
    }

    private static func search(
        _ bytes: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>, _ first: UInt8
    ) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
            var matched = true
            for offset in 1..<pattern.count where bytes[start + offset] != pattern[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }
}
