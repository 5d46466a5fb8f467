import NIOPosix

/// Creating (and replacing) a database on a server, through its maintenance database `postgres`.
public enum DatabaseCreation {
    /// Creates `configuration.database` unless it exists. Blocking: call on a thread-pool thread.
    static func createIfMissing(_ configuration: DatabaseConfiguration) throws(StoreError) {
        let connection = try PGConnection(configuration: configuration.withDatabase("postgres"))
        let exists = try connection.query("SELECT 1 FROM pg_database WHERE datname = $1", [.text(configuration.database)])
        guard exists.isEmpty else { return }
        do {
            _ = try connection.execute("CREATE DATABASE \(quoted(configuration.database))")
        } catch let error where error.sqlState == "42P04" {
            // Created concurrently by another process: fine.
        } catch let error where error.sqlState == "42501" {
            throw refused(configuration, error)
        }
    }

    /// Drops `configuration.database` if it exists and creates it empty; for a database that
    /// is ours by name, such as the demo's. Fails if someone is connected to it.
    public static func recreate(_ configuration: DatabaseConfiguration) async throws {
        try await NIOThreadPool.singleton.runIfActive {
            let connection = try PGConnection(configuration: configuration.withDatabase("postgres"))
            do {
                _ = try connection.execute("DROP DATABASE IF EXISTS \(quoted(configuration.database))")
                _ = try connection.execute("CREATE DATABASE \(quoted(configuration.database))")
            } catch let error as StoreError where error.sqlState == "42501" {
                throw refused(configuration, error)
            } catch let error as StoreError where error.sqlState == "55006" {
                throw StoreError(.unavailable, sqlState: error.sqlState, message: """
                    database \(configuration.database) is in use by another session (another demo running?); \
                    try again once it has finished
                    """)
            }
        }
    }

    /// Identifiers cannot be bound as parameters: a double-quoted identifier, quotes doubled.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func refused(_ configuration: DatabaseConfiguration, _ error: StoreError) -> StoreError {
        StoreError(.configuration, sqlState: error.sqlState, message: """
            role \(configuration.user) may not create database \(configuration.database) on \(configuration.host):\(configuration.port); \
            grant it CREATEDB (ALTER ROLE \(configuration.user) CREATEDB) or create the database yourself
            """)
    }
}
