/// One versioned schema change, applied at most once per database by `Migrator`.
public struct Migration: Sendable, Hashable {
    /// Unique, increasing version number; migrations apply in version order.
    public let version: Int
    /// A short name, recorded with the version.
    public let name: String
    /// One or more SQL statements run in the migration transaction (so no
    /// `CREATE INDEX CONCURRENTLY`); no parameters.
    public let sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
