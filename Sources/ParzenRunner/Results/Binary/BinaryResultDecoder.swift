import Foundation

/// Reads what ``BinaryResultEncoder`` wrote. Every read is bounds-checked: truncated or
/// foreign bytes throw `DecodingError.dataCorrupted`, never trap.
///
/// Cost: one pass over each keyed container's keys when it is opened (the values are skipped
/// by their byte lengths), a binary search per key asked for, and one copy per `[Double]`.
struct BinaryResultDecoder {
    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let buffer = Buffer(data)
        guard try buffer.end(ofValueAt: 0) == buffer.count else {
            throw buffer.corrupted("bytes after the end of the value", codingPath: [])
        }
        return try buffer.value(T.self, at: 0, codingPath: [])
    }

    /// The bytes, copied once into memory this decoder owns, and the primitive reads.
    final class Buffer {
        private let bytes: UnsafeMutableRawBufferPointer
        var count: Int { bytes.count }

        init(_ data: Data) {
            bytes = .allocate(byteCount: data.count, alignment: 8)
            _ = data.copyBytes(to: bytes.bindMemory(to: UInt8.self))
        }

        deinit { bytes.deallocate() }

        func corrupted(_ problem: String, codingPath: [any CodingKey]) -> DecodingError {
            .dataCorrupted(.init(codingPath: codingPath, debugDescription: "cached result: \(problem)"))
        }

        private func need(_ size: Int, at offset: Int) throws {
            guard offset >= 0, size >= 0, offset <= count - size else {
                throw corrupted("truncated at byte \(offset)", codingPath: [])
            }
        }

        func tag(at offset: Int) throws -> BinaryTag {
            try need(1, at: offset)
            guard let tag = BinaryTag(rawValue: bytes[offset]) else {
                throw corrupted("unknown tag \(bytes[offset]) at byte \(offset)", codingPath: [])
            }
            return tag
        }

        func word(at offset: Int) throws -> UInt64 {
            try need(8, at: offset)
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        func length(at offset: Int) throws -> Int {
            try need(4, at: offset)
            return Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }

        /// A 4-byte byte count and that many bytes of UTF-8 at `offset`; the text and its end.
        func text(at offset: Int) throws -> (String, end: Int) {
            let size = try length(at: offset)
            try need(size, at: offset + 4)
            let utf8 = UnsafeRawBufferPointer(rebasing: bytes[(offset + 4)..<(offset + 4 + size)])
            guard let text = String(validating: utf8.bindMemory(to: UInt8.self), as: UTF8.self) else {
                throw corrupted("invalid UTF-8 at byte \(offset)", codingPath: [])
            }
            return (text, offset + 4 + size)
        }

        /// `count` raw doubles from `offset`.
        func doubles(at offset: Int, count: Int) throws -> [Double] {
            try need(count * 8, at: offset)
            return [Double](unsafeUninitializedCapacity: count) { buffer, initialised in
                #if _endian(little)
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 8 * count)]))
                #else
                for index in 0..<count {
                    buffer[index] = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(
                        fromByteOffset: offset + 8 * index, as: UInt64.self)))
                }
                #endif
                initialised = count
            }
        }

        /// The offset just after the value whose tag is at `offset`.
        func end(ofValueAt offset: Int) throws -> Int {
            switch try tag(at: offset) {
            case .null, .false, .true: return offset + 1
            case .int, .uint, .double:
                try need(8, at: offset + 1)
                return offset + 9
            case .string: return try text(at: offset + 1).end
            case .doubles:
                let count = try length(at: offset + 1)
                try need(count * 8, at: offset + 5)
                return offset + 5 + count * 8
            case .array, .keyed:
                let size = try length(at: offset + 5)
                try need(size, at: offset + 9)
                return offset + 9 + size
            }
        }

        /// The value at `offset` as `T`, by the shortcuts for the format's own types or by
        /// `T(from:)`.
        func value<T: Decodable>(_ type: T.Type, at offset: Int, codingPath: [any CodingKey]) throws -> T {
            if T.self == [Double].self, try tag(at: offset) == .doubles {
                return try doubles(at: offset + 5, count: length(at: offset + 1)) as! T
            } else if T.self == Double.self {
                return try double(at: offset, codingPath: codingPath) as! T
            } else if T.self == String.self {
                return try string(at: offset, codingPath: codingPath) as! T
            } else if T.self == Int.self {
                return try integer(Int.self, at: offset, codingPath: codingPath) as! T
            } else if T.self == Bool.self {
                return try bool(at: offset, codingPath: codingPath) as! T
            }
            return try T(from: Impl(buffer: self, offset: offset, codingPath: codingPath))
        }

        func mismatch(_ type: Any.Type, found tag: BinaryTag, codingPath: [any CodingKey]) -> DecodingError {
            .typeMismatch(type, .init(codingPath: codingPath,
                                      debugDescription: "cached result: expected \(type), found \(tag.name)"))
        }

        func bool(at offset: Int, codingPath: [any CodingKey]) throws -> Bool {
            switch try tag(at: offset) {
            case .true: return true
            case .false: return false
            case let other: throw mismatch(Bool.self, found: other, codingPath: codingPath)
            }
        }

        func double(at offset: Int, codingPath: [any CodingKey]) throws -> Double {
            let tag = try tag(at: offset)
            guard tag == .double else { throw mismatch(Double.self, found: tag, codingPath: codingPath) }
            return Double(bitPattern: try word(at: offset + 1))
        }

        func string(at offset: Int, codingPath: [any CodingKey]) throws -> String {
            let tag = try tag(at: offset)
            guard tag == .string else { throw mismatch(String.self, found: tag, codingPath: codingPath) }
            return try text(at: offset + 1).0
        }

        func integer<I: FixedWidthInteger>(_ type: I.Type, at offset: Int, codingPath: [any CodingKey]) throws -> I {
            let tag = try tag(at: offset)
            let word = try tag == .int || tag == .uint ? self.word(at: offset + 1) : 0
            let value: I? = switch tag {
            case .int: I(exactly: Int64(bitPattern: word))
            case .uint: I(exactly: word)
            default: throw mismatch(I.self, found: tag, codingPath: codingPath)
            }
            guard let value else { throw corrupted("\(word) does not fit \(I.self)", codingPath: codingPath) }
            return value
        }
    }

    /// The `Decoder` handed to a type's `init(from:)`.
    struct Impl: Decoder {
        let buffer: Buffer
        let offset: Int
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(try Keyed<Key>(buffer: buffer, offset: offset, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try Unkeyed(buffer: buffer, offset: offset, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            Single(buffer: buffer, offset: offset, codingPath: codingPath)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let buffer: Buffer
        let codingPath: [any CodingKey]
        /// Keys in the order written (sorted) and where each value starts.
        private let entries: [(key: String, offset: Int)]

        init(buffer: Buffer, offset: Int, codingPath: [any CodingKey]) throws {
            self.buffer = buffer
            self.codingPath = codingPath
            let tag = try buffer.tag(at: offset)
            guard tag == .keyed else { throw buffer.mismatch([String: Any].self, found: tag, codingPath: codingPath) }
            let count = try buffer.length(at: offset + 1)
            let end = try buffer.end(ofValueAt: offset)
            var entries: [(key: String, offset: Int)] = []
            // A damaged count must not reserve gigabytes: an entry takes at least 5 bytes.
            entries.reserveCapacity(min(count, (end - offset) / 5))
            var position = offset + 9
            for _ in 0..<count {
                let (key, valueOffset) = try buffer.text(at: position)
                entries.append((key, valueOffset))
                position = try buffer.end(ofValueAt: valueOffset)
            }
            guard position == end else {
                throw buffer.corrupted("a container's length is wrong", codingPath: codingPath)
            }
            self.entries = entries
        }

        var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.key) } }

        /// Where `key`'s value starts, by binary search over the sorted keys.
        private func offset(of key: Key) -> Int? {
            let name = key.stringValue
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].key < name { low = middle + 1 } else { high = middle }
            }
            return low < entries.count && entries[low].key == name ? entries[low].offset : nil
        }

        private func require(_ key: Key) throws -> Int {
            guard let offset = offset(of: key) else {
                let problem = "cached result: no value for '\(key.stringValue)'"
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: problem))
            }
            return offset
        }

        func contains(_ key: Key) -> Bool { offset(of: key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            try buffer.tag(at: require(key)) == .null
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try buffer.value(T.self, at: require(key), codingPath: codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                                   forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(try Keyed<NestedKey>(buffer: buffer, offset: require(key),
                                                        codingPath: codingPath + [key]))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try Unkeyed(buffer: buffer, offset: require(key), codingPath: codingPath + [key])
        }

        func superDecoder() throws -> any Decoder {
            guard let offset = entries.first(where: { $0.key == "super" })?.offset else {
                throw buffer.corrupted("no value for 'super'", codingPath: codingPath)
            }
            return Impl(buffer: buffer, offset: offset, codingPath: codingPath)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            Impl(buffer: buffer, offset: try require(key), codingPath: codingPath + [key])
        }
    }

    /// The elements of an `array` value, or of a `doubles` value read one double at a time.
    struct Unkeyed: UnkeyedDecodingContainer {
        let buffer: Buffer
        let codingPath: [any CodingKey]
        let count: Int?
        private(set) var currentIndex = 0
        /// Where the next element starts.
        private var position: Int
        /// True for a `doubles` value: its elements are untagged 8-byte doubles.
        private let isDoubles: Bool

        init(buffer: Buffer, offset: Int, codingPath: [any CodingKey]) throws {
            self.buffer = buffer
            self.codingPath = codingPath
            let tag = try buffer.tag(at: offset)
            guard tag == .array || tag == .doubles else {
                throw buffer.mismatch([Any].self, found: tag, codingPath: codingPath)
            }
            isDoubles = tag == .doubles
            count = try buffer.length(at: offset + 1)
            position = offset + (isDoubles ? 5 : 9)
        }

        var isAtEnd: Bool { currentIndex >= (count ?? 0) }

        private mutating func next() throws -> Int {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath,
                                                                  debugDescription: "cached result: array ended"))
            }
            let offset = position
            position = isDoubles ? offset + 8 : try buffer.end(ofValueAt: offset)
            currentIndex += 1
            return offset
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, !isDoubles, try buffer.tag(at: position) == .null else { return false }
            _ = try next()
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            if isDoubles {
                guard T.self == Double.self else {
                    throw buffer.mismatch(T.self, found: .double, codingPath: codingPath)
                }
                return Double(bitPattern: try buffer.word(at: next())) as! T
            }
            return try buffer.value(T.self, at: next(), codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(try Keyed<NestedKey>(buffer: buffer, offset: next(), codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try Unkeyed(buffer: buffer, offset: next(), codingPath: codingPath)
        }

        mutating func superDecoder() throws -> any Decoder {
            Impl(buffer: buffer, offset: try next(), codingPath: codingPath)
        }
    }

    struct Single: SingleValueDecodingContainer {
        let buffer: Buffer
        let offset: Int
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { (try? buffer.tag(at: offset)) == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try buffer.bool(at: offset, codingPath: codingPath) }
        func decode(_ type: String.Type) throws -> String { try buffer.string(at: offset, codingPath: codingPath) }
        func decode(_ type: Double.Type) throws -> Double { try buffer.double(at: offset, codingPath: codingPath) }
        func decode(_ type: Float.Type) throws -> Float {
            Float(try buffer.double(at: offset, codingPath: codingPath))
        }
        func decode(_ type: Int.Type) throws -> Int { try integer() }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
        func decode(_ type: UInt.Type) throws -> UInt { try integer() }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try buffer.value(T.self, at: offset, codingPath: codingPath)
        }

        private func integer<I: FixedWidthInteger>() throws -> I {
            try buffer.integer(I.self, at: offset, codingPath: codingPath)
        }
    }
}
