import Foundation
import ArgumentParser
import RPC

/// The options every command that calls a server takes. They may also stand before the
/// subcommand (`clv --json stats`, see `CommandLineArguments`), and the environment supplies
/// what the command line leaves out.
struct ConnectionOptions: ParsableArguments {
    static let defaultServer = "127.0.0.1:7400"

    @Option(name: .customLong("server"), help: ArgumentHelp(
        "Server address, HOST:PORT (default: $CLV_SERVER, else \(Self.defaultServer)).", valueName: "host:port"))
    var serverOption: String?

    @Option(name: .customLong("token"), help: ArgumentHelp("Bearer token for the calls (default: $CLV_TOKEN).", valueName: "token"))
    var tokenOption: String?

    @Flag(help: "Print JSON instead of a table; errors too, as {code, message, field} on standard output.")
    var json = false

    /// `--server`, else `CLV_SERVER`, else the default.
    var server: String {
        serverOption ?? Self.environment("CLV_SERVER") ?? Self.defaultServer
    }

    /// `--token`, else `CLV_TOKEN`.
    var token: String? {
        tokenOption ?? Self.environment("CLV_TOKEN")
    }

    func validate() throws {
        guard HostAndPort(parsing: server) != nil else {
            let source = serverOption == nil ? "CLV_SERVER" : "--server"
            throw ValidationError("\(source) must be HOST:PORT, got '\(server)'")
        }
    }

    var address: HostAndPort { HostAndPort(parsing: server)! }

    func connect() async throws -> RPCClient {
        try await RPCClient.connect(host: address.host, port: address.port, token: token)
    }

    private static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
