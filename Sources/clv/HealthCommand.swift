import ArgumentParser
import CLVProto
import CLVService
import CLVStubs
import RPC

/// `clv health`: whether the server serves and reaches its database.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Show whether the server is serving and reaches its database.",
        discussion: "Exits 0 when the server is SERVING, 1 otherwise.")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Ask about one hosted service by full name, e.g. clv.health.v1.Health.")
    var service: String = ""

    @Option(help: "Seconds to wait for the answer.")
    var timeout: Double = 5

    func run() async throws {
        let response: HealthCheckResponse
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            response = try await HealthRPC.Client(client: client).check(
                HealthCheckRequest(service: service), options: CallOptions(timeout: .milliseconds(Int(timeout * 1000))))
        } catch {
            Output.fail(error)
        }
        let report = HealthReport(response, server: connection.address.description)
        if connection.json {
            try Output.json(report)
        } else {
            Output.table(report.rows)
        }
        if response.status != .serving { throw ExitCode.failure }
    }
}
