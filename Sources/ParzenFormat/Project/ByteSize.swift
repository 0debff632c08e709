import Foundation
import ParzenMarkup

/// A size in bytes as an author writes it: a number, optional spaces, then a unit —
/// `512 MB`, `1 GiB`, `1.5GB`, `0 B`.
///
/// Decimal units are powers of 1000 (KB = 10³ B, MB = 10⁶ B, GB = 10⁹ B), binary units powers
/// of 1024 (KiB = 2¹⁰ B, MiB = 2²⁰ B, GiB = 2³⁰ B), as in IEC 80000-13. A bare number is
/// refused rather than read as bytes: `max-size: 1` is too easily meant as 1 GiB.
/// Fractions are rounded down to whole bytes.
public enum ByteSize {
    /// The units by name, in the order they are listed in messages.
    public static let units: [(name: String, bytes: Int)] = [
        ("B", 1), ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000),
        ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30),
    ]

    /// Why a size was refused, worded for a diagnostic.
    public struct Problem: Error, Equatable, Sendable {
        public var message: String
        public var fix: String
    }

    /// The number of bytes `text` stands for.
    public static func parse(_ text: String) -> Result<Int, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = String(trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") })
        let unit = String(trimmed.dropFirst(number.count)).trimmingCharacters(in: .whitespaces)
        let unitNames = units.map(\.name)
        guard let value = Double(number), !number.hasPrefix("."), !number.hasSuffix(".") else {
            return .failure(Problem(message: "'\(text)' is not a size",
                                    fix: "write a non-negative number and a unit, such as '1 GiB' or '500 MB'"))
        }
        guard !unit.isEmpty else {
            return .failure(Problem(message: "the size '\(text)' has no unit",
                                    fix: "add one of: \(unitNames.joined(separator: ", ")) (e.g. '\(number) MiB')"))
        }
        guard let bytes = units.first(where: { $0.name == unit })?.bytes else {
            return .failure(Problem(message: "unknown size unit '\(unit)'",
                                    fix: Suggestion.fix(for: unit, among: unitNames)))
        }
        let total = (value * Double(bytes)).rounded(.down)
        // 2⁶³ is exactly representable, so this comparison is exact.
        guard total < Double(Int.max) else {
            return .failure(Problem(message: "the size '\(text)' is too large", fix: "write at most 8 EiB"))
        }
        return .success(Int(total))
    }
}
