import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@testable import RPC

@Suite struct FrameDecoderTests {
    private func framed(_ body: [UInt8]) -> [UInt8] {
        let n = UInt32(body.count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + body
    }

    @Test func splitsFramesWhateverTheReadBoundaries() throws {
        let bodies: [[UInt8]] = [[1, 2, 3], [], Array(repeating: 7, count: 300), [9]]
        let input = ByteBuffer(bytes: bodies.flatMap(framed))
        // The verifier feeds the input whole, byte by byte, and in other splits, and checks every
        // one yields the same frames.
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: [(input, bodies.map { ByteBuffer(bytes: $0) })],
            decoderFactory: { FrameDecoder(maximumFrameSize: 1024) })
    }

    @Test func refusesAnOversizeLengthBeforeThePayloadArrives() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maximumFrameSize: 1024)))
        // Only the 4-byte header of a 1025-byte frame: the decoder must fail now, not buffer.
        #expect(throws: FrameTooLargeError(declaredLength: 1025, maximumFrameSize: 1024)) {
            try channel.writeInbound(ByteBuffer(bytes: [0, 0, 4, 1]))
        }
    }

    @Test func acceptsAFrameOfExactlyTheMaximum() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maximumFrameSize: 8)))
        try channel.writeInbound(ByteBuffer(bytes: framed(Array(repeating: 5, count: 8))))
        let frame = try channel.readInbound(as: ByteBuffer.self)
        #expect(frame.map { Array($0.readableBytesView) } == Array(repeating: 5, count: 8))
        _ = try channel.finish()
    }
}
