import CLVProto
import RPC
import Store

/// A test-only service whose methods use the store. Messages reuse `HealthCheckRequest` as a string carrier.
enum DatabaseTestingService {
    static let name = "clv.testing.v1.Database"
    /// Counts the applied migrations.
    static let count = MethodDescriptor(
        service: name, method: "Count", request: HealthCheckRequest.self, response: HealthCheckRequest.self, kind: .unary, scope: .public)
    /// Runs `SELECT pg_sleep(30)` tagged with the request's string.
    static let sleep = MethodDescriptor(
        service: name, method: "Sleep", request: HealthCheckRequest.self, response: HealthCheckRequest.self, kind: .unary, scope: .public)

    static func register(into router: inout RPCRouter, pool: PGPool, sleepEnded: AsyncStream<String>.Continuation) {
        router.registerUnary(count) { (_: HealthCheckRequest, _) -> HealthCheckRequest in
            let rows = try await pool.query("SELECT count(*) AS n FROM clv_schema_migrations")
            return HealthCheckRequest(service: String(try rows[0].int("n")))
        }
        router.registerUnary(sleep) { (request: HealthCheckRequest, _) -> HealthCheckRequest in
            defer { sleepEnded.yield(request.service) }
            // The tag travels as a bound parameter, so pg_stat_activity shows the query text only.
            _ = try await pool.query("SELECT pg_sleep(30), $1::text AS tag", [.text(request.service)])
            return request
        }
    }
}
