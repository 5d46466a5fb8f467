import CProtobufC

/// Checks every `string` field in a protobuf encoding: valid UTF-8 and no NUL byte.
///
/// protobuf-c hands strings over NUL-terminated and without their length, and accepts any bytes,
/// so a Swift reader would cut `a\0b` to `a` and replace invalid UTF-8. Reading the wire bytes
/// with the message's protobuf-c descriptor (the generated tables) finds such a string, however
/// deeply nested, before anything reads the decoded value. Run it on bytes protobuf-c has already
/// unpacked, so the structure is known to be sound.
enum StrictStrings {
    /// A string field that is not valid text: where it is (`orders[3].order_id`) and why.
    struct Violation: Error {
        let path: String
        let reason: String
    }

    static func check(_ bytes: UnsafeRawBufferPointer, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>) throws(Violation) {
        guard !bytes.isEmpty else { return }
        try check(bytes.assumingMemoryBound(to: UInt8.self), descriptor)
    }

    /// The path is built only on the way out of a violation: a batch of thousands of nested
    /// records costs no string, and no count of occurrences, per record.
    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>) throws(Violation) {
        var reader = WireReader(bytes: bytes)
        while true {
            let offset = reader.position
            guard let (number, wireType) = reader.tag() else { return }
            guard wireType == 2 else {
                // Varints and fixed widths hold no strings; protobuf-c accepted their framing.
                guard reader.skip(wireType: wireType) else { return }
                continue
            }
            guard let value = reader.lengthDelimited() else { return }
            guard let field = protobuf_c_message_descriptor_get_field(descriptor, number) else { continue }  // unknown: ignored
            switch field.pointee.type {
            case PROTOBUF_C_TYPE_STRING:
                if let reason = problem(value) {
                    throw Violation(path: name(field, index(of: field, at: offset, in: bytes)), reason: reason)
                }
            case PROTOBUF_C_TYPE_MESSAGE:
                let nested = field.pointee.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                do {
                    try check(value, nested)
                } catch {
                    throw Violation(path: name(field, index(of: field, at: offset, in: bytes)) + "." + error.path, reason: error.reason)
                }
            default:
                break  // bytes, packed numbers
            }
        }
    }

    /// Which occurrence of a repeated field the one at `offset` is, counting the earlier ones
    /// (only on the way out of a violation); nil for a field that is not repeated.
    private static func index(
        of field: UnsafePointer<ProtobufCFieldDescriptor>, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>
    ) -> Int? {
        guard field.pointee.label == PROTOBUF_C_LABEL_REPEATED else { return nil }
        var reader = WireReader(bytes: bytes)
        var earlier = 0
        while reader.position < offset, let (number, wireType) = reader.tag() {
            guard wireType == 2 ? reader.lengthDelimited() != nil : reader.skip(wireType: wireType) else { break }
            if number == field.pointee.id { earlier += 1 }
        }
        return earlier
    }

    /// `orders[3]`, `currency`.
    private static func name(_ field: UnsafePointer<ProtobufCFieldDescriptor>, _ index: Int?) -> String {
        let name = String(cString: field.pointee.name)
        return index.map { name + "[\($0)]" } ?? name
    }

    /// Why the bytes are no acceptable string, or nil when they are one.
    static func problem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii = true
        for byte in bytes {
            if byte == 0 { return "contains a NUL byte" }
            if byte >= 0x80 { ascii = false }
        }
        if ascii { return nil }
        return String(validating: bytes, as: UTF8.self) == nil ? "is not valid UTF-8" : nil
    }
}

/// Reads protobuf's wire format: tags, varints and length-delimited values.
private struct WireReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func varint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    /// The next field number and wire type, or nil at the end (or on malformed bytes).
    mutating func tag() -> (UInt32, UInt8)? {
        guard position < bytes.count, let key = varint(), key >> 3 <= UInt64(UInt32.max) else { return nil }
        return (UInt32(key >> 3), UInt8(key & 7))
    }

    mutating func lengthDelimited() -> UnsafeBufferPointer<UInt8>? {
        guard let length = varint(), length <= UInt64(bytes.count - position) else { return nil }
        let start = position
        position += Int(length)
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
    }

    /// Skips a value of a wire type other than 2; false when it cannot.
    mutating func skip(wireType: UInt8) -> Bool {
        switch wireType {
        case 0: return varint() != nil
        case 1: return advance(8)
        case 5: return advance(4)
        default: return false  // groups: protobuf-c rejects them for proto3 messages
        }
    }

    private mutating func advance(_ count: Int) -> Bool {
        guard bytes.count - position >= count else { return false }
        position += count
        return true
    }
}
