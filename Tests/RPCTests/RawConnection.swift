import CLVProto
import NIOCore
import NIOPosix
@testable import RPC

/// A bare TCP connection that writes whatever bytes a test gives it and decodes what comes back.
struct RawConnection {
    let channel: any Channel
    let frames: AsyncStream<CallFrame>

    static func connect(port: Int) async throws -> RawConnection {
        let (frames, sink) = AsyncStream.makeStream(of: CallFrame.self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(maximumFrameSize: 1 << 26)))
                    try channel.pipeline.syncOperations.addHandler(FrameCollector(sink: sink))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, frames: frames)
    }

    func send(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    /// Sends the bytes one write (and one TCP segment, with Nagle off) at a time.
    func sendByteByByte(_ bytes: [UInt8]) async throws {
        for byte in bytes {
            try await channel.writeAndFlush(ByteBuffer(bytes: [byte]))
        }
    }

    /// Waits until the server closes the connection.
    func waitForClose() async throws {
        try await channel.closeFuture.get()
    }

    func close() async {
        try? await channel.close()
    }

    /// A frame's wire form: 4-byte big-endian length, then the encoded `Frame`.
    static func encode(_ frame: CallFrame) -> [UInt8] {
        prefix(frame.serializedBytes())
    }

    static func prefix(_ body: [UInt8]) -> [UInt8] {
        let length = UInt32(body.count)
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)] + body
    }

    static func request(_ callID: UInt64, _ method: MethodDescriptor, _ message: HealthCheckRequest, timeoutMilliseconds: UInt32 = 0) -> [UInt8] {
        encode(CallFrame(callID: callID, kind: .request(CallRequest(
            method: method.fullName, timeoutMs: timeoutMilliseconds, payload: message.serializedBytes()))))
    }
}

/// Decodes each inbound frame and hands it to the test; ends the stream when the connection closes.
private final class FrameCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let sink: AsyncStream<CallFrame>.Continuation

    init(sink: AsyncStream<CallFrame>.Continuation) {
        self.sink = sink
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if let frame = try? unwrapInboundIn(data).decodeFrame() { sink.yield(frame) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        sink.finish()
    }
}

extension RawConnection {
    /// The next frame from the server; nil once the connection has closed.
    func nextFrame() async -> CallFrame? {
        var iterator = frames.makeAsyncIterator()
        return await iterator.next()
    }

    /// The next frame, which must be a response; returns its call id and response.
    func nextResponse() async -> (callID: UInt64, response: CallResponse)? {
        guard let frame = await nextFrame(), case .response(let response) = frame.kind else { return nil }
        return (frame.callID, response)
    }
}
