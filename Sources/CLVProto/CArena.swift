import CProtobufC

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns the C memory of one message laid out for protobuf-c, or unpacked by it; frees all of it
/// at once.
///
/// A bump allocator over a few blocks that grow to 1 MiB: a page of 10,000 members is some
/// 60,000 small C values, and a `malloc` and a `free` apiece cost more than laying them out.
/// Every allocation is 16-byte aligned, as `malloc`'s are.
final class CArena {
    /// Kept apart from the object, so that protobuf-c's allocator callback reaches it without
    /// retaining and releasing the arena for every value it unpacks.
    private let blocks: UnsafeMutablePointer<BumpBlocks>

    init() {
        blocks = .allocate(capacity: 1)
        blocks.initialize(to: BumpBlocks())
    }

    deinit {
        blocks.pointee.freeAll()
        blocks.deinitialize(count: 1)
        blocks.deallocate()
    }

    /// `byteCount` uninitialised bytes, alive as long as the arena.
    func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
        blocks.pointee.allocate(byteCount: byteCount)
    }

    /// A zeroed `T`, initialised by protobuf-c's generated `init` function.
    func message<T>(_ type: T.Type, _ initialise: (UnsafeMutablePointer<T>) -> Void) -> UnsafeMutablePointer<T> {
        let raw = allocate(byteCount: MemoryLayout<T>.stride)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<T>.stride)
        let pointer = raw.bindMemory(to: T.self, capacity: 1)
        initialise(pointer)
        return pointer
    }

    /// The string's UTF-8, NUL-terminated (protobuf-c reads up to the first NUL, as it did from `strdup`).
    func string(_ value: String) -> UnsafeMutablePointer<CChar> {
        var value = value
        return value.withUTF8 { utf8 in
            let raw = allocate(byteCount: utf8.count + 1)
            if let base = utf8.baseAddress { raw.copyMemory(from: base, byteCount: utf8.count) }
            raw.storeBytes(of: 0, toByteOffset: utf8.count, as: UInt8.self)
            return raw.bindMemory(to: CChar.self, capacity: utf8.count + 1)
        }
    }

    func bytes(_ value: [UInt8]) -> ProtobufCBinaryData {
        guard !value.isEmpty else { return ProtobufCBinaryData(len: 0, data: nil) }
        let raw = allocate(byteCount: value.count)
        value.withUnsafeBytes { raw.copyMemory(from: $0.baseAddress!, byteCount: value.count) }
        return ProtobufCBinaryData(len: value.count, data: raw.assumingMemoryBound(to: UInt8.self))
    }

    /// A C array of `count` values, for repeated scalar, enum and bytes fields.
    func values<T>(_ elements: [T]) -> UnsafeMutablePointer<T>? {
        values(elements) { $0 }
    }

    /// A C array of each element's C value, for repeated enum fields, without a Swift array between.
    func values<Element, T>(_ elements: [Element], _ cValue: (Element) -> T) -> UnsafeMutablePointer<T>? {
        guard !elements.isEmpty else { return nil }
        let array = allocate(byteCount: MemoryLayout<T>.stride * elements.count).bindMemory(to: T.self, capacity: elements.count)
        for (index, element) in elements.enumerated() { (array + index).initialize(to: cValue(element)) }
        return array
    }

    /// A C array of `count` pointers, for repeated message fields.
    func pointerArray<T>(_ elements: [UnsafeMutablePointer<T>]) -> UnsafeMutablePointer<UnsafeMutablePointer<T>?>? {
        pointerArray(elements) { $0 }
    }

    /// A C array of pointers to each element's C value, for repeated message, string and map
    /// fields, without a Swift array between.
    func pointerArray<Element, T>(
        _ elements: [Element], _ cValue: (Element) -> UnsafeMutablePointer<T>
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<T>?>? {
        guard !elements.isEmpty else { return nil }
        let array = allocate(byteCount: MemoryLayout<UnsafeMutablePointer<T>?>.stride * elements.count)
            .bindMemory(to: UnsafeMutablePointer<T>?.self, capacity: elements.count)
        for (index, element) in elements.enumerated() { (array + index).initialize(to: cValue(element)) }
        return array
    }

    /// Runs `body` with the message viewed as protobuf-c's base type.
    func encode<T, R>(_ message: UnsafeMutablePointer<T>, _ body: (borrowing ProtoEncoder) throws -> R) rethrows -> R {
        let base = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self)
        return try body(ProtoEncoder(message: base))
    }

    /// Runs `body` with a protobuf-c allocator that takes its memory from the arena and never
    /// frees it: what protobuf-c unpacks lives exactly as long as the arena.
    func withAllocator<R>(_ body: (UnsafeMutablePointer<ProtobufCAllocator>) throws -> R) rethrows -> R {
        var allocator = ProtobufCAllocator(
            alloc: { data, size in
                // `data` is this arena's blocks, alive for the whole call (the caller holds the arena).
                data?.assumingMemoryBound(to: BumpBlocks.self).pointee.allocate(byteCount: size)
            },
            free: { _, _ in },
            allocator_data: UnsafeMutableRawPointer(blocks))
        return try withExtendedLifetime(self) { try body(&allocator) }
    }
}

