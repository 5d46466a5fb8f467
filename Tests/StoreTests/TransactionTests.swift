import Store
import TestSupport
import Testing

@Suite("Transactions")
struct TransactionTests {
    struct Boom: Error {}

    private func count(_ pool: PGPool) async throws -> Int64 {
        try await pool.query("SELECT count(*) AS n FROM items")[0].int("n")
    }

    private func makePool(maximumConnections: Int = 2) async throws -> PGPool {
        let pool = try await TestDatabase.freshPool(prefix: "tx", maximumConnections: maximumConnections)
        try await pool.execute("CREATE TABLE items (name text PRIMARY KEY)")
        return pool
    }

    @Test func commitsWhenTheBodyReturns() async throws {
        let pool = try await makePool()
        defer { Task { await pool.close() } }
        let returned = try await pool.withTransaction { connection in
            try connection.execute("INSERT INTO items VALUES ($1), ($2)", ["a", "b"])
        }
        #expect(returned == 2)
        #expect(try await count(pool) == 2)
    }

    @Test func rollsBackWhenTheBodyThrows() async throws {
        let pool = try await makePool()
        defer { Task { await pool.close() } }
        await #expect(throws: Boom.self) {
            try await pool.withTransaction { connection in
                try connection.execute("INSERT INTO items VALUES ($1)", ["a"])
                throw Boom()
            }
        }
        #expect(try await count(pool) == 0)
    }

    @Test func nestedTransactionsRollBackOnlyTheInnerPart() async throws {
        let pool = try await makePool()
        defer { Task { await pool.close() } }
        try await pool.withTransaction { connection in
            try connection.execute("INSERT INTO items VALUES ($1)", ["outer"])
            do {
                try connection.withTransaction { inner in
                    try inner.execute("INSERT INTO items VALUES ($1)", ["inner"])
                    try inner.execute("INSERT INTO items VALUES ($1)", ["outer"])  // unique violation
                }
            } catch let error as StoreError {
                #expect(error.kind == .uniqueViolation)
            }
            try connection.execute("INSERT INTO items VALUES ($1)", ["after"])
        }
        let names = try await pool.query("SELECT name FROM items ORDER BY name").map { $0["name"] }
        #expect(names == ["after", "outer"])
    }

    @Test func aSwallowedErrorDoesNotCommitSilently() async throws {
        let pool = try await makePool()
        defer { Task { await pool.close() } }
        let error = await storeError {
            try await pool.withTransaction { connection in
                try connection.execute("INSERT INTO items VALUES ($1)", ["kept?"])
                _ = try? connection.query("SELECT 1/0")
            }
        }
        #expect(error?.sqlState == "25P02")
        #expect(try await count(pool) == 0)
    }

    @Test func aConnectionLeftInATransactionComesBackClean() async throws {
        let pool = try await makePool(maximumConnections: 1)
        defer { Task { await pool.close() } }
        try await pool.withConnection { connection in
            try connection.execute("BEGIN")
            try connection.execute("INSERT INTO items VALUES ($1)", ["dangling"])
        }
        let inTransaction = try await pool.withConnection { $0.isInTransaction }
        #expect(inTransaction == false)
        #expect(try await count(pool) == 0)
    }
}
