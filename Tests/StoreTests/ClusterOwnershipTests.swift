import Foundation
@testable import Store
import TestSupport
import Testing

/// One cluster, one owner: a process stops only a cluster it started.
@Suite("Embedded PostgreSQL ownership")
struct ClusterOwnershipTests {
    @Test func aProcessSharingTheClusterLeavesItRunningWhenItStops() async throws {
        let (owner, configuration) = try await TestDatabase.privateCluster()
        let pool = TestDatabase.makePool(configuration, maximumConnections: 1)
        defer { Task { await pool.close() } }

        // A second user of the same data directory (clv demo beside clv-server) shares it...
        let guest = EmbeddedPostgres(dataDirectory: owner.dataDirectory, logger: TestDatabase.logger)
        #expect(try await guest.start() == configuration)
        #expect(!guest.ownsCluster)
        // ...and when it is done, the cluster stays up for its owner.
        try await guest.stop()
        #expect(try await pool.query("SELECT 1 AS one")[0].int("one") == 1)
        await #expect(throws: StoreError.self) { try await guest.restart() }
        #expect(try await pool.query("SELECT 2 AS two")[0].int("two") == 2)

        // The owner's stop does stop it.
        try await owner.stop()
        #expect(await pool.ping(timeout: .seconds(30)) == false)
    }

    @Test func aServerRefusesADataDirectoryInUseBeforeTouchingIt() async throws {
        let (owner, configuration) = try await TestDatabase.privateCluster()
        let lockBefore = try String(contentsOfFile: owner.dataDirectory + "/owner.lock", encoding: .utf8)
        #expect(lockBefore.trimmingCharacters(in: .whitespacesAndNewlines) == "\(getpid())")

        let second = EmbeddedPostgres(dataDirectory: owner.dataDirectory, logger: TestDatabase.logger)
        let error = await #expect(throws: StoreError.self) { try await second.start(whenInUse: .refuse) }
        #expect(error?.kind == .configuration)
        #expect(error?.message.contains("is in use: process \(getpid()) owns its PostgreSQL cluster") == true, "\(String(describing: error))")
        #expect(!second.ownsCluster && second.clusterHome == nil)
        try await second.stop()  // it started nothing: nothing to stop

        let pool = TestDatabase.makePool(configuration, maximumConnections: 1)
        defer { Task { await pool.close() } }
        #expect(try await pool.query("SELECT 1 AS one")[0].int("one") == 1)
    }

    /// A process joining while the owner's initdb runs must not take initdb's single-user
    /// backend (its postmaster.pid names port 5432) or a server still starting for the cluster.
    @Test func onlyAReadyServersPortIsJoined() throws {
        let ready = "4242\n/d/pgdata\n1764600000\n41465\n\n127.0.0.1\n  1 2\nready   \n"
        #expect(try EmbeddedPostgres.port(fromPIDFile: ready, ready: true) == 41465)
        let starting = ready.replacingOccurrences(of: "ready   ", with: "starting")
        #expect(try EmbeddedPostgres.port(fromPIDFile: starting, ready: true) == nil)
        #expect(try EmbeddedPostgres.port(fromPIDFile: starting, ready: false) == 41465)
        let singleUser = "-4242\n/d/pgdata\n1764600000\n5432\n"
        #expect(try EmbeddedPostgres.port(fromPIDFile: singleUser, ready: false) == nil)
        #expect(try EmbeddedPostgres.port(fromPIDFile: "", ready: false) == nil)
    }
}
