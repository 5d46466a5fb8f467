import CProtobufC

/// A Swift message backed by a protobuf-c struct: generated code says how to read and lay out
/// that struct, and the message gets its `ProtoMessage` conformance from here.
protocol CMessageConvertible: ProtoMessage {
    associatedtype CMessage

    /// protobuf-c's descriptor of the struct.
    static var cDescriptor: CMessageDescriptor { get }

    /// Copies the decoded C message into a Swift value.
    init(c: UnsafePointer<CMessage>)
    /// Lays the message out in C memory owned by `arena`.
    func cMessage(in arena: CArena) -> UnsafeMutablePointer<CMessage>
}

extension CMessageConvertible {
    public init(decoding bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError) {
        self = try CRead.unpack(bytes, Self.cDescriptor, messageName: Self.protoName) { (message: UnsafePointer<CMessage>) in
            Self(c: message)
        }
    }

    public func withEncoder<R>(_ body: (borrowing ProtoEncoder) throws -> R) rethrows -> R {
        let arena = CArena()
        return try arena.encode(cMessage(in: arena), body)
    }

    public static var protoSchema: ProtoSchema { ProtoSchema(cDescriptor) }
}

/// protobuf-c's descriptor of one message type: its fields, their numbers and types.
///
/// `@unchecked Sendable` is safe: it points at a descriptor that protobuf-c's generated C holds
/// as a `const` global, alive for the whole program and never written.
struct CMessageDescriptor: @unchecked Sendable {
    let pointer: UnsafePointer<ProtobufCMessageDescriptor>

    init(_ pointer: UnsafePointer<ProtobufCMessageDescriptor>) {
        self.pointer = pointer
    }

    /// The descriptor that protobuf-c's generated `init` function puts into a `T`: the only way
    /// to its address from Swift, which sees the `const` global as a value.
    init<T>(_ type: T.Type, _ initialise: (UnsafeMutablePointer<T>) -> Void) {
        let message = UnsafeMutablePointer<T>.allocate(capacity: 1)
        defer { message.deallocate() }
        initialise(message)
        pointer = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self).pointee.descriptor
    }
}
