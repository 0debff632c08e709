import Foundation

/// Directive results as bytes and back: what the result cache stores.
///
/// The format is Foundation's JSON with ±∞ and NaN as the strings "Infinity", "-Infinity"
/// and "NaN". Every double keeps its bits (−0.0, subnormals and the extremes included)
/// except that a NaN's sign and payload are not kept — every writer prints any NaN as
/// "NaN", so pages are unaffected. Measured against a binary property list (2026-12-01,
/// debug build, 2 shared cores; `ResultCodingTests` checks the bits), all results of each
/// notebook:
///
/// | notebook (results)              | JSON: encode + decode, size   | binary plist                  |
/// | ------------------------------- | ----------------------------- | ----------------------------- |
/// | what-is-a-generative-model (28) | 69–113 + 144–167 ms, 1.24 MB  | 129–148 + 309–322 ms, 0.86 MB |
/// | a-linear-model (16)             | 163–195 + 113–143 ms, 1.80 MB | 220–262 + 331–368 ms, 1.26 MB |
/// | directives-tour (31)            | 76–97 + 81–202 ms, 0.97 MB    | 99–106 + 219–341 ms, 0.65 MB  |
/// | 100,000 points + KDE (2)        | 330–369 + 317–356 ms, 5.90 MB | 563–673 + 875–925 ms, 3.31 MB |
///
/// (Two runs each, load average ~10; decoding includes rebuilding every model's derived
/// state. Keys are sorted so that the same result always gives the same bytes.)
///
/// The binary property list is slower both ways and not exact either: it returned +0.0 as
/// −0.0 when both occurred in one result (it merges equal values) and canonicalised NaNs.
public enum ResultCoding {
    /// The bytes of `result`.
    /// - Throws: `EncodingError` for a payload or model type that has no tagged case
    ///   (`ResultPayload`, `CodableDensityModel`, `CodableLatentDecoder`).
    public static func encode(_ result: DirectiveResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(result)
    }

    /// The result `encode` wrote into `data`.
    /// - Throws: `DecodingError` for bytes that are not such a result (truncated, foreign),
    ///   and the model's own `ModelError` when its parameters fail its initialiser's checks.
    public static func decode(_ data: Data) throws -> DirectiveResult {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(DirectiveResult.self, from: data)
    }
}
