import Store
import TestSupport
import Testing

/// `withBinaryRows` reads PostgreSQL's binary format in place; its readers must agree with the
/// values the server holds, and refuse a column of another type.
@Suite("Binary rows read in place")
struct BinaryRowTests {
    @Test func numbersTextAndArraysAreReadAsStored() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "binaryrows")
        defer { Task { await pool.close() } }
        let integers: [Int64] = [0, -1, 7, Int64.max, Int64.min, -9_007_199_254_740_993]
        let doubles = [0.1, -0.0, 1e-300, Double.greatestFiniteMagnitude, -.infinity, 4.1]
        let read = try await pool.withConnection { connection in
            try connection.withBinaryRows(
                """
                SELECT v, (n - 3)::int2, (n * 1000)::int4, d, v::text || 'ü', ARRAY['a', '', 'Grüße, 世界', n::text]
                FROM unnest($1::int8[], $2::float8[]) WITH ORDINALITY AS u(v, d, n) ORDER BY n
                """, [.intArray(integers), .doubleArray(doubles)]
            ) { rows in
                try rows.map { row in
                    var elements: [String] = []
                    try row.forEachText(inArrayAt: 5) { elements.append(String(decoding: $0, as: UTF8.self)) }
                    return (
                        try row.int(at: 0), try row.int(at: 1), try row.int(at: 2), try row.double(at: 3), try row.string(at: 4), elements
                    )
                }
            }
        }
        #expect(read.map(\.0) == integers)
        #expect(read.map(\.1) == (1...6).map { Int64($0 - 3) })
        #expect(read.map(\.2) == (1...6).map { Int64($0 * 1000) })
        #expect(read.map(\.3) == doubles)
        #expect(read[1].3.sign == .minus)
        #expect(read.map(\.4) == integers.map { "\($0)ü" })
        #expect(read.map(\.5) == (1...6).map { ["a", "", "Grüße, 世界", "\($0)"] })
    }

    @Test func rowsAreReadInAnyOrderAndEmptyArraysHaveNoElements() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "binaryrows")
        defer { Task { await pool.close() } }
        let (last, first, count, elements) = try await pool.withConnection { connection in
            try connection.withBinaryRows("SELECT n, '{}'::text[] FROM generate_series(1, 5) AS n ORDER BY n") { rows in
                var elements = 0
                try rows[0].forEachText(inArrayAt: 1) { _ in elements += 1 }
                return (try rows[rows.count - 1].int(at: 0), try rows[0].int(at: 0), rows.count, elements)
            }
        }
        #expect((last, first, count, elements) == (5, 1, 5, 0))
    }

    @Test func nullsAndOtherTypesAreDecodingErrorsNamingTheColumn() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "binaryrows")
        defer { Task { await pool.close() } }
        try await pool.withConnection { connection in
            for (sql, column, read) in [
                ("SELECT 1, NULL::int8", 1, "int"), ("SELECT 1.5::numeric", 0, "double"), ("SELECT 1.5::float4", 0, "double"),
                ("SELECT 2::int8", 0, "string"), ("SELECT 'x'::text", 0, "int"), ("SELECT ARRAY[1, 2]", 0, "array"),
                ("SELECT ARRAY['a', NULL]", 0, "array"), ("SELECT ARRAY[['a'], ['b']]", 0, "array"),
            ] {
                let error = try #require(throws: StoreError.self, "\(sql)") {
                    try connection.withBinaryRows(sql) { rows in
                        let row = rows[0]
                        switch read {
                        case "int": _ = try row.int(at: column)
                        case "double": _ = try row.double(at: column)
                        case "string": _ = try row.string(at: column)
                        default: try row.forEachText(inArrayAt: column) { _ in }
                        }
                    }
                }
                #expect(error.kind == .decoding)
                #expect(error.message.contains("column \(column)"), "\(sql): \(error.message)")
            }
            let nulls = try connection.withBinaryRows("SELECT 1, NULL") { rows in [rows[0].isNull(at: 0), rows[0].isNull(at: 1)] }
            #expect(nulls == [false, true])
        }
    }
}
