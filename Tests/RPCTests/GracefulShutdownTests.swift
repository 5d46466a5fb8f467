import CLVProto
import Testing

@testable import RPC

@Suite struct GracefulShutdownTests {
    @Test func shutdownRefusesNewCallsAndLetsCallsInFlightFinish() async throws {
        let server = try await TestServer.start()
        let client = try await server.client()
        let inFlight = Task {
            try await client.unary(TestingService.hold, HealthCheckRequest(service: "finishing"), as: HealthCheckRequest.self)
        }
        await server.probe.wait(for: .started("finishing"))
        await server.beginShutdown()
        // New calls on the open connection are refused once draining has begun.
        var refused: CallResponse
        repeat {
            refused = try await client.rawUnary(method: TestingService.echo.fullName, payload: HealthCheckRequest().serializedBytes())
        } while refused.outcome.code == 0
        #expect(refused.outcome.code == RPCStatusCode.unavailable.rawValue)
        server.probe.release("finishing")
        #expect(try await inFlight.value.service == "finishing")
        try await server.waitUntilStopped()
        await client.close()
    }

    @Test func shutdownCancelsCallsThatOutliveTheGracePeriod() async throws {
        let server = try await TestServer.start(shutdownGracePeriod: .milliseconds(50))
        let client = try await server.client()
        let stuck = Task {
            try await client.unary(TestingService.hold, HealthCheckRequest(service: "stuck"), as: HealthCheckRequest.self)
        }
        await server.probe.wait(for: .started("stuck"))
        try await server.stop()
        await server.probe.wait(for: .cancelled("stuck"))
        await #expect(throws: RPCError.self) { try await stuck.value }
        await client.close()
    }
}
