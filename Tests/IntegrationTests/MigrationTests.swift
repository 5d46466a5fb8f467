import CLVService
import Foundation
import Ingestion
import Segmentation
import Store
import TestSupport
import Testing
import Valuation

@Suite struct MigrationTests {
    private static let migrations = PlatformMigrations.all + [
        Migration(version: 900, name: "widgets", sql: "CREATE TABLE widgets (id bigint PRIMARY KEY)"),
        Migration(version: 901, name: "widget names", sql: "ALTER TABLE widgets ADD COLUMN name text"),
    ]

    @Test func runningMigrationsTwiceChangesNothing() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "migrate_twice")
        let first = try await Migrator.migrate(Self.migrations, pool: pool, logger: TestDatabase.logger)
        #expect(first == Self.migrations.map(\.version))
        let second = try await Migrator.migrate(Self.migrations, pool: pool, logger: TestDatabase.logger)
        #expect(second.isEmpty)
        let recorded = try await pool.query("SELECT version FROM clv_schema_migrations ORDER BY version")
        #expect(try recorded.map { try $0.int("version") } == Self.migrations.map { Int64($0.version) })
        await pool.close()
    }

    @Test func twoServerProcessesMigratingAtOnceDoNotRace() async throws {
        let database = try await TestDatabase.freshDatabase(prefix: "migrate_race")
        let server = try BuiltProducts.executable("clv-server")
        var environment = ProcessInfo.processInfo.environment
        environment["CLV_DATABASE_URL"] = database.url
        // Both processes start before either can have finished.
        async let first = ChildProcess.run(server, arguments: ["--migrate-only", "--log-level", "warning"], environment: environment)
        async let second = ChildProcess.run(server, arguments: ["--migrate-only", "--log-level", "warning"], environment: environment)
        let statuses = try await [first.status, second.status]
        #expect(statuses == [0, 0])

        let pool = TestDatabase.makePool(database)
        let rows = try await pool.query("SELECT version, count(*) OVER (PARTITION BY version) AS copies FROM clv_schema_migrations ORDER BY version")
        let expected = (PlatformMigrations.all + IngestionMigrations.all + ValuationMigrations.all + SegmentationMigrations.all)
            .map { Int64($0.version) }
        #expect(try rows.map { try $0.int("version") } == expected)
        #expect(try rows.allSatisfy { try $0.int("copies") == 1 })
        await pool.close()
    }
}
