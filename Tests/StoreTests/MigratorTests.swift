import Store
import TestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    let migrations = [
        Migration(version: 1, name: "log", sql: "CREATE TABLE migration_log (version int NOT NULL, at timestamptz NOT NULL DEFAULT now())"),
        Migration(version: 2, name: "customers", sql: """
            CREATE TABLE customers (id text PRIMARY KEY);
            INSERT INTO migration_log (version) VALUES (2);
            """),
        Migration(version: 3, name: "orders", sql: """
            CREATE TABLE orders (id bigint PRIMARY KEY, customer text REFERENCES customers (id));
            INSERT INTO migration_log (version) VALUES (3);
            """),
    ]

    @Test func appliesOnceAndThenNothing() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "migrate")
        defer { Task { await pool.close() } }
        // Given out of order: applied in version order all the same.
        let first = try await Migrator.migrate(migrations.reversed(), pool: pool, logger: TestDatabase.logger)
        #expect(first == [1, 2, 3])
        let second = try await Migrator.migrate(migrations, pool: pool, logger: TestDatabase.logger)
        #expect(second.isEmpty)
        let recorded = try await pool.query("SELECT version, name FROM clv_schema_migrations ORDER BY version")
        #expect(recorded.map { $0["name"] } == ["log", "customers", "orders"])
        #expect(try await pool.query("SELECT count(*) AS n FROM migration_log")[0].int("n") == 2)

        let more = migrations + [Migration(version: 4, name: "index", sql: "CREATE INDEX orders_customer ON orders (customer)")]
        #expect(try await Migrator.migrate(more, pool: pool, logger: TestDatabase.logger) == [4])
    }

    @Test func duplicateVersionsAreRejectedBeforeTouchingTheDatabase() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "migrate")
        defer { Task { await pool.close() } }
        let duplicated = migrations + [Migration(version: 2, name: "again", sql: "SELECT 1")]
        let error = await storeError { try await Migrator.migrate(duplicated, pool: pool, logger: TestDatabase.logger) }
        #expect(error?.kind == .configuration)
        let table = try await pool.query("SELECT to_regclass('clv_schema_migrations') IS NULL AS missing")
        #expect(try table[0].bool("missing"))
    }

    @Test func aFailingMigrationRollsBackTheWholeRun() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "migrate")
        defer { Task { await pool.close() } }
        let broken = [migrations[0], Migration(version: 2, name: "broken", sql: "CREATE TABLE oops (")]
        let error = await storeError { try await Migrator.migrate(broken, pool: pool, logger: TestDatabase.logger) }
        #expect(error?.sqlState == "42601")
        let table = try await pool.query("SELECT to_regclass('migration_log') IS NULL AS missing")
        #expect(try table[0].bool("missing"))
        // Fixed, it applies cleanly.
        #expect(try await Migrator.migrate(migrations, pool: pool, logger: TestDatabase.logger) == [1, 2, 3])
    }

    @Test func concurrentMigratorsApplyEachMigrationExactlyOnce() async throws {
        let configuration = try await TestDatabase.freshDatabase(prefix: "migrate")
        let pools = (0..<3).map { _ in TestDatabase.makePool(configuration, maximumConnections: 1) }
        defer { Task { for pool in pools { await pool.close() } } }
        let slow = migrations + [Migration(version: 5, name: "slow", sql: "SELECT pg_sleep(0.2); INSERT INTO migration_log (version) VALUES (5);")]
        let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
            for pool in pools {
                group.addTask { try await Migrator.migrate(slow, pool: pool, logger: TestDatabase.logger) }
            }
            return try await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(applied.flatMap { $0 }.sorted() == [1, 2, 3, 5])
        #expect(applied.filter { !$0.isEmpty }.count == 1)
        let log = try await pools[0].query("SELECT version, count(*) AS n FROM migration_log GROUP BY version ORDER BY version")
        #expect(log.map { $0["version"] } == ["2", "3", "5"])
        #expect(try log.allSatisfy { try $0.int("n") == 1 })
    }
}
