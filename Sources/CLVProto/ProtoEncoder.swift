import CProtobufC

/// Packs one message that protobuf-c has laid out in memory.
public struct ProtoEncoder: ~Copyable {
    private let message: UnsafePointer<ProtobufCMessage>

    /// The exact size of the encoding, in bytes.
    public let size: Int

    init(message: UnsafePointer<ProtobufCMessage>) {
        self.message = message
        self.size = protobuf_c_message_get_packed_size(message)
    }

    /// Writes the encoding into `buffer`, which must hold at least `size` bytes; returns the bytes written.
    public func pack(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        precondition(buffer.count >= size, "buffer smaller than the packed size")
        guard size > 0 else { return 0 }
        return protobuf_c_message_pack(message, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
}
