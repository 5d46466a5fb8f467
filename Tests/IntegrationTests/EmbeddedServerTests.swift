import Foundation
import NIOPosix
import Testing

/// `clv-server` and `clv` as a user runs them: no database URL, so the server owns its own cluster.
@Suite struct EmbeddedServerTests {
    @Test func serverStartsItsOwnDatabaseAnswersTheCLIAndStopsCleanly() async throws {
        let server = try BuiltProducts.executable("clv-server")
        let cli = try BuiltProducts.executable("clv")
        let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("clv-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CLV_DATABASE_URL")
        let port = try await freePort()

        let running = try ChildProcess(
            server, arguments: ["--listen", "127.0.0.1:\(port)", "--data-dir", dataDirectory.path],
            environment: environment)
        #expect(await running.waitForErrorLine(containing: "listening"), "clv-server never started listening")

        let health = try await ChildProcess.run(
            cli, arguments: ["health", "--server", "127.0.0.1:\(port)", "--json"], environment: environment)
        #expect(health.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(health.output.utf8)) as? [String: Any]
        #expect(report?["status"] as? String == "SERVING")
        #expect(report?["database_reachable"] as? Bool == true)

        running.process.interrupt()  // SIGINT: graceful shutdown
        #expect(await running.waitForExit() == 0)
        // The cluster it started is stopped with it.
        let pidFile = dataDirectory.appendingPathComponent("pgdata/postmaster.pid")
        #expect(!FileManager.default.fileExists(atPath: pidFile.path))

        let unreachable = try await ChildProcess.run(
            cli, arguments: ["health", "--server", "127.0.0.1:\(port)"], environment: environment)
        #expect(unreachable.status != 0)
    }

    private func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        defer { channel.close(promise: nil) }
        return channel.localAddress!.port!
    }
}
