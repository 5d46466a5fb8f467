import CLVProto
import Testing

@testable import RPC

/// The client library against the server, on real sockets.
@Suite struct RPCClientServerTests {
    @Test func unaryCallRoundTrips() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        let answer = try await client.unary(TestingService.echo, HealthCheckRequest(service: "héllo ✓"), as: HealthCheckRequest.self)
        #expect(answer.service == "héllo ✓")
        await client.close()
        try await server.stop()
    }

    @Test func unknownMethodIsUnimplemented() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        let response = try await client.rawUnary(method: "/clv.nowhere.v1.Nothing/Do", payload: [])
        #expect(response.outcome.code == RPCStatusCode.unimplemented.rawValue)
        #expect(response.outcome.message.contains("/clv.nowhere.v1.Nothing/Do"))
        await client.close()
        try await server.stop()
    }

    @Test func undecodablePayloadIsInvalidArgumentAndTheConnectionStaysOpen() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        let response = try await client.rawUnary(method: TestingService.echo.fullName, payload: [0x0a, 0x7f, 0x01])
        #expect(response.outcome.code == RPCStatusCode.invalidArgument.rawValue)
        #expect(response.outcome.fieldViolations.map(\.field) == ["payload"])
        let answer = try await client.unary(TestingService.echo, HealthCheckRequest(service: "next"), as: HealthCheckRequest.self)
        #expect(answer.service == "next")
        await client.close()
        try await server.stop()
    }

    @Test func handlerErrorsKeepTheirCodeAndFieldViolations() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        do {
            _ = try await client.unary(TestingService.fail, HealthCheckRequest(service: "x"), as: HealthCheckRequest.self)
            Issue.record("the call should have failed")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.fieldViolations == [CallFieldViolation(field: "service", description: "must not be 'x'")])
        }
        await client.close()
        try await server.stop()
    }

    @Test func aCallPastItsDeadlineIsDeadlineExceededAndItsWorkIsCancelled() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        do {
            _ = try await client.unary(
                TestingService.hold, HealthCheckRequest(service: "slow"), as: HealthCheckRequest.self,
                options: CallOptions(timeout: .milliseconds(100)))
            Issue.record("the call should have timed out")
        } catch {
            #expect(error.code == .deadlineExceeded)
        }
        await server.probe.wait(for: .cancelled("slow"))
        await client.close()
        try await server.stop()
    }

    @Test func theServerEnforcesTheDeadlineItself() async throws {
        let server = try await TestServer.start()
        let connection = try await server.rawConnection()
        try await connection.send(RawConnection.request(1, TestingService.hold, HealthCheckRequest(service: "raw-slow"), timeoutMilliseconds: 50))
        let answer = try #require(await connection.nextResponse())
        #expect(answer.callID == 1 && answer.response.outcome.code == RPCStatusCode.deadlineExceeded.rawValue)
        await server.probe.wait(for: .cancelled("raw-slow"))
        await connection.close()
        try await server.stop()
    }

    @Test func cancellingTheCallersTaskCancelsTheCallOnTheServer() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        let call = Task {
            try await client.unary(TestingService.hold, HealthCheckRequest(service: "abandon"), as: HealthCheckRequest.self)
        }
        await server.probe.wait(for: .started("abandon"))
        call.cancel()
        await #expect(throws: RPCError.self) { try await call.value }
        await server.probe.wait(for: .cancelled("abandon"))
        await client.close()
        try await server.stop()
    }

    @Test func aSlowCallDoesNotHoldUpAnotherOnTheSameConnection() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        let slow = Task {
            try await client.unary(TestingService.hold, HealthCheckRequest(service: "first"), as: HealthCheckRequest.self)
        }
        await server.probe.wait(for: .started("first"))
        // The held call is still in flight while this one completes.
        let quick = try await client.unary(TestingService.echo, HealthCheckRequest(service: "second"), as: HealthCheckRequest.self)
        #expect(quick.service == "second")
        server.probe.release("first")
        #expect(try await slow.value.service == "first")
        await client.close()
        try await server.stop()
    }

    @Test func serverStreamingDeliversEveryMessageThenEnds() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        var received: [String] = []
        for try await message in client.serverStreaming(TestingService.stream, HealthCheckRequest(service: "50"), as: HealthCheckRequest.self) {
            received.append(message.service)
        }
        #expect(received == (0..<50).map(String.init))
        await client.close()
        try await server.stop()
    }

    @Test func serverStreamingEndsWithTheHandlersError() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        var received: [String] = []
        do {
            for try await message in client.serverStreaming(TestingService.stream, HealthCheckRequest(service: "3,fail"), as: HealthCheckRequest.self) {
                received.append(message.service)
            }
            Issue.record("the stream should have failed")
        } catch let error as RPCError {
            #expect(error.code == .dataLoss)
        }
        #expect(received == ["0", "1", "2"])
        await client.close()
        try await server.stop()
    }

    @Test func fiftyConcurrentConnections() async throws {
        let server = try await TestServer.start()
        var clients: [RPCClient] = []
        for _ in 0..<50 { clients.append(try await server.client()) }
        let answers = try await withThrowingTaskGroup(of: [String].self) { group in
            for (index, client) in clients.enumerated() {
                group.addTask {
                    try await withThrowingTaskGroup(of: String.self) { calls in
                        for call in 0..<20 {
                            calls.addTask {
                                try await client.unary(TestingService.echo, HealthCheckRequest(service: "\(index)-\(call)"), as: HealthCheckRequest.self).service
                            }
                        }
                        return try await calls.reduce(into: []) { $0.append($1) }
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(answers) == Set((0..<50).flatMap { index in (0..<20).map { "\(index)-\($0)" } }))
        // Every client has been answered, so the server has set up all 50 connections.
        #expect(server.server.connectionCount == 50)
        for client in clients { await client.close() }
        try await server.stop()
    }

    @Test func callsFailWithUnavailableWhenTheServerIsGone() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        let pending = Task {
            try await client.unary(TestingService.hold, HealthCheckRequest(service: "stranded"), as: HealthCheckRequest.self)
        }
        await server.probe.wait(for: .started("stranded"))
        await client.close()
        do {
            _ = try await pending.value
            Issue.record("the call should have failed")
        } catch let error as RPCError {
            #expect(error.code == .unavailable)
        }
        await #expect(throws: RPCError.self) {
            try await client.unary(TestingService.echo, HealthCheckRequest(), as: HealthCheckRequest.self)
        }
        try await server.stop()
    }
}
