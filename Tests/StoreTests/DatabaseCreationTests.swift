import Foundation
@testable import Store
import TestSupport
import Testing

@Suite("Creating databases")
struct DatabaseCreationTests {
    @Test func recreateReplacesTheDatabaseWithAnEmptyOne() async throws {
        let configuration = try await TestDatabase.freshDatabase(prefix: "recreate")
        let pool = TestDatabase.makePool(configuration, maximumConnections: 1)
        _ = try await pool.execute("CREATE TABLE leftover (id int)")
        await pool.close()

        try await DatabaseCreation.recreate(configuration)
        let fresh = TestDatabase.makePool(configuration, maximumConnections: 1)
        defer { Task { await fresh.close() } }
        let tables = try await fresh.query("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'")
        #expect(try tables[0].int("n") == 0)
    }

    @Test func aRoleThatMayNotCreateDatabasesIsToldWhatToGrant() async throws {
        let server = try await TestDatabase.shared()
        let role = "nocreate_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = TestDatabase.makePool(server, maximumConnections: 1)
        defer { Task { await admin.close() } }
        // A role name built above from hex digits; identifiers and passwords cannot be bound.
        _ = try await admin.execute("CREATE ROLE \(role) LOGIN NOCREATEDB PASSWORD 'secret-\(role)'")

        var limited = server.withDatabase("clv_demo_\(role)")
        limited.user = role
        limited.password = "secret-\(role)"
        let error = await #expect(throws: StoreError.self) { try await DatabaseCreation.recreate(limited) }
        #expect(error?.kind == .configuration)
        #expect(error?.message.contains("role \(role) may not create database clv_demo_\(role)") == true, "\(String(describing: error))")
        #expect(error?.message.contains("ALTER ROLE \(role) CREATEDB") == true)
    }
}
