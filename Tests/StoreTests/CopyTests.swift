import Foundation
import Store
import TestSupport
import Testing

@Suite("COPY FROM STDIN")
struct CopyTests {
    @Test func awkwardValuesRoundTrip() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "copy")
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE lines (id int, body text, amount numeric, at timestamptz, raw bytea)")
        let instant = Date(timeIntervalSince1970: 1_234_567_890.000001)
        let awkward = [
            "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N", "\\\\N\\", "", "ünïcødé ✓",
            "trailing backslash \\", "quote ' and \" and ,",
        ]
        var rows: [[PGValue]] = awkward.enumerated().map { index, text in
            [.int(Int64(index)), .text(text), .numeric("\(index).5"), .timestamp(instant), .bytes([0, 9, 10, 92, 255])]
        }
        rows.append([.int(99), .null, .null, .null, .null])
        let input = rows
        let copied = try await pool.withConnection { connection in
            try connection.copyIn("COPY lines (id, body, amount, at, raw) FROM STDIN", rows: input)
        }
        #expect(copied == rows.count)

        let back = try await pool.query("SELECT * FROM lines ORDER BY id")
        #expect(back.count == rows.count)
        for (index, text) in awkward.enumerated() {
            #expect(back[index]["body"] == text)
            #expect(try back[index].string("amount") == "\(index).5")
            #expect(abs(try back[index].date("at").timeIntervalSince(instant)) < 0.000_001)
            #expect(try back[index].bytes("raw") == [0, 9, 10, 92, 255])
        }
        let last = back[awkward.count]
        #expect(last["body"] == nil && last["amount"] == nil && last["at"] == nil && last["raw"] == nil)
    }

    @Test func manyRowsCrossChunkBoundaries() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "copy")
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE numbers (n bigint, label text)")
        let total = 20_000
        let copied = try await pool.withConnection { connection in
            // Generated lazily: COPY streams, it does not need the rows in memory.
            let rows = (0..<total).lazy.map { [PGValue.int(Int64($0)), .text("label \($0)\twith tab")] }
            return try connection.copyIn("COPY numbers FROM STDIN", rows: rows)
        }
        #expect(copied == total)
        let summary = try await pool.query("SELECT count(*) AS c, sum(n) AS s, count(*) FILTER (WHERE label LIKE '%\twith tab') AS tabs FROM numbers")
        #expect(try summary[0].int("c") == Int64(total))
        #expect(try summary[0].int("s") == Int64(total * (total - 1) / 2))
        #expect(try summary[0].int("tabs") == Int64(total))
    }

    @Test func numbersRoundTripExactly() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "copy")
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE figures (id int, n bigint, x float8)")
        let integers: [Int64] = [0, 7, -7, 10, -100, 1_234_567_890_123, .max, .min]
        let doubles: [Double] = [0, -0.5, 1e-300, 123_456.789_012_345_67, -2.5e17, .pi, .infinity, -.infinity]
        let copied = try await pool.withConnection { connection in
            try connection.copyIn(
                "COPY figures FROM STDIN",
                rows: zip(integers, doubles).enumerated().map { [PGValue.int(Int64($0)), .int($1.0), .double($1.1)] })
        }
        #expect(copied == integers.count)
        let back = try await pool.query("SELECT n, x::text AS x FROM figures ORDER BY id")
        #expect(try back.map { try $0.int("n") } == integers)
        #expect(try back.map { Double(try $0.string("x").replacingOccurrences(of: "Infinity", with: "inf")) } == doubles)
    }

    @Test func badDataFailsTheWholeCopyAndKeepsTheConnection() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "copy", maximumConnections: 1)
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE ints (n int)")
        let rows: [[PGValue]] = [[1], [2], ["three"], [4]]
        let error = await storeError {
            try await pool.withConnection { connection in
                try connection.copyIn("COPY ints FROM STDIN", rows: rows)
            }
        }
        #expect(error?.sqlState == "22P02")
        #expect(error.map { !"\($0)".contains("three") } == true)
        #expect(try await pool.query("SELECT count(*) AS n FROM ints")[0].int("n") == 0)
    }

    @Test func aStatementThatIsNotCopyInIsRejected() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "copy", maximumConnections: 1)
        defer { Task { await pool.close() } }
        let error = await storeError {
            try await pool.withConnection { connection in
                try connection.copyIn("SELECT 1", rows: [[1]])
            }
        }
        #expect(error?.kind == .query)
        #expect(try await pool.query("SELECT 3 AS n")[0].int("n") == 3)
    }
}
