import Foundation
import Testing

/// `clv-server` on its data directory: one owner per cluster, secrets inside.
@Suite struct DataDirectoryServerTests {
    @Test func aSecondServerOnTheSameDataDirectoryRefusesAndTheFirstKeepsServing() async throws {
        let parent = try ServerProcess.temporaryDirectory(mode: 0o755)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let dataDirectory = parent + "/db"
        let port = try await ServerProcess.freePort()
        let (first, _) = try await ServerProcess.start(dataDirectory: dataDirectory, port: port)
        defer { if first.process.isRunning { first.process.terminate() } }

        // The same command again, as a user who forgot the first one runs: same port, same data.
        let second = try ChildProcess(
            try BuiltProducts.executable("clv-server"),
            arguments: ["--listen", "127.0.0.1:\(port)", "--data-dir", dataDirectory], environment: ServerProcess.environment)
        let (refused, lines) = await second.errorLines(until: "is in use")
        #expect(refused, "\(lines.joined(separator: "\n"))")
        #expect(lines.last?.contains("the data directory \(dataDirectory) is in use: process \(first.process.processIdentifier) owns its PostgreSQL cluster") == true)
        #expect(await second.waitForExit() != 0)

        // The first server's cluster was never touched: it still serves, database and all.
        let report = try await ServerProcess.health(port: port)
        #expect(report?["status"] as? String == "SERVING")
        #expect(report?["database_reachable"] as? Bool == true)

        first.process.interrupt()
        #expect(await first.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: dataDirectory + "/pgdata/postmaster.pid"))
    }

    @Test func thePIIKeyLivesInsideTheDataDirectoryAndAnOldOneBesideItMovesIn() async throws {
        let parent = try ServerProcess.temporaryDirectory(mode: 0o755)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
        // Where earlier versions kept it, shared by every data directory in `parent`.
        try key.write(toFile: parent + "/pii.key", atomically: false, encoding: .utf8)
        let dataDirectory = parent + "/db"
        let port = try await ServerProcess.freePort()
        let (server, lines) = try await ServerProcess.start(dataDirectory: dataDirectory, port: port)
        defer { if server.process.isRunning { server.process.terminate() } }

        #expect(lines.contains { $0.contains("moved the PII key from \(parent)/pii.key into the data directory: \(dataDirectory)/pii.key") },
            "\(lines.joined(separator: "\n"))")
        #expect(!FileManager.default.fileExists(atPath: parent + "/pii.key"))
        #expect(try String(contentsOfFile: dataDirectory + "/pii.key", encoding: .utf8) == key)
        let attributes = try FileManager.default.attributesOfItem(atPath: dataDirectory + "/pii.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        server.process.interrupt()
        #expect(await server.waitForExit() == 0)

        // A data directory beside it gets a key of its own, inside it; nothing appears beside.
        let other = parent + "/other"
        let (next, _) = try await ServerProcess.start(dataDirectory: other, port: port)
        defer { if next.process.isRunning { next.process.terminate() } }
        let otherKey = try String(contentsOfFile: other + "/pii.key", encoding: .utf8)
        #expect(otherKey.count == 65 && otherKey != key)
        #expect(!FileManager.default.fileExists(atPath: parent + "/pii.key"))
        next.process.interrupt()
        #expect(await next.waitForExit() == 0)
    }
}
