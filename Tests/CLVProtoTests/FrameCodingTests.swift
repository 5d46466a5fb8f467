import CLVProto
import Foundation
import Testing

@Suite struct FrameCodingTests {
    static let request = CallFrame(callID: 1, kind: .request(CallRequest(
        method: "/clv.health.v1.Health/Check", timeoutMs: 1000,
        metadata: ["x-request-id": "7f3a"], payload: HealthCheckRequest().serializedBytes())))

    static let response = CallFrame(callID: 1, kind: .response(CallResponse(
        payload: HealthCheckResponse(
            status: .serving, databaseReachable: true, databaseCheckedMsAgo: 120,
            services: ["clv.health.v1.Health"], version: "0.1.0"
        ).serializedBytes(),
        endOfStream: true)))

    @Test func requestFrameEncodesToTheBytesTheProtocolDocumentShows() throws {
        #expect(hex(Self.request.serializedBytes()) == (try documentedFrame("request")))
    }

    @Test func responseFrameEncodesToTheBytesTheProtocolDocumentShows() throws {
        #expect(hex(Self.response.serializedBytes()) == (try documentedFrame("response")))
    }

    @Test(arguments: [
        FrameCodingTests.request,
        FrameCodingTests.response,
        CallFrame(callID: .max, kind: .cancel(CallCancel())),
        CallFrame(callID: 9, kind: nil),
        CallFrame(callID: 42, kind: .response(CallResponse(
            status: CallStatus(code: 3, message: "2 fields are wrong", fieldViolations: [
                CallFieldViolation(field: "orders[3].amount.currency", description: "not an ISO 4217 code"),
                CallFieldViolation(field: "orders[4].placed_at", description: "in the future"),
            ]),
            endOfStream: true))),
        CallFrame(callID: 5, kind: .request(CallRequest(
            method: "/a/b", metadata: ["authorization": "Bearer t", "k": "", "ünï": "cödé"],
            payload: Array(0...255)))),
    ])
    func framesRoundTrip(frame: CallFrame) throws {
        #expect(try CallFrame(serializedBytes: frame.serializedBytes()) == frame)
    }

    @Test func aLargePayloadRoundTrips() throws {
        let payload = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let frame = CallFrame(callID: 2, kind: .response(CallResponse(payload: payload, endOfStream: false)))
        #expect(try CallFrame(serializedBytes: frame.serializedBytes()) == frame)
    }

    @Test func bytesThatAreNotAFrameAreRefused() {
        #expect(throws: ProtoDecodingError(messageName: "clv.rpc.v1.Frame")) {
            try CallFrame(serializedBytes: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])
        }
        // A length-delimited field running past the end.
        #expect(throws: ProtoDecodingError.self) { try CallFrame(serializedBytes: [0x12, 0x10, 0x0a]) }
    }

    @Test func anEmptyBufferIsAnEmptyFrame() throws {
        #expect(try CallFrame(serializedBytes: []) == CallFrame(callID: 0, kind: .none))
    }

    @Test func healthMessagesRoundTrip() throws {
        let response = HealthCheckResponse(
            status: .notServing, databaseReachable: false, databaseCheckedMsAgo: .max,
            services: ["a", "b"], version: "9")
        #expect(try HealthCheckResponse(serializedBytes: response.serializedBytes()) == response)
        #expect(try HealthCheckRequest(serializedBytes: HealthCheckRequest(service: "x").serializedBytes()).service == "x")
    }

    private func hex(_ bytes: [UInt8]) -> String {
        let length = UInt32(bytes.count)
        let prefixed = [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)] + bytes
        return prefixed.map { String(format: "%02x", $0) }.joined()
    }

    /// The hex bytes of the dump docs/protocol.md shows between `<!-- frame:NAME -->` markers.
    private func documentedFrame(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/protocol.md"), encoding: .utf8)
        let start = try #require(document.range(of: "<!-- frame:\(name) -->"))
        let end = try #require(document.range(of: "<!-- /frame:\(name) -->", range: start.upperBound..<document.endIndex))
        // Each dump line: offset, up to 16 hex bytes, then the ASCII column after two spaces.
        return document[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard let offset = fields.first, offset.count == 8, offset.allSatisfy(\.isHexDigit) else { return nil }
            return fields.dropFirst(2).prefix { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }.joined()
        }.joined()
    }
}
