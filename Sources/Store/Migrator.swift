import Logging

/// Applies versioned schema migrations.
public enum Migrator {
    /// The key of the transaction-level advisory lock that serialises migrators ("clvmigr").
    static let advisoryLockKey: Int64 = 0x636C_766D_6967_72

    /// Applies, in one transaction under a transaction-level advisory lock, every migration whose
    /// version is not yet recorded in `clv_schema_migrations`, in version order.
    ///
    /// Running it twice changes nothing; two processes running it at once do not race (the second
    /// waits for the lock, then finds everything applied). A failing migration rolls back the
    /// whole run.
    /// - Returns: the versions applied now; empty when the schema was up to date.
    /// - Throws: `StoreError` `.configuration` for duplicate versions; the failing statement's
    ///   `StoreError` otherwise.
    public static func migrate(_ migrations: [Migration], pool: PGPool, logger: Logger) async throws -> [Int] {
        var seen = Set<Int>()
        for migration in migrations where !seen.insert(migration.version).inserted {
            throw StoreError(.configuration, message: "duplicate migration version \(migration.version)")
        }
        let ordered = migrations.sorted { $0.version < $1.version }
        let applied = try await pool.withTransaction { connection in
            try apply(ordered, on: connection, logger: logger)
        }
        if applied.isEmpty {
            logger.debug("schema is up to date")
        }
        return applied
    }

    private static func apply(_ migrations: [Migration], on connection: PGConnection, logger: Logger) throws -> [Int] {
        try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(advisoryLockKey)])
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS clv_schema_migrations (
                version int PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        var recorded: [Int: String] = [:]
        for row in try connection.query("SELECT version, name FROM clv_schema_migrations") {
            recorded[Int(try row.int("version"))] = try row.string("name")
        }
        let known = Set(migrations.map(\.version))
        let unknown = recorded.keys.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            logger.warning("the database has migrations this program does not know", metadata: ["versions": "\(unknown)"])
        }

        var applied: [Int] = []
        for migration in migrations {
            if let name = recorded[migration.version] {
                if name != migration.name {
                    logger.warning(
                        "migration recorded under another name",
                        metadata: ["version": "\(migration.version)", "recorded": "\(name)", "given": "\(migration.name)"])
                }
                continue
            }
            logger.info("applying migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            try connection.executeScript(migration.sql)
            try connection.execute(
                "INSERT INTO clv_schema_migrations (version, name) VALUES ($1, $2)",
                [.int(Int64(migration.version)), .text(migration.name)])
            applied.append(migration.version)
        }
        return applied
    }
}
