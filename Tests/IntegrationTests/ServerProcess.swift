import Foundation
import NIOPosix
import Testing

/// `clv-server` and `clv` run as a user runs them, on an embedded cluster (no database URL).
enum ServerProcess {
    /// The environment without `CLV_DATABASE_URL`, so the server owns a cluster of its own.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CLV_DATABASE_URL")
        environment.removeValue(forKey: "CLV_PII_KEY_FILE")
        return environment
    }

    /// Starts `clv-server --data-dir dataDirectory` on `port`, waits until it listens, and returns
    /// it with what it said on standard error meanwhile.
    static func start(dataDirectory: String, port: Int) async throws -> (ChildProcess, [String]) {
        let running = try ChildProcess(
            try BuiltProducts.executable("clv-server"),
            arguments: ["--listen", "127.0.0.1:\(port)", "--data-dir", dataDirectory], environment: environment)
        let (listening, lines) = await running.errorLines(until: "listening")
        try #require(listening, "clv-server never started listening: \(lines.joined(separator: "\n"))")
        return (running, lines)
    }

    /// `clv health --json` against `port`: the parsed report, or nil when the call failed.
    static func health(port: Int) async throws -> [String: Any]? {
        let health = try await ChildProcess.run(
            try BuiltProducts.executable("clv"), arguments: ["health", "--server", "127.0.0.1:\(port)", "--json"],
            environment: environment)
        guard health.status == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: Data(health.output.utf8)) as? [String: Any]
    }

    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        defer { channel.close(promise: nil) }
        return channel.localAddress!.port!
    }

    /// A fresh directory, mode `mode`, removed (with any cluster kept elsewhere for a data
    /// directory inside it, see `removeRelocatedCluster`) by the caller.
    static func temporaryDirectory(mode: Int) throws -> String {
        let path = "/tmp/clv-it-\(UUID().uuidString.prefix(12))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: mode])
        return path
    }

    /// Removes the cluster directory recorded in `dataDirectory/cluster-location`, if any.
    static func removeRelocatedCluster(of dataDirectory: String) {
        guard let home = try? String(contentsOfFile: dataDirectory + "/cluster-location", encoding: .utf8) else { return }
        try? FileManager.default.removeItem(atPath: home.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
