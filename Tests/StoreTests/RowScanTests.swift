import Store
import TestSupport
import Testing

/// `forEachRow` reads cells in place; its parsers must agree with PostgreSQL's text output.
@Suite("Rows read in place")
struct RowScanTests {
    @Test func integersBooleansAndTextAreReadAsPostgreSQLWroteThem() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "rowscan")
        defer { Task { await pool.close() } }
        let extremes: [Int64] = [0, -1, 7, Int64.max, Int64.min, -9_007_199_254_740_993]
        let read = try await pool.withConnection { connection in
            var read: [(Int64, Bool, String)] = []
            try connection.forEachRow(
                "SELECT v, v % 2 = 0, v::text || 'ü' FROM unnest($1::int8[]) WITH ORDINALITY AS u(v, n) ORDER BY n",
                [.intArray(extremes)]
            ) { row in
                read.append((try row.int(at: 0), try row.bool(at: 1), try row.string(at: 2)))
            }
            return read
        }
        #expect(read.map(\.0) == extremes)
        #expect(read.map(\.1) == extremes.map { $0 % 2 == 0 })
        #expect(read.map(\.2) == extremes.map { "\($0)ü" })
    }

    @Test func nullsAndMismatchedCellsAreDecodingErrorsNamingTheColumn() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "rowscan")
        defer { Task { await pool.close() } }
        try await pool.withConnection { connection in
            for (sql, column) in [
                ("SELECT 1, NULL::int8", 1), ("SELECT '12a'::text", 0), ("SELECT 1.5::numeric", 0),
                ("SELECT '-'::text", 0), ("SELECT '9223372036854775808'::text", 0), ("SELECT 'yes'::text", -1),
            ] {
                let error = try #require(throws: StoreError.self) {
                    try connection.forEachRow(sql) { row in
                        if column < 0 { _ = try row.bool(at: 0) } else { _ = try row.int(at: column) }
                    }
                }
                #expect(error.kind == .decoding)
                #expect(error.message.contains("column \(max(column, 0))"), "\(sql): \(error.message)")
            }
            var nulls: [Bool] = []
            try connection.forEachRow("SELECT 1, NULL") { row in nulls = [row.isNull(at: 0), row.isNull(at: 1)] }
            #expect(nulls == [false, true])
        }
    }
}
