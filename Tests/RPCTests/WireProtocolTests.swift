import CLVProto
import NIOCore
import Testing

@testable import RPC

/// The server against hand-made bytes on a real socket.
@Suite struct WireProtocolTests {
    @Test func answersAFrameSentOneByteAtATime() async throws {
        let server = try await TestServer.start()
        let connection = try await server.rawConnection()
        try await connection.sendByteByByte(RawConnection.request(7, TestingService.echo, HealthCheckRequest(service: "split")))
        let answer = try #require(await connection.nextResponse())
        #expect(answer.callID == 7)
        #expect(answer.response.outcome.code == 0 && answer.response.endOfStream)
        #expect(try HealthCheckRequest(serializedBytes: answer.response.payload).service == "split")
        await connection.close()
        try await server.stop()
    }

    @Test func answersManyFramesSentInOneWrite() async throws {
        let server = try await TestServer.start()
        let connection = try await server.rawConnection()
        let bytes = (1...20).flatMap { RawConnection.request(UInt64($0), TestingService.echo, HealthCheckRequest(service: "m\($0)")) }
        try await connection.send(bytes)
        var seen: [UInt64: String] = [:]
        for _ in 1...20 {
            let answer = try #require(await connection.nextResponse())
            seen[answer.callID] = try HealthCheckRequest(serializedBytes: answer.response.payload).service
        }
        #expect(seen == Dictionary(uniqueKeysWithValues: (1...20).map { (UInt64($0), "m\($0)") }))
        await connection.close()
        try await server.stop()
    }

    @Test func answersPipelinedCallsOutOfOrder() async throws {
        let server = try await TestServer.start()
        let connection = try await server.rawConnection()
        // 100 calls in one write; call i sleeps (100 - i) ms, so the last sent should finish first.
        let bytes = (1...100).flatMap { i in
            RawConnection.request(UInt64(i), TestingService.sleep, HealthCheckRequest(service: "\(2 * (100 - i))"))
        }
        try await connection.send(bytes)
        var order: [UInt64] = []
        for _ in 1...100 {
            let answer = try #require(await connection.nextResponse())
            #expect(answer.response.outcome.code == 0)
            let slept = try HealthCheckRequest(serializedBytes: answer.response.payload).service
            #expect(slept == "\(2 * (100 - Int(answer.callID)))", "call \(answer.callID) got another call's answer")
            order.append(answer.callID)
        }
        #expect(Set(order) == Set(1...100))
        #expect(order != order.sorted(), "responses came back in request order")
        #expect(order.first! > order.last!)
        await connection.close()
        try await server.stop()
    }

    @Test func refusesAnOversizeFrameAndClosesOnlyThatConnection() async throws {
        let server = try await TestServer.start(maximumFrameSize: 1024)
        let bystander = try await server.client()
        let connection = try await server.rawConnection()
        // Declares 1 MiB but sends only the header: the answer must not wait for the payload.
        try await connection.send([0x00, 0x10, 0x00, 0x00])
        let answer = try #require(await connection.nextResponse())
        #expect(answer.callID == 0)
        #expect(answer.response.outcome.code == RPCStatusCode.resourceExhausted.rawValue)
        #expect(answer.response.outcome.message.contains("1048576"))
        try await connection.waitForClose()
        let echoed = try await bystander.unary(TestingService.echo, HealthCheckRequest(service: "still here"), as: HealthCheckRequest.self)
        #expect(echoed.service == "still here")
        await bystander.close()
        try await server.stop()
    }

