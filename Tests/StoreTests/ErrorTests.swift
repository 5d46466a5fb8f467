import Store
import TestSupport
import Testing

@Suite("Store errors")
struct ErrorTests {
    @Test func uniqueViolationHasItsKindAndHidesTheValue() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "errors")
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE users (email text PRIMARY KEY)")
        let secret = "alice-secret@example.com"
        try await pool.execute("INSERT INTO users VALUES ($1)", [.text(secret)])
        let error = await storeError { try await pool.execute("INSERT INTO users VALUES ($1)", [.text(secret)]) }
        #expect(error?.kind == .uniqueViolation)
        #expect(error?.sqlState == "23505")
        #expect(error?.message.contains("users_pkey") == true)
        #expect(error.map { !"\($0)".contains("alice") } == true)
    }

    @Test func foreignKeyViolationHasItsKind() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "errors")
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE shops (id int PRIMARY KEY)")
        try await pool.execute("CREATE TABLE orders (shop int REFERENCES shops (id))")
        let error = await storeError { try await pool.execute("INSERT INTO orders VALUES ($1)", [77]) }
        #expect(error?.kind == .foreignKeyViolation)
        #expect(error?.sqlState == "23503")
    }

    @Test func syntaxErrorCarriesItsSQLState() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "errors")
        defer { Task { await pool.close() } }
        let error = await storeError { try await pool.query("SELEKT 1") }
        #expect(error?.kind == .query)
        #expect(error?.sqlState == "42601")
        #expect(error?.message.contains("syntax error") == true)
    }

    @Test func badInputValueIsNotEchoed() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "errors")
        defer { Task { await pool.close() } }
        let error = await storeError { try await pool.query("SELECT $1::int AS n", [.text("not-a-number-4711")]) }
        #expect(error?.kind == .query)
        #expect(error?.sqlState == "22P02")
        #expect(error?.message.contains("invalid input syntax") == true)
        #expect(error.map { !"\($0)".contains("4711") } == true)
    }

    @Test func decodingErrorsNameTheColumnNotTheValue() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "errors")
        defer { Task { await pool.close() } }
        let rows = try await pool.query("SELECT 'private-text' AS word")
        let error = await storeError { try rows[0].int("word") }
        #expect(error?.kind == .decoding)
        #expect(error?.message.contains("word") == true)
        #expect(error.map { !"\($0)".contains("private") } == true)
        #expect(await storeError { try rows[0].string("missing") }?.kind == .decoding)
    }

    @Test func aFailedStatementLeavesTheConnectionUsable() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "errors", maximumConnections: 1)
        defer { Task { await pool.close() } }
        #expect(await storeError { try await pool.query("SELECT 1/0") }?.sqlState == "22012")
        #expect(try await pool.query("SELECT 2 AS n")[0].int("n") == 2)
    }
}
