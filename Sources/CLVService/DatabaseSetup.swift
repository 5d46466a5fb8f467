import Foundation
import Logging
import Store

/// The database of `clv-server` and `clv demo`: `CLV_DATABASE_URL`'s server, or the embedded
/// cluster of a data directory.
public struct DatabaseSetup: Sendable {
    /// How to connect to the cluster (database `clv`; use `withDatabase` for another).
    public let configuration: DatabaseConfiguration
    /// The embedded cluster, nil when the database is `CLV_DATABASE_URL`'s.
    public let embedded: EmbeddedPostgres?

    /// Connects to `CLV_DATABASE_URL` when set; otherwise starts (or, `whenInUse: .share`,
    /// joins) the embedded cluster in `dataDirectory`.
    public static func open(
        dataDirectory: String, whenInUse: EmbeddedPostgres.WhenInUse, logger: Logger
    ) async throws -> DatabaseSetup {
        if let url = ProcessInfo.processInfo.environment["CLV_DATABASE_URL"], !url.isEmpty {
            let configuration = try DatabaseConfiguration(url: url)
            logger.info("using database", metadata: ["database": "\(configuration)"])
            return DatabaseSetup(configuration: configuration, embedded: nil)
        }
        let embedded = EmbeddedPostgres(dataDirectory: dataDirectory, logger: logger, serverSettings: embeddedSettings)
        let configuration = try await embedded.start(whenInUse: whenInUse)
        logger.info(
            embedded.ownsCluster ? "embedded PostgreSQL ready" : "embedded PostgreSQL shared with its owner",
            metadata: [
                "database": "\(configuration)", "data-dir": "\(embedded.dataDirectory)",
                "cluster": "\(embedded.clusterHome ?? embedded.dataDirectory)/pgdata",
            ])
        return DatabaseSetup(configuration: configuration, embedded: embedded)
    }

    /// PostgreSQL's defaults suit a small shared machine; bulk ingestion wants more buffers and
    /// fewer checkpoints (each is followed by full-page images in the WAL).
    public static let embeddedSettings = [
        "shared_buffers": "512MB",
        "wal_buffers": "32MB",
        "max_wal_size": "4GB",
        "checkpoint_timeout": "15min",
        "wal_compression": "on",
    ]

    /// Where the data is, for people: the URL's server, or the embedded cluster's directories.
    public var location: String {
        guard let embedded else { return "the server at \(configuration.host):\(configuration.port) (CLV_DATABASE_URL)" }
        let home = embedded.clusterHome ?? embedded.dataDirectory
        return home == embedded.dataDirectory
            ? "the embedded cluster in \(embedded.dataDirectory)"
            : "the embedded cluster of \(embedded.dataDirectory), kept in \(home)"
    }

    /// Stops the embedded cluster if this process owns it; a shared one keeps running.
    public func close() async throws {
        try await embedded?.stop()
    }
}
