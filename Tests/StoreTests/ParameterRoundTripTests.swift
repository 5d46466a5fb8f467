import Foundation
import Store
import TestSupport
import Testing

@Suite("Parameters and results round-trip")
struct ParameterRoundTripTests {
    @Test func everyValueKindRoundTrips() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "params")
        defer { Task { await pool.close() } }
        try await pool.execute("""
            CREATE TABLE samples (
                id int PRIMARY KEY, t text, i bigint, d double precision, b boolean,
                bytes bytea, at timestamptz, amount numeric(20, 4))
            """)
        let instant = Date(timeIntervalSince1970: 1_700_000_123.456789)
        let allBytes = (0...255).map(UInt8.init)
        try await pool.execute(
            "INSERT INTO samples VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            [1, "Grüße, 世界 🚀 it's \"quoted\"", .int(Int64.min), .double(-0.1), true, .bytes(allBytes), .timestamp(instant), .numeric("12345678901234.5678")])
        try await pool.execute(
            "INSERT INTO samples VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            [2, nil, nil, nil, nil, nil, nil, nil])

        let rows = try await pool.query("SELECT * FROM samples ORDER BY id")
        #expect(rows.count == 2)
        #expect(rows.columns == ["id", "t", "i", "d", "b", "bytes", "at", "amount"])
        let full = rows[0]
        #expect(try full.string("t") == "Grüße, 世界 🚀 it's \"quoted\"")
        #expect(try full.int("i") == Int64.min)
        #expect(try full.double("d") == -0.1)
        #expect(try full.bool("b") == true)
        #expect(try full.bytes("bytes") == allBytes)
        #expect(abs(try full.date("at").timeIntervalSince(instant)) < 0.000_001)  // microsecond precision
        #expect(full["at"] == "2023-11-14 22:15:23.456789+00")
        #expect(try full.string("amount") == "12345678901234.5678")

        let empty = rows[1]
        for column in ["t", "i", "d", "b", "bytes", "at", "amount"] {
            #expect(empty[column] == nil)
            #expect(try empty.isNull(column))
        }
        #expect(await storeError { try empty.string("t") }?.kind == .decoding)
    }

    @Test func injectionLookingTextIsStoredVerbatim() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "inject")
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE names (name text NOT NULL)")
        let hostile = "Robert'); DROP TABLE names; -- $1 \\ \u{0007}"
        let inserted = try await pool.execute("INSERT INTO names (name) VALUES ($1)", [.text(hostile)])
        #expect(inserted == 1)
        let rows = try await pool.query("SELECT name FROM names WHERE name = $1", [.text(hostile)])
        #expect(rows.count == 1)
        #expect(rows.first?["name"] == hostile)
        let tableCount = try await pool.query("SELECT count(*) AS n FROM pg_tables WHERE tablename = 'names'")
        #expect(try tableCount[0].int("n") == 1)
    }

    @Test func specialDoublesAndTimestampsSurvive() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "special")
        defer { Task { await pool.close() } }
        let ancient = Date(timeIntervalSince1970: -62_200_000_000.25)  // before year 1: BC
        let rows = try await pool.query(
            "SELECT $1::float8 AS inf, $2::float8 AS nan, $3::timestamptz AS old, $4::float8 AS tiny, $5::int AS small",
            [.double(-.infinity), .double(.nan), .timestamp(ancient), .double(.leastNonzeroMagnitude), 42])
        #expect(try rows[0].double("inf") == -.infinity)
        #expect(try rows[0].double("nan").isNaN)
        #expect(abs(try rows[0].date("old").timeIntervalSince(ancient)) < 0.000_001)
        #expect(rows[0]["old"]?.hasSuffix(" BC") == true)
        #expect(try rows[0].double("tiny") == .leastNonzeroMagnitude)
        #expect(try rows[0].int("small") == 42)
    }

    @Test func affectedRowsAndCommandTag() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "affected")
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE t (n int)")
        #expect(try await pool.execute("INSERT INTO t SELECT generate_series(1, 7)") == 7)
        #expect(try await pool.execute("UPDATE t SET n = n + 1 WHERE n > $1", [4]) == 3)
        let rows = try await pool.query("DELETE FROM t WHERE n % 2 = 0 RETURNING n")
        #expect(rows.affectedRows == 4)
        #expect(rows.commandTag == "DELETE 4")
        #expect(rows.map { $0["n"] ?? "" }.sorted() == ["2", "4", "6", "8"])
    }
}
