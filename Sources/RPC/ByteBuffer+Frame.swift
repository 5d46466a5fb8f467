import CLVProto
import NIOCore

extension ByteBuffer {
    /// Decodes the readable bytes as one `Frame`.
    func decodeFrame() throws(ProtoDecodingError) -> CallFrame {
        let result = withUnsafeReadableBytes { bytes in
            Result { () throws(ProtoDecodingError) in try CallFrame(decoding: bytes) }
        }
        return try result.get()
    }
}
