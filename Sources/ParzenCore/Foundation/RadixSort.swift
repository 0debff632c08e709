/// Ascending sort of doubles by least-significant-digit radix sort on their bit patterns —
/// the KDE's sorted copy of 10⁶ points in ~15 ms instead of ~100 ms for the standard library's
/// comparison sort.
///
/// A double's bits map to an unsigned key of the same order: flip the sign bit of a
/// non-negative number, flip every bit of a negative one (IEEE 754 orders magnitudes like
/// integers). Six passes of 11-bit digits cover 64 bits; a pass whose digit is the same for
/// every key (typically the top bits of data of one sign and scale) is skipped.
///
/// - Domain: finite values or ±∞ (NaN sorts after +∞ or before −∞ by its sign bit; −0 sorts
///   before +0, which compare equal anyway).
/// - Cost: two O(N) sweeps per pass plus a 2048-entry histogram; N·8 bytes of scratch.
/// - Reference: D. E. Knuth, "The Art of Computer Programming", vol. 3, §5.2.5.
enum RadixSort {
    static func sorted(_ values: [Double]) -> [Double] {
        // Below ~1,000 values the six 2048-entry histograms cost more than a comparison sort
        // (400 values: ~60 µs against ~15 µs, measured in the bandwidth scan's leave-one-out).
        guard values.count > 1024 else { return values.sorted() }
        let n = values.count
        var keys = values.map { v -> UInt64 in
            let bits = v.bitPattern
            return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
        }
        var scratch = [UInt64](repeating: 0, count: n)
        var histograms = [Int](repeating: 0, count: 6 * 2048)
        for key in keys {
            for pass in 0..<6 { histograms[pass * 2048 + Int((key >> (11 * UInt64(pass))) & 2047)] += 1 }
        }
        keys.withUnsafeMutableBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { b in
                var (source, target) = (a, b)
                for pass in 0..<6 {
                    let shift = UInt64(11 * pass)
                    let first = Int((source[0] >> shift) & 2047)
                    if histograms[pass * 2048 + first] == n { continue }
                    var offsets = [Int](repeating: 0, count: 2048)
                    var total = 0
                    for digit in 0..<2048 { offsets[digit] = total; total += histograms[pass * 2048 + digit] }
                    for key in source {
                        let digit = Int((key >> shift) & 2047)
                        target[offsets[digit]] = key
                        offsets[digit] += 1
                    }
                    swap(&source, &target)
                }
                if source.baseAddress != a.baseAddress { _ = a.update(fromContentsOf: source) }
            }
        }
        return keys.map { key in Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key) }
    }
}
