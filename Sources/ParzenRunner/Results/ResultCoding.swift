import Foundation

/// Directive results as bytes and back: what the result cache stores.
///
/// The format is Foundation's JSON with ±∞ and NaN as the strings "Infinity", "-Infinity"
/// and "NaN". Every double keeps its bits (−0.0, subnormals and the extremes included)
/// except that a NaN's sign and payload are not kept — every writer prints any NaN as
/// "NaN", so pages are unaffected. Measured against a binary property list with
/// `parzen-bench resultcoding` (2026-12-01, release build, 2 cores shared at load ~15;
/// medians of 7, two runs; `ResultCodingTests` checks the bits), all results of a notebook:
///
/// | notebook (results)              | JSON: encode + decode, size   | binary plist                   |
/// | ------------------------------- | ----------------------------- | ------------------------------ |
/// | what-is-a-generative-model (28) | 114–142 + 201–217 ms, 1.24 MB | 140–172 + 429–456 ms, 0.86 MB  |
/// | a-linear-model (16)             | 175–188 + 137–162 ms, 1.80 MB | 253–274 + 420–431 ms, 1.26 MB  |
/// | directives-tour (31)            | 108–113 + 102–103 ms, 0.97 MB | 129 + 244–351 ms, 0.65 MB      |
/// | 100,000 points + KDE (2)        | 458–506 + 445–457 ms, 5.90 MB | 819–890 + 1078–1258 ms, 3.31 MB |
///
/// Decoding includes rebuilding every model's derived state: in the first notebook the KDE
/// with the formula kernel 1/(1+x²) alone takes 65–90 ms (its quadrature runs again). Keys
/// are sorted so that the same result always gives the same bytes.
///
/// The binary property list is slower both ways and not exact either: it returned +0.0 as
/// −0.0 when both occurred in one result (it merges equal values) and canonicalised NaNs.
public enum ResultCoding {
    /// The bytes of `result`.
    /// - Throws: `EncodingError` for a payload or model type that has no tagged case
    ///   (`ResultPayload`, `CodableDensityModel`, `CodableLatentDecoder`).
    public static func encode(_ result: DirectiveResult) throws -> Data {
        try encoder.encode(result)
    }

    /// The bytes of a payload alone: the cache stores it apart from the rest of its result
    /// and decodes it only when a directive that is computed reads it.
    public static func encode(_ payload: ResultPayload) throws -> Data {
        try encoder.encode(payload)
    }

    /// The payload `encode(_:)` wrote into `data`.
    public static func decodePayload(_ data: Data) throws -> ResultPayload {
        try decoder.decode(ResultPayload.self, from: data)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    /// The result `encode` wrote into `data`.
    /// - Throws: `DecodingError` for bytes that are not such a result (truncated, foreign),
    ///   and the model's own `ModelError` when its parameters fail its initialiser's checks.
    public static func decode(_ data: Data) throws -> DirectiveResult {
        try decoder.decode(DirectiveResult.self, from: data)
    }
}
