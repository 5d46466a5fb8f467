import Foundation
@testable import Store
import TestSupport
import Testing

@Suite("Embedded PostgreSQL")
struct EmbeddedPostgresTests {
    @Test func aPoolSurvivesTheServerGoingAwayAndComingBack() async throws {
        let (cluster, configuration) = try await TestDatabase.privateCluster()
        let pool = TestDatabase.makePool(configuration, maximumConnections: 2)
        defer { Task { await pool.close() } }
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.user == "clv" && configuration.database == "clv")
        #expect(try await pool.query("SELECT current_database() AS db")[0].string("db") == "clv")
        #expect(await pool.ping(timeout: .seconds(30)))

        try await cluster.stop()
        let down = await storeError { try await pool.query("SELECT 1") }
        #expect(down?.kind == .unavailable)
        #expect(await pool.ping(timeout: .seconds(30)) == false)

        try await cluster.restart()
        #expect(try await pool.query("SELECT 1 AS one")[0].int("one") == 1)
        #expect(await pool.ping(timeout: .seconds(30)))

        // Restart under idle connections: the next checkout replaces them without an error.
        try await cluster.restart()
        #expect(try await pool.query("SELECT 2 AS two")[0].int("two") == 2)
        #expect(try await pool.query("SELECT inet_server_port() AS port")[0].int("port") == Int64(configuration.port))
    }

    @Test func startReusesARunningClusterAndItsPassword() async throws {
        let (cluster, configuration) = try await TestDatabase.privateCluster()
        let again = EmbeddedPostgres(dataDirectory: cluster.dataDirectory, logger: TestDatabase.logger)
        let reused = try await again.start()
        #expect(reused == configuration)
        #expect(cluster.ownsCluster && !again.ownsCluster)

        let passwordFile = cluster.dataDirectory + "/password"
        let attributes = try FileManager.default.attributesOfItem(atPath: passwordFile)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.ownerAccountID] as? Int) == Int(geteuid()))
        #expect(FileManager.default.fileExists(atPath: cluster.dataDirectory + "/postgres.log"))

        // Stopped by its owner and started again: same cluster (same password), new free port
        // allowed, and the one that started it owns it now.
        try await cluster.stop()
        let restarted = try await again.start()
        #expect(restarted.password == configuration.password)
        #expect(again.ownsCluster)
        let pool = TestDatabase.makePool(restarted, maximumConnections: 1)
        defer { Task { await pool.close() } }
        #expect(try await pool.query("SELECT 1 AS one")[0].int("one") == 1)
    }

    @Test func aWrongPasswordIsRefused() async throws {
        var configuration = try await TestDatabase.shared()
        configuration.password = "not-the-password"
        let pool = TestDatabase.makePool(configuration, maximumConnections: 1)
        let error = await storeError { try await pool.query("SELECT 1") }
        #expect(error?.kind == .unavailable)
        #expect(error.map { !"\($0)".contains("not-the-password") } == true)
    }

    @Test func relativeDataDirectoriesAreMadeAbsolute() {
        let cluster = EmbeddedPostgres(dataDirectory: "some/dir/../data", logger: TestDatabase.logger)
        #expect(cluster.dataDirectory == FileManager.default.currentDirectoryPath + "/some/data")
    }
}

