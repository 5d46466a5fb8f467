import CProtobufC

/// A Swift message backed by a protobuf-c struct: it says how to read and lay out that struct,
/// and gets its `ProtoMessage` conformance from here.
protocol CMessageConvertible: ProtoMessage {
    associatedtype CMessage

    /// The full protobuf name, for decoding errors.
    static var protoName: String { get }
    /// protobuf-c's generated `__unpack`.
    static var unpack: (UnsafeMutablePointer<ProtobufCAllocator>?, Int, UnsafePointer<UInt8>?) -> UnsafeMutablePointer<CMessage>? { get }
    /// protobuf-c's generated `__free_unpacked`.
    static var freeUnpacked: (UnsafeMutablePointer<CMessage>?, UnsafeMutablePointer<ProtobufCAllocator>?) -> Void { get }

    /// Copies the decoded C message into a Swift value.
    init(c: UnsafePointer<CMessage>)
    /// Lays the message out in C memory owned by `arena`.
    func cMessage(in arena: CArena) -> UnsafeMutablePointer<CMessage>
}

extension CMessageConvertible {
    public init(decoding bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError) {
        self = try CRead.unpack(bytes, messageName: Self.protoName, unpack: Self.unpack, free: Self.freeUnpacked) {
            Self(c: $0)
        }
    }

    public func withEncoder<R>(_ body: (borrowing ProtoEncoder) throws -> R) rethrows -> R {
        let arena = CArena()
        return try arena.encode(cMessage(in: arena), body)
    }
}