    @Test func refusesGarbageThatIsNotAFrameAndCloses() async throws {
        let server = try await TestServer.start()
        let bystander = try await server.client()
        let connection = try await server.rawConnection()
        // A well-formed length prefix around bytes that are not a protobuf message.
        try await connection.send(RawConnection.prefix([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))
        let answer = try #require(await connection.nextResponse())
        #expect(answer.callID == 0)
        #expect(answer.response.outcome.code == RPCStatusCode.invalidArgument.rawValue)
        try await connection.waitForClose()
        #expect(try await bystander.unary(TestingService.echo, HealthCheckRequest(service: "ok"), as: HealthCheckRequest.self).service == "ok")
        await bystander.close()
        try await server.stop()
    }

    /// `/clv.health.v1.Health/Check\0x` was once served as Check: protobuf-c cut the method at the NUL.
    @Test func aMethodOrMetadataThatIsNotValidTextIsRefusedOnCallZero() async throws {
        let server = try await TestServer.start()
        let bystander = try await server.client()
        let method = Array(TestingService.echo.fullName.utf8)
        let cases: [(request: [UInt8], field: String)] = [
            (Self.field(1, method + [0, 0x78]), "request.method"),
            (Self.field(1, method) + Self.field(3, Self.field(1, [0x61, 0xff]) + Self.field(2, [0x62])), "request.metadata[0].key"),
            (Self.field(1, method) + Self.field(3, Self.field(1, [0x61]) + Self.field(2, [0x62, 0x00])), "request.metadata[0].value"),
        ]
        for (request, field) in cases {
            let connection = try await server.rawConnection()
            try await connection.send(RawConnection.prefix([0x08, 0x05] + Self.field(2, request)))  // call_id 5
            let answer = try #require(await connection.nextResponse())
            #expect(answer.callID == 0)
            #expect(answer.response.outcome.code == RPCStatusCode.invalidArgument.rawValue)
            #expect(answer.response.outcome.message.hasPrefix("clv.rpc.v1.Frame.\(field) "), "\(answer.response.outcome.message)")
            try await connection.waitForClose()
        }
        #expect(try await bystander.unary(TestingService.echo, HealthCheckRequest(service: "ok"), as: HealthCheckRequest.self).service == "ok")
        await bystander.close()
        try await server.stop()
    }

    /// A length-delimited field (short values only).
    private static func field(_ number: UInt8, _ bytes: [UInt8]) -> [UInt8] {
        [number << 3 | 2, UInt8(bytes.count)] + bytes
    }

    @Test func anEmptyFrameOrAResponseFromTheClientIsRefusedButTheConnectionStays() async throws {
        let server = try await TestServer.start()
        let connection = try await server.rawConnection()
        try await connection.send(RawConnection.encode(CallFrame(callID: 3, kind: .none)))
        #expect(await connection.nextResponse()?.response.outcome.code == RPCStatusCode.invalidArgument.rawValue)
        try await connection.send(RawConnection.encode(CallFrame(callID: 4, kind: .response(CallResponse(endOfStream: true)))))
        #expect(await connection.nextResponse()?.response.outcome.code == RPCStatusCode.invalidArgument.rawValue)
        try await connection.send(RawConnection.request(0, TestingService.echo, HealthCheckRequest()))
        let reserved = try #require(await connection.nextResponse())
        #expect(reserved.callID == 0 && reserved.response.outcome.message.contains("reserved"))
        try await connection.send(RawConnection.request(5, TestingService.echo, HealthCheckRequest(service: "after")))
        let answer = try #require(await connection.nextResponse())
        #expect(answer.callID == 5 && answer.response.outcome.code == 0)
        await connection.close()
        try await server.stop()
    }

    @Test func aCancelFrameStopsTheCallsWork() async throws {
        let server = try await TestServer.start()
        let connection = try await server.rawConnection()
        try await connection.send(RawConnection.request(11, TestingService.hold, HealthCheckRequest(service: "cancel-me")))
        await server.probe.wait(for: .started("cancel-me"))
        try await connection.send(RawConnection.encode(CallFrame(callID: 11, kind: .cancel(CallCancel()))))
        await server.probe.wait(for: .cancelled("cancel-me"))
        let answer = try #require(await connection.nextResponse())
        #expect(answer.callID == 11)
        #expect(answer.response.outcome.code == RPCStatusCode.cancelled.rawValue)
        await connection.close()
        try await server.stop()
    }

    @Test func aDuplicateCallIDIsRefusedWithoutDisturbingTheFirstCall() async throws {
        let server = try await TestServer.start()
        let connection = try await server.rawConnection()
        try await connection.send(RawConnection.request(21, TestingService.hold, HealthCheckRequest(service: "dup")))
        await server.probe.wait(for: .started("dup"))
        try await connection.send(RawConnection.request(21, TestingService.echo, HealthCheckRequest(service: "again")))
        let refusal = try #require(await connection.nextResponse())
        #expect(refusal.callID == 0 && refusal.response.outcome.message.contains("21"))
        server.probe.release("dup")
        let answer = try #require(await connection.nextResponse())
        #expect(answer.callID == 21 && answer.response.outcome.code == 0)
        #expect(try HealthCheckRequest(serializedBytes: answer.response.payload).service == "dup")
        await connection.close()
        try await server.stop()
    }

    @Test func closingTheConnectionCancelsItsCalls() async throws {
        let server = try await TestServer.start()
        let connection = try await server.rawConnection()
        try await connection.send(RawConnection.request(1, TestingService.hold, HealthCheckRequest(service: "orphan")))
        await server.probe.wait(for: .started("orphan"))
        await connection.close()
        await server.probe.wait(for: .cancelled("orphan"))
        try await server.stop()
    }

    @Test func randomBytesNeverTakeTheServerDown() async throws {
        let server = try await TestServer.start(maximumFrameSize: 4096)
        var generator = SplitMix64(seed: 0xC1F)
        for _ in 0..<40 {
            let connection = try await server.rawConnection()
            let body = (0..<Int(generator.next() % 300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            // Half are framed properly around garbage, half are garbage from the first byte.
            let bytes = generator.next() % 2 == 0 ? RawConnection.prefix(body) : body
            try? await connection.send(bytes)
            await connection.close()
        }
        let client = try await server.client()
        #expect(try await client.unary(TestingService.echo, HealthCheckRequest(service: "alive"), as: HealthCheckRequest.self).service == "alive")
        await client.close()
        try await server.stop()
    }
}

/// A small deterministic generator, so a failure replays the same bytes.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
