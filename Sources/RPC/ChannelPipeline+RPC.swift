import NIOCore

extension ChannelPipeline.SynchronousOperations {
    /// Adds the framing codec: length-prefixed bytes in, `Frame`s out.
    func addFrameCodec(maximumFrameSize: Int) throws {
        try addHandler(ByteToMessageHandler(FrameDecoder(maximumFrameSize: maximumFrameSize)))
        try addHandler(MessageToByteHandler(FrameEncoder()))
    }
}
