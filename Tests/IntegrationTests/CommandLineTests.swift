import Foundation
import NIOCore
import NIOPosix
import Testing
import TestSupport

/// `clv` as people type it: options before or after the subcommand, the environment, typos,
/// servers that are down or are not clv at all, and `--json` for scripts.
@Suite struct CommandLineTests {
    @Test func versionNamesTheProduct() async throws {
        let run = try await clv(["--version"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("clv 0."))
        let server = try await ChildProcess.run(
            try BuiltProducts.executable("clv-server"), arguments: ["--version"], environment: ProcessInfo.processInfo.environment)
        #expect(server.status == 0)
        #expect(server.output.hasPrefix("clv-server 0."))
    }

    @Test func aMistypedSubcommandSuggestsTheNearestOne() async throws {
        let run = try await clv(["valu", "--server", "127.0.0.1:1"])
        #expect(run.status == 64)
        #expect(run.error.contains("unknown command 'valu'"), "\(run.error)")
        #expect(run.error.contains("did you mean 'value'?"), "\(run.error)")
        let nested = try await clv(["report", "valeu"])
        #expect(nested.error.contains("unknown command 'valeu' for 'clv report' — did you mean 'value'?"), "\(nested.error)")
    }

    @Test func aRefusedConnectionIsOneReadableLine() async throws {
        let port = try await closedPort()
        let run = try await clv(["health", "--server", "127.0.0.1:\(port)"])
        #expect(run.status == 1)
        #expect(run.error == "error: cannot connect to 127.0.0.1:\(port): connection refused — is clv-server running?\n")
    }

    /// The command's own errors read as sentences, with no status code in front.
    @Test func aFileThatCannotBeReadIsSaidPlainly() async throws {
        let run = try await clv(["import", "customers", "/nonexistent/customers.csv", "--server", "127.0.0.1:1"])
        #expect(run.status == 1)
        #expect(run.error == "error: cannot open /nonexistent/customers.csv: No such file or directory\n")
        let json = try await clv(["--json", "import", "customers", "/nonexistent/customers.csv", "--server", "127.0.0.1:1"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(report["code"] as? String == "UNKNOWN")
    }

    @Test func globalOptionsMayPrecedeTheSubcommandAndErrorsAreJSON() async throws {
        let port = try await closedPort()
        let run = try await clv(["--server", "127.0.0.1:\(port)", "--json", "health"])
        #expect(run.status == 1)
        #expect(run.error.isEmpty)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(report["code"] as? String == "UNAVAILABLE")
        #expect((report["message"] as? String)?.contains("127.0.0.1:\(port)") == true)
        #expect(report["field"] is NSNull)
    }

    @Test func theEnvironmentNamesTheServerWhenTheCommandLineDoesNot() async throws {
        let port = try await closedPort()
        let run = try await clv(["stats"], environment: ["CLV_SERVER": "127.0.0.1:\(port)"])
        #expect(run.error.contains("cannot connect to 127.0.0.1:\(port)"), "\(run.error)")
        let flagWins = try await clv(["stats", "--server", "127.0.0.1:1"], environment: ["CLV_SERVER": "127.0.0.1:\(port)"])
        #expect(flagWins.error.contains("cannot connect to 127.0.0.1:1:"), "\(flagWins.error)")
        let bad = try await clv(["stats", "--json"], environment: ["CLV_SERVER": "nonsense"])
        #expect(bad.status == 64)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(bad.output.utf8)) as? [String: Any])
        #expect(report["code"] as? String == "USAGE")
        #expect((report["message"] as? String)?.contains("CLV_SERVER must be HOST:PORT") == true)
    }

    /// PostgreSQL's port: the peer a user most often mistakes for clv-server's.
    @Test func aPeerThatIsNotClvSaysSo() async throws {
        let database = try await TestDatabase.shared()
        let postgres = try await clv(["health", "--server", "127.0.0.1:\(database.port)"])
        #expect(postgres.status == 1)
        // PostgreSQL answers the frame with an ErrorResponse ("unsupported frontend protocol").
        #expect(postgres.error == "error: 127.0.0.1:\(database.port) does not speak the clv protocol — is this a clv-server's address?\n")

        // A server that answers with text (an HTTP server, say).
        let http = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.pipeline.addHandler(HTTPLikeResponder()) }
            .bind(host: "127.0.0.1", port: 0).get()
        defer { http.close(promise: nil) }
        let port = try #require(http.localAddress?.port)
        let answer = try await clv(["health", "--server", "127.0.0.1:\(port)"])
        #expect(answer.error == "error: 127.0.0.1:\(port) does not speak the clv protocol — is this a clv-server's address?\n")
    }

    // MARK: Helpers

    /// Answers whatever it reads as an HTTP server answers a request it cannot parse.
    private final class HTTPLikeResponder: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")), promise: nil)
        }
    }

    private func clv(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> (status: Int32, output: String, error: String) {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CLV_SERVER")
        environment.removeValue(forKey: "CLV_TOKEN")
        environment.merge(extra) { _, new in new }
        let child = try ChildProcess(try BuiltProducts.executable("clv"), arguments: arguments, environment: environment)
        let output = Task.detached { child.output() }
        var errorLines: [String] = []
        for await line in child.errorLines { errorLines.append(line) }
        let status = await child.waitForExit()
        return (status, await output.value, errorLines.map { $0 + "\n" }.joined())
    }

    /// A port nothing listens on: bound, then closed.
    private func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }
}
