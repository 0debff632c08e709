import Foundation

/// Directive results as bytes and back: what the result cache stores.
///
/// The format is ``BinaryResultEncoder``'s (see ``BinaryTag``): tagged values, containers
/// with their byte lengths, keys sorted so that the same result always gives the same
/// bytes, every double as its bit pattern (−0.0, subnormals, the extremes and NaN payloads
/// kept), and a `[Double]` as one run of raw doubles. A warm render decodes every cached
/// output to write the page, and most of those bytes are the charts' arrays: as JSON (this
/// type's first form) each double was text to parse and a container call; here it is one
/// copy. `parzen-bench resultcoding` measures it against sorted-key JSON and a binary
/// property list on every bundled notebook; the numbers are in docs/authoring.md.
///
/// Decoding includes rebuilding every model's derived state: the KDE with the formula
/// kernel 1/(1+x²) re-runs its quadrature. The binary property list was slower than JSON
/// both ways and not exact: it returned +0.0 as −0.0 when both occurred in one result (it
/// merges equal values) and canonicalised NaNs.
public enum ResultCoding {
    /// The bytes of `result`.
    /// - Throws: `EncodingError` for a payload or model type that has no tagged case
    ///   (`ResultPayload`, `CodableDensityModel`, `CodableLatentDecoder`).
    public static func encode(_ result: DirectiveResult) throws -> Data {
        try BinaryResultEncoder().encode(result)
    }

    /// The bytes of a payload alone: the cache stores it apart from the rest of its result
    /// and decodes it only when a directive that is computed reads it.
    public static func encode(_ payload: ResultPayload) throws -> Data {
        try BinaryResultEncoder().encode(payload)
    }

    /// The payload `encode(_:)` wrote into `data`.
    public static func decodePayload(_ data: Data) throws -> ResultPayload {
        try BinaryResultDecoder().decode(ResultPayload.self, from: data)
    }

    /// The result `encode` wrote into `data`.
    /// - Throws: `DecodingError` for bytes that are not such a result (truncated, foreign),
    ///   and the model's own `ModelError` when its parameters fail its initialiser's checks.
    public static func decode(_ data: Data) throws -> DirectiveResult {
        try BinaryResultDecoder().decode(DirectiveResult.self, from: data)
    }
}
