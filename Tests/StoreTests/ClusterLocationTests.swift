import Foundation
@testable import Store
import TestSupport
import Testing

/// The cluster works from a data directory under a 0700 parent, as root too (a clone under
/// /root, a `mktemp -d` folder): its account's cluster is kept where it can reach it.
@Suite("Embedded PostgreSQL location")
struct ClusterLocationTests {
    @Test func aDataDirectoryUnderA0700ParentGetsAClusterItsAccountCanReach() async throws {
        let parent = "/tmp/clv-closed-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let dataDirectory = parent + "/.clv/db"
        let cluster = EmbeddedPostgres(dataDirectory: dataDirectory, logger: TestDatabase.logger, serverSettings: ["fsync": "off"])
        let configuration: DatabaseConfiguration
        do {
            configuration = try await cluster.start()
        } catch {
            TestDatabase.removeAtExit(cluster)
            throw error
        }
        TestDatabase.removeAtExit(cluster)
        let home = try #require(cluster.clusterHome)
        defer { if home != dataDirectory { try? FileManager.default.removeItem(atPath: home) } }

        let pool = TestDatabase.makePool(configuration, maximumConnections: 1)
        #expect(try await pool.query("SELECT current_database() AS db")[0].string("db") == "clv")
        await pool.close()
        #expect(FileManager.default.fileExists(atPath: home + "/pgdata/PG_VERSION"))
        #expect(FileManager.default.fileExists(atPath: dataDirectory + "/password"))

        if geteuid() == 0 {
            // `postgres` cannot pass the 0700 parent: the cluster is kept elsewhere, and the data
            // directory says where.
            #expect(home.hasPrefix("/var/lib/clv/db-") || home.hasPrefix("/var/tmp/clv/db-"), "\(home)")
            let recorded = try String(contentsOfFile: dataDirectory + "/cluster-location", encoding: .utf8)
            #expect(recorded == home + "\n")
            #expect(!FileManager.default.fileExists(atPath: dataDirectory + "/pgdata"))
            // The secrets stay with us: the password is ours only.
            let attributes = try FileManager.default.attributesOfItem(atPath: dataDirectory + "/password")
            #expect((attributes[.posixPermissions] as? Int) == 0o600 && (attributes[.ownerAccountID] as? Int) == 0)
        } else {
            // As an ordinary user the cluster runs as that user, in the data directory itself.
            #expect(home == dataDirectory)
        }

        // A later start finds the same cluster (same password) through the recorded location.
        try await cluster.stop()
        let again = EmbeddedPostgres(dataDirectory: dataDirectory, logger: TestDatabase.logger)
        let restarted = try await again.start()
        #expect(again.clusterHome == home && again.ownsCluster)
        #expect(restarted.password == configuration.password)
        try await again.stop()

        // Starting over as users do, by removing the data directory: a new cluster, and an old
        // one kept elsewhere is set aside, not reused without its password.
        try FileManager.default.removeItem(atPath: parent + "/.clv")
        let fresh = EmbeddedPostgres(dataDirectory: dataDirectory, logger: TestDatabase.logger)
        let started = try await fresh.start()
        #expect(fresh.clusterHome == home)
        #expect(started.password != configuration.password)
        try await fresh.stop()
        if home != dataDirectory {
            let root = URL(fileURLWithPath: home).deletingLastPathComponent().path
            let name = URL(fileURLWithPath: home).lastPathComponent
            let aside = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(name + ".abandoned-") }
            #expect(aside.count == 1)
            for directory in aside { try? FileManager.default.removeItem(atPath: root + "/" + directory) }
        }
    }

    @Test func theRelocationIDIsStableAndNamesTheDirectory() {
        let id = EmbeddedPostgres.locationID(of: "/root/shop/.clv/db")
        #expect(id == EmbeddedPostgres.locationID(of: "/root/shop/.clv/db"))
        #expect(id != EmbeddedPostgres.locationID(of: "/root/other/.clv/db"))
        #expect(id.hasPrefix("db-") && id.count == "db-".count + 16)
        #expect(EmbeddedPostgres.locationID(of: "/tmp/we ird/$(x)").hasPrefix("x-"))
    }
}
