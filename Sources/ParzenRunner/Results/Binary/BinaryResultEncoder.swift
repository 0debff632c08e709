import Foundation

/// Writes any `Encodable` value in the binary form ``BinaryTag`` describes: what the result
/// cache stores (see ``ResultCoding`` for why not JSON).
///
/// The value is first built as a tree of ``Slot``s (a container may be asked for before its
/// parent knows its size), then written depth-first. A `[Double]` anywhere becomes one
/// `doubles` value, copied as raw bits; that is where results spend their bytes.
struct BinaryResultEncoder {
    /// The bytes of `value`. Throws what the value's own `encode(to:)` throws.
    func encode(_ value: some Encodable) throws -> Data {
        let root = Slot()
        try root.store(value, codingPath: [])
        var writer = Writer()
        writer.write(root)
        return writer.bytes
    }

    /// One value of the tree being built.
    final class Slot {
        enum Content {
            case empty
            case null
            case bool(Bool)
            case int(Int64)
            case uint(UInt64)
            case double(Double)
            case string(String)
            case doubles([Double])
            case array(ArrayStorage)
            case keyed(KeyedStorage)
        }

        var content = Content.empty

        /// Stores `value`, taking the shortcut for the types the format has tags for.
        func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
            if T.self == [Double].self {
                content = .doubles(value as! [Double])
            } else if T.self == Double.self {
                content = .double(value as! Double)
            } else if T.self == String.self {
                content = .string(value as! String)
            } else if T.self == Int.self {
                content = .int(Int64(value as! Int))
            } else if T.self == Bool.self {
                content = .bool(value as! Bool)
            } else {
                try value.encode(to: Impl(slot: self, codingPath: codingPath))
            }
        }

        /// The keyed storage of this slot, made when first asked for.
        func keyed() -> KeyedStorage {
            if case .keyed(let storage) = content { return storage }
            let storage = KeyedStorage()
            content = .keyed(storage)
            return storage
        }

        func array() -> ArrayStorage {
            if case .array(let storage) = content { return storage }
            let storage = ArrayStorage()
            content = .array(storage)
            return storage
        }
    }

    final class ArrayStorage {
        var items: [Slot] = []

        func append() -> Slot {
            let slot = Slot()
            items.append(slot)
            return slot
        }
    }

    final class KeyedStorage {
        var entries: [(key: String, slot: Slot)] = []

        /// A new slot for `key`; a key stored twice keeps the later value, as JSONEncoder does.
        func slot(for key: String) -> Slot {
            let slot = Slot()
            if let index = entries.firstIndex(where: { $0.key == key }) {
                entries[index].slot = slot
            } else {
                entries.append((key, slot))
            }
            return slot
        }
    }

    /// The `Encoder` handed to a value's `encode(to:)`.
    struct Impl: Encoder {
        let slot: Slot
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(storage: slot.keyed(), codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            Unkeyed(storage: slot.array(), codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(slot: slot, codingPath: codingPath)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let storage: KeyedStorage
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws {
            storage.slot(for: key.stringValue).content = .null
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try storage.slot(for: key.stringValue).store(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(storage: storage.slot(for: key.stringValue).keyed(),
                                                    codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(storage: storage.slot(for: key.stringValue).array(), codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder {
            Impl(slot: storage.slot(for: "super"), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            Impl(slot: storage.slot(for: key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let storage: ArrayStorage
        let codingPath: [any CodingKey]
        var count: Int { storage.items.count }

        mutating func encodeNil() throws {
            storage.append().content = .null
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try storage.append().store(value, codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(storage: storage.append().keyed(), codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            Unkeyed(storage: storage.append().array(), codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder {
            Impl(slot: storage.append(), codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.content = .null }
        mutating func encode(_ value: Bool) throws { slot.content = .bool(value) }
        mutating func encode(_ value: String) throws { slot.content = .string(value) }
        mutating func encode(_ value: Double) throws { slot.content = .double(value) }
        mutating func encode(_ value: Float) throws { slot.content = .double(Double(value)) }
        mutating func encode(_ value: Int) throws { slot.content = .int(Int64(value)) }
        mutating func encode(_ value: Int8) throws { slot.content = .int(Int64(value)) }
        mutating func encode(_ value: Int16) throws { slot.content = .int(Int64(value)) }
        mutating func encode(_ value: Int32) throws { slot.content = .int(Int64(value)) }
        mutating func encode(_ value: Int64) throws { slot.content = .int(value) }
        mutating func encode(_ value: UInt) throws { slot.content = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { slot.content = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt16) throws { slot.content = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt32) throws { slot.content = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt64) throws { slot.content = .uint(value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try slot.store(value, codingPath: codingPath)
        }
    }

    /// Writes a finished tree.
    struct Writer {
        var bytes = Data()

        mutating func write(_ slot: Slot) {
            switch slot.content {
            case .empty, .null: tag(.null)
            case .bool(let value): tag(value ? .true : .false)
            case .int(let value): tag(.int); word(UInt64(bitPattern: value))
            case .uint(let value): tag(.uint); word(value)
            case .double(let value): tag(.double); word(value.bitPattern)
            case .string(let value): tag(.string); text(value)
            case .doubles(let values):
                tag(.doubles)
                length(values.count)
                values.withUnsafeBufferPointer { buffer in
                    #if _endian(little)
                    bytes.append(UnsafeBufferPointer(start: UnsafeRawPointer(buffer.baseAddress)?
                        .assumingMemoryBound(to: UInt8.self), count: buffer.count * 8))
                    #else
                    for value in buffer { word(value.bitPattern) }
                    #endif
                }
            case .array(let storage):
                tag(.array)
                length(storage.items.count)
                sized { writer in for item in storage.items { writer.write(item) } }
            case .keyed(let storage):
                tag(.keyed)
                length(storage.entries.count)
                sized { writer in
                    for entry in storage.entries.sorted(by: { $0.key < $1.key }) {
                        writer.text(entry.key)
                        writer.write(entry.slot)
                    }
                }
            }
        }

        /// Writes `body` after a 4-byte byte length, filled in once `body` is written.
        private mutating func sized(_ body: (inout Writer) -> Void) {
            let start = bytes.count
            length(0)
            body(&self)
            let size = UInt32(bytes.count - start - 4)
            withUnsafeBytes(of: size.littleEndian) { bytes.replaceSubrange(start..<start + 4, with: $0) }
        }

        private mutating func tag(_ tag: BinaryTag) { bytes.append(tag.rawValue) }

        private mutating func word(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        private mutating func length(_ value: Int) {
            withUnsafeBytes(of: UInt32(value).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func text(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                length(utf8.count)
                bytes.append(contentsOf: UnsafeRawBufferPointer(utf8))
            }
        }
    }
}
