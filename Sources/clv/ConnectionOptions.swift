import Foundation
import ArgumentParser
import RPC

/// The options every command that calls a server takes.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Server address, HOST:PORT.")
    var server: String = "127.0.0.1:7400"

    @Option(help: "Bearer token for the calls (also CLV_TOKEN).")
    var token: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        guard HostAndPort(parsing: server) != nil else {
            throw ValidationError("--server must be HOST:PORT, got '\(server)'")
        }
    }

    var address: HostAndPort { HostAndPort(parsing: server)! }

    func connect() async throws -> RPCClient {
        let token = self.token ?? ProcessInfo.processInfo.environment["CLV_TOKEN"]
        return try await RPCClient.connect(host: address.host, port: address.port, token: token)
    }
}
