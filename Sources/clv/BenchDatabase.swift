import ArgumentParser
import Foundation
import Logging
import NIOPosix
import Store

/// A pool on the server's database, for benchmarks that compare with PostgreSQL itself.
struct BenchDatabase {
    let pool: PGPool
    private let threadPool: NIOThreadPool

    static func open(url: String?, dataDirectory: String?, connections: Int = 1) async throws -> BenchDatabase {
        let logger = Logger(label: "clv-bench")
        let configuration: DatabaseConfiguration
        if let url = url ?? ProcessInfo.processInfo.environment["CLV_DATABASE_URL"], !url.isEmpty {
            configuration = try DatabaseConfiguration(url: url)
        } else if let dataDirectory {
            // Finds the server's cluster running and connects to it; it stays the server's to stop.
            configuration = try await EmbeddedPostgres(dataDirectory: dataDirectory, logger: logger).start()
        } else {
            throw ValidationError("give --database-url (or CLV_DATABASE_URL) or --data-dir of the server's cluster")
        }
        let threadPool = NIOThreadPool(numberOfThreads: max(2, connections))
        threadPool.start()
        return BenchDatabase(pool: PGPool(configuration: configuration, maximumConnections: connections, threadPool: threadPool, logger: logger), threadPool: threadPool)
    }

    func close() async {
        await pool.close()
        try? await threadPool.shutdownGracefully()
    }
}
