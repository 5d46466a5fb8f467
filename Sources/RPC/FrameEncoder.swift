import CLVProto
import NIOCore

/// Writes each `Frame` as a 4-byte big-endian length followed by its protobuf encoding.
public struct FrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = CallFrame

    public init() {}

    public func encode(data: CallFrame, out: inout ByteBuffer) throws {
        data.withEncoder { encoder in
            out.writeInteger(UInt32(encoder.size))
            out.writeWithUnsafeMutableBytes(minimumWritableBytes: encoder.size) { encoder.pack(into: $0) }
        }
    }
}
