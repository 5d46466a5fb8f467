import Store
import TestSupport
import Testing

/// `forEachBinaryRow` reads a cursor in batches of binary cells; its decoders must agree with
/// PostgreSQL's binary send functions, and its batches must add up to the whole result.
@Suite("Binary rows read through a cursor")
struct BinaryRowScanTests {
    @Test func everyRowArrivesOnceAcrossBatchesWithItsValues() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "binaryscan")
        defer { Task { await pool.close() } }
        // 10,007 rows in batches of 1,000: ten full batches and a short one.
        let read = try await pool.withTransaction { connection in
            var read: [(Int32, Int64, Double, Int32, Int64, String)] = []
            try connection.forEachBinaryRowInBatches(
                """
                SELECT n::int4, n::int8 * 1000000007 - $1, n / 8.0::float8, (date '1970-01-01' + (n - 5000))::date,
                    timestamptz '1970-01-01 00:00:00+00' + (n - 5000) * interval '1 second', 'ü' || n
                FROM generate_series(1, $2::int) AS n ORDER BY n
                """, [.int(4_000_000_000_000), .int(10_007)], batchSize: 1_000
            ) { row in
                read.append(
                    (Int32(try row.int(at: 0)), try row.int(at: 1), try row.double(at: 2), try row.day(at: 3),
                     try row.microsecondsSinceEpoch(at: 4), try row.string(at: 5)))
            }
            return read
        }
        #expect(read.count == 10_007)
        #expect(read.map(\.0) == Array(1...10_007))
        #expect(read.allSatisfy { $0.1 == Int64($0.0) * 1_000_000_007 - 4_000_000_000_000 })
        #expect(read.allSatisfy { $0.2 == Double($0.0) / 8 })
        #expect(read.allSatisfy { $0.3 == $0.0 - 5_000 }, "days since 1970, before it too")
        #expect(read.allSatisfy { $0.4 == Int64($0.0 - 5_000) * 1_000_000 }, "microseconds since 1970, before it too")
        #expect(read.allSatisfy { $0.5 == "ü\($0.0)" })
    }

    @Test func aMistypedCellIsADecodingErrorAndTheConnectionGoesOn() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "binaryscan")
        defer { Task { await pool.close() } }
        try await pool.withTransaction { connection in
            // int4 read as float8: the type check refuses it instead of misreading bytes.
            let error = try #require(throws: StoreError.self) {
                try connection.forEachBinaryRowInBatches("SELECT n::int4 FROM generate_series(1, 5000) AS n", batchSize: 100) { row in
                    _ = try row.double(at: 0)
                }
            }
            #expect(error.kind == .decoding)
            #expect(error.message.contains("column 0"), "\(error.message)")
            // The batch requested before the error was drained and the cursor closed: the connection answers the
            // next statement and scans again.
            #expect(try connection.query("SELECT 41 + 1 AS answer")[0].int("answer") == 42)
            for infinite in ["SELECT 'infinity'::date", "SELECT '-infinity'::timestamptz"] {
                let error = try #require(throws: StoreError.self) {
                    try connection.forEachBinaryRowInBatches(infinite) { row in
                        if infinite.hasSuffix("date") { _ = try row.day(at: 0) } else { _ = try row.microsecondsSinceEpoch(at: 0) }
                    }
                }
                #expect(error.message.contains("finite"), "\(infinite): \(error.message)")
            }
            var nulls: [Bool] = []
            try connection.forEachBinaryRowInBatches("SELECT 1::int4, NULL::int4") { row in nulls = [row.isNull(at: 0), row.isNull(at: 1)] }
            #expect(nulls == [false, true])
        }
    }

    @Test func outsideATransactionItSaysWhatItNeeds() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "binaryscan")
        defer { Task { await pool.close() } }
        let error = try await pool.withConnection { connection in
            try #require(throws: StoreError.self) { try connection.forEachBinaryRowInBatches("SELECT 1") { _ in } }
        }
        #expect(error.message.contains("transaction"))
    }
}
