/// A protobuf message as a Swift value, encoded and decoded by protobuf-c.
public protocol ProtoMessage: Sendable, Hashable {
    /// The full protobuf name, e.g. `clv.ingestion.v1.Order`.
    static var protoName: String { get }

    /// The message's fields, from the generated tables.
    static var protoSchema: ProtoSchema { get }

    /// Decodes the message from its protobuf encoding.
    init(decoding bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError)

    /// Lays the message out for protobuf-c and hands `body` an encoder for it.
    ///
    /// The encoder is valid only inside `body`.
    func withEncoder<R>(_ body: (borrowing ProtoEncoder) throws -> R) rethrows -> R
}

extension ProtoMessage {
    /// Decodes the message from its protobuf encoding.
    public init(serializedBytes bytes: some Collection<UInt8>) throws(ProtoDecodingError) {
        let decoded: Result<Self, ProtoDecodingError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(ProtoDecodingError) in try Self(decoding: UnsafeRawBufferPointer(buffer)) }
        }
        let result = decoded ?? Array(bytes).withUnsafeBytes { buffer in
            Result { () throws(ProtoDecodingError) in try Self(decoding: buffer) }
        }
        self = try result.get()
    }

    /// The message's protobuf encoding.
    public func serializedBytes() -> [UInt8] {
        withEncoder { encoder in
            [UInt8](unsafeUninitializedCapacity: encoder.size) { buffer, count in
                count = encoder.pack(into: UnsafeMutableRawBufferPointer(buffer))
            }
        }
    }
}