/// An arena's memory: blocks of growing size, each handed out front to back, all freed at once.
struct BumpBlocks {
    private var blocks: [UnsafeMutableRawPointer] = []
    /// The free part of the newest block.
    private var cursor: UnsafeMutableRawPointer
    private var remaining: Int
    /// The size of the next block.
    private var blockSize = 8 << 10

    private static let largestBlockSize = 1 << 20

    init() {
        cursor = malloc(blockSize)!
        blocks.append(cursor)
        remaining = blockSize
        blockSize *= 2
    }

    /// `byteCount` uninitialised bytes, 16-byte aligned.
    mutating func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
        let size = (max(byteCount, 1) + 15) & ~15
        if size > remaining {
            // Too big to share a block: its own, and the newest block keeps its free part.
            guard size <= blockSize / 2 else {
                let separate = malloc(size)!
                blocks.append(separate)
                return separate
            }
            cursor = malloc(blockSize)!
            blocks.append(cursor)
            remaining = blockSize
            blockSize = min(blockSize * 2, Self.largestBlockSize)
        }
        let pointer = cursor
        cursor += size
        remaining -= size
        return pointer
    }

    func freeAll() {
        for block in blocks { free(block) }
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
        var values: [R] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            if let element = pointer[index] { values.append(read(element)) }
        }
        return values
    }

    /// A repeated scalar, enum or bytes field.
    static func values<T>(_ pointer: UnsafeMutablePointer<T>?, count: Int) -> [T] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// A repeated field of C values that each become a Swift value (enums), in one array.
    static func values<T, R>(_ pointer: UnsafeMutablePointer<T>?, count: Int, _ read: (T) -> R) -> [R] {
        guard let pointer, count > 0 else { return [] }
        return UnsafeBufferPointer(start: pointer, count: count).map(read)
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
        // Everything protobuf-c allocates comes from the arena and goes with it: no
        // `free_unpacked` walk, no `free` per string and nested message.
        let arena = CArena()
        // protobuf-c wants a non-null pointer even for an empty message.
        var empty: UInt8 = 0
        let decoded: UnsafeMutablePointer<ProtobufCMessage>? = arena.withAllocator { allocator in
            withUnsafePointer(to: &empty) { emptyPointer in
                let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? emptyPointer
                return protobuf_c_message_unpack(descriptor.pointer, allocator, bytes.count, base)
            }
        }
        guard let decoded else { throw ProtoDecodingError(messageName: messageName) }
        defer { withExtendedLifetime(arena) {} }
        do {
            try StrictStrings.check(bytes, descriptor.pointer)
        } catch {
            throw ProtoDecodingError(messageName: messageName, field: error.path, reason: error.reason)
        }
        // Every generated struct starts with its ProtobufCMessage.
        return read(UnsafeRawPointer(decoded).assumingMemoryBound(to: T.self))
    }
}
