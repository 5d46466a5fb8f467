import Foundation
import Logging
import Store

/// The database the server uses: CLV_DATABASE_URL's, or an embedded cluster it owns.
struct DatabaseSetup {
    let configuration: DatabaseConfiguration
    /// The embedded cluster to stop on exit; nil when the database is someone else's.
    let embedded: EmbeddedPostgres?

    static func open(dataDirectory: String, logger: Logger) async throws -> DatabaseSetup {
        if let url = ProcessInfo.processInfo.environment["CLV_DATABASE_URL"], !url.isEmpty {
            let configuration = try DatabaseConfiguration(url: url)
            logger.info("using database", metadata: ["database": "\(configuration)"])
            return DatabaseSetup(configuration: configuration, embedded: nil)
        }
        let embedded = EmbeddedPostgres(dataDirectory: dataDirectory, logger: logger, serverSettings: embeddedSettings)
        let configuration = try await embedded.start()
        logger.info("started embedded PostgreSQL", metadata: ["database": "\(configuration)", "data-dir": "\(dataDirectory)"])
        return DatabaseSetup(configuration: configuration, embedded: embedded)
    }

    /// PostgreSQL's defaults suit a small shared machine; bulk ingestion wants more buffers and
    /// fewer checkpoints (each is followed by full-page images in the WAL).
    static let embeddedSettings = [
        "shared_buffers": "512MB",
        "wal_buffers": "32MB",
        "max_wal_size": "4GB",
        "checkpoint_timeout": "15min",
        "wal_compression": "on",
    ]

    func close() async throws {
        try await embedded?.stop()
    }
}
