import CProtobufC

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns the C memory of one message laid out for protobuf-c; frees all of it at once.
final class CArena {
    private var allocations: [UnsafeMutableRawPointer] = []

    deinit {
        for pointer in allocations { free(pointer) }
    }

    /// A zeroed `T`, initialised by protobuf-c's generated `init` function.
    func message<T>(_ type: T.Type, _ initialise: (UnsafeMutablePointer<T>) -> Void) -> UnsafeMutablePointer<T> {
        let raw = calloc(1, MemoryLayout<T>.stride)!
        allocations.append(raw)
        let pointer = raw.bindMemory(to: T.self, capacity: 1)
        initialise(pointer)
        return pointer
    }

    func string(_ value: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(value)!
        allocations.append(UnsafeMutableRawPointer(pointer))
        return pointer
    }

    func bytes(_ value: [UInt8]) -> ProtobufCBinaryData {
        guard !value.isEmpty else { return ProtobufCBinaryData(len: 0, data: nil) }
        let raw = malloc(value.count)!
        allocations.append(raw)
        value.withUnsafeBytes { raw.copyMemory(from: $0.baseAddress!, byteCount: value.count) }
        return ProtobufCBinaryData(len: value.count, data: raw.assumingMemoryBound(to: UInt8.self))
    }

    /// A C array of `count` values, for repeated scalar, enum and bytes fields.
    func values<T>(_ elements: [T]) -> UnsafeMutablePointer<T>? {
        guard !elements.isEmpty else { return nil }
        let raw = malloc(MemoryLayout<T>.stride * elements.count)!
        allocations.append(raw)
        let array = raw.bindMemory(to: T.self, capacity: elements.count)
        array.initialize(from: elements, count: elements.count)
        return array
    }

    /// A C array of `count` pointers, for repeated message fields.
    func pointerArray<T>(_ elements: [UnsafeMutablePointer<T>]) -> UnsafeMutablePointer<UnsafeMutablePointer<T>?>? {
        guard !elements.isEmpty else { return nil }
        let raw = malloc(MemoryLayout<UnsafeMutablePointer<T>?>.stride * elements.count)!
        allocations.append(raw)
        let array = raw.bindMemory(to: UnsafeMutablePointer<T>?.self, capacity: elements.count)
        for (index, element) in elements.enumerated() { array[index] = element }
        return array
    }

    /// Runs `body` with the message viewed as protobuf-c's base type.
    func encode<T, R>(_ message: UnsafeMutablePointer<T>, _ body: (borrowing ProtoEncoder) throws -> R) rethrows -> R {
        let base = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self)
        return try body(ProtoEncoder(message: base))
    }
}

/// Reading protobuf-c's decoded C values.
enum CRead {
    /// A decoded string: `unpack` has checked it holds no NUL byte and is valid UTF-8, so
    /// `String(cString:)` neither cuts nor alters it.
    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    static func bytes(_ data: ProtobufCBinaryData) -> [UInt8] {
        guard data.len > 0, let base = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: data.len))
    }

    static func array<T, R>(_ pointer: UnsafeMutablePointer<UnsafeMutablePointer<T>?>?, count: Int, _ read: (UnsafePointer<T>) -> R) -> [R] {
        guard let pointer, count > 0 else { return [] }
        return (0..<count).compactMap { index in pointer[index].map { read($0) } }
    }

    /// A repeated scalar, enum or bytes field.
    static func values<T>(_ pointer: UnsafeMutablePointer<T>?, count: Int) -> [T] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// A map field: protobuf-c's array of key/value entries. A repeated key keeps its last value,
    /// as protobuf's map semantics require.
    static func map<Entry, Key: Hashable, Value>(
        _ pointer: UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>?, count: Int,
        _ read: (UnsafePointer<Entry>) -> (Key, Value)
    ) -> [Key: Value] {
        guard let pointer, count > 0 else { return [:] }
        var result: [Key: Value] = [:]
        result.reserveCapacity(count)
        for index in 0..<count {
            guard let entry = pointer[index] else { continue }
            let (key, value) = read(entry)
            result[key] = value
        }
        return result
    }

    /// Unpacks with protobuf-c, checks every string, reads the C value, and frees it.
    static func unpack<T, R>(
        _ bytes: UnsafeRawBufferPointer, _ descriptor: CMessageDescriptor, messageName: String,
        _ read: (UnsafePointer<T>) -> R
    ) throws(ProtoDecodingError) -> R {
        // protobuf-c wants a non-null pointer even for an empty message.
        var empty: UInt8 = 0
        let decoded: UnsafeMutablePointer<ProtobufCMessage>? = withUnsafePointer(to: &empty) { emptyPointer in
            let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? emptyPointer
            return protobuf_c_message_unpack(descriptor.pointer, nil, bytes.count, base)
        }
        guard let decoded else { throw ProtoDecodingError(messageName: messageName) }
        defer { protobuf_c_message_free_unpacked(decoded, nil) }
        do {
            try StrictStrings.check(bytes, descriptor.pointer)
        } catch {
            throw ProtoDecodingError(messageName: messageName, field: error.path, reason: error.reason)
        }
        // Every generated struct starts with its ProtobufCMessage.
        return read(UnsafeRawPointer(decoded).assumingMemoryBound(to: T.self))
    }
}
