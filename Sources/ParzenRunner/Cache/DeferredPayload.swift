import Foundation

/// The payload of a cached result, kept as bytes until a directive reads it.
///
/// A render from a warm cache shows results without reading their payloads — a data set's
/// points, a fitted model (whose decoding rebuilds its derived state: a formula kernel's
/// quadrature runs again) — so they are decoded only when a directive that is computed
/// reads them (`RunContext.payload`), and then once.
final class DeferredPayload: @unchecked Sendable {
    // `decoded` is read and written under `lock`.
    private let lock = NSLock()
    private let bytes: Data
    private var decoded: Result<any Sendable, any Error>?

    init(_ bytes: Data) {
        self.bytes = bytes
    }

    /// The payload, decoded on first use.
    func value() throws -> any Sendable {
        try lock.withLock {
            if let decoded { return try decoded.get() }
            let result = Result { try ResultCoding.decodePayload(bytes).value as any Sendable }
            decoded = result
            return try result.get()
        }
    }
}
