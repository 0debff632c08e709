import Foundation
// TEMPORARY STUB, never committed: the codable branch provides the real one.
public enum ResultCoding {
    struct Unavailable: Error {}
    public static func encode(_ result: DirectiveResult) throws -> Data { throw Unavailable() }
    public static func decode(_ data: Data) throws -> DirectiveResult { throw Unavailable() }
}
