import Foundation
@testable import Store
import TestSupport
import Testing

@Suite("Array parameters")
struct ArrayParameterTests {
    /// Texts that break a naive array literal: quoting, escaping, separators, white space, NULL.
    static let trickyTexts: [String?] = [
        "plain", "", " ", "  padded  ", "NULL", "null", nil, "\"", "\\", "\\\"", "a\"b\\c", "a,b", "{", "}", "{a,b}",
        "(1,2)", "'single'", "tab\there", "new\nline", "cr\rreturn", "Grüße, 世界 🚀", "\u{7}bell", "$1", "x\"", "\\N",
    ]

    @Test func textArrayRoundTripsEveryTrickyElement() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "arrays")
        defer { Task { await pool.close() } }
        let rows = try await pool.query(
            "SELECT x, x IS NULL AS missing FROM unnest($1::text[]) WITH ORDINALITY AS t(x, n) ORDER BY n",
            [.textArray(Self.trickyTexts)])
        #expect(rows.count == Self.trickyTexts.count)
        #expect(rows.map { $0["x"] } == Self.trickyTexts)
        #expect(try rows.map { try $0.bool("missing") } == Self.trickyTexts.map { $0 == nil })
    }

    @Test func textArrayComparesEqualToTheServersOwnArray() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "arrays")
        defer { Task { await pool.close() } }
        // Built by the server from separate text parameters: no client-side array syntax involved.
        let placeholders = (1...Self.trickyTexts.count).map { "$\($0 + 1)::text" }.joined(separator: ", ")
        let rows = try await pool.query(
            "SELECT $1::text[] = ARRAY[\(placeholders)] AS same, cardinality($1::text[]) AS n",
            [.textArray(Self.trickyTexts)] + Self.trickyTexts.map { PGValue($0) })
        #expect(try rows[0].bool("same"))
        #expect(try rows[0].int("n") == Int64(Self.trickyTexts.count))
    }

    @Test func intArrayRoundTripsExtremes() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "arrays")
        defer { Task { await pool.close() } }
        let values: [Int64?] = [.min, .max, 0, -1, 1, nil, 42, -9_000_000_000_000_000_000, 1_000_000_007]
        let rows = try await pool.query(
            "SELECT x FROM unnest($1::int8[]) WITH ORDINALITY AS t(x, n) ORDER BY n", [.intArray(values)])
        #expect(rows.map { $0["x"].flatMap { Int64($0) } } == values)
        #expect(rows.map { $0["x"] == nil } == values.map { $0 == nil })
    }

    @Test func doubleArrayRoundTripsSpecialValues() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "arrays")
        defer { Task { await pool.close() } }
        let values: [Double?] = [
            0.1, -0.1, 0, 1e-300, -2.5e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
            .infinity, -.infinity, nil, 1.0 / 3.0, 123_456_789.123_456_78,
        ]
        let rows = try await pool.query(
            "SELECT x FROM unnest($1::float8[]) WITH ORDINALITY AS t(x, n) ORDER BY n", [.doubleArray(values)])
        #expect(rows.count == values.count)
        for (row, value) in zip(rows, values) {
            if let value {
                #expect(try row.double("x") == value)
            } else {
                #expect(try row.isNull("x"))
            }
        }
        let nan = try await pool.query("SELECT ($1::float8[])[1] AS x", [.doubleArray([.nan])])
        #expect(try nan[0].double("x").isNaN)
    }

    @Test func boolArrayRoundTrips() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "arrays")
        defer { Task { await pool.close() } }
        let values: [Bool?] = [true, false, nil, false, true]
        let rows = try await pool.query(
            "SELECT x FROM unnest($1::bool[]) WITH ORDINALITY AS t(x, n) ORDER BY n", [.boolArray(values)])
        #expect(try rows.map { try $0.isNull("x") ? nil : $0.bool("x") } == values)
    }

    @Test func emptyArraysOfEveryType() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "arrays")
        defer { Task { await pool.close() } }
        let rows = try await pool.query(
            """
            SELECT cardinality($1::text[]) AS t, cardinality($2::int8[]) AS i,
                   cardinality($3::float8[]) AS d, cardinality($4::bool[]) AS b,
                   (SELECT count(*) FROM unnest($1::text[])) AS unnested
            """,
            [.textArray([]), .intArray([]), .doubleArray([]), .boolArray([])])
        for column in ["t", "i", "d", "b", "unnested"] {
            #expect(try rows[0].int(column) == 0, "\(column)")
        }
    }

    @Test func parametersCarryTheirArrayTypes() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "arrays")
        defer { Task { await pool.close() } }
        // No casts in the statement: the OIDs alone tell the server the types.
        let rows = try await pool.query(
            "SELECT pg_typeof($1)::text AS t, pg_typeof($2)::text AS i, pg_typeof($3)::text AS d, pg_typeof($4)::text AS b",
            [.textArray(["a"]), .intArray([1]), .doubleArray([1.5]), .boolArray([true])])
        #expect(rows[0]["t"] == "text[]")
        #expect(rows[0]["i"] == "bigint[]")
        #expect(rows[0]["d"] == "double precision[]")
        #expect(rows[0]["b"] == "boolean[]")
    }

    @Test func thousandsOfElementsInOneParameter() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "arrays")
        defer { Task { await pool.close() } }
        let count = 20_000
        let ids: [Int64?] = (0..<Int64(count)).map { $0 }
        let names: [String?] = (0..<count).map { "customer \"\($0)\"\\" }
        let rows = try await pool.query(
            """
            SELECT count(*) AS n, sum(id) AS total,
                   count(*) FILTER (WHERE name = 'customer "' || id || '"\\') AS matching
            FROM unnest($1::int8[], $2::text[]) AS t(id, name)
            """,
            [.intArray(ids), .textArray(names)])
        #expect(try rows[0].int("n") == Int64(count))
        #expect(try rows[0].int("total") == Int64(count * (count - 1) / 2))
        #expect(try rows[0].int("matching") == Int64(count))
    }

    @Test func aNulInsideAnElementIsRefusedBeforeSending() async throws {
        let pool = try await TestDatabase.freshPool(prefix: "arrays")
        defer { Task { await pool.close() } }
        let error = await storeError {
            try await pool.query("SELECT cardinality($2::text[]) AS n", [1, .textArray(["fine", "cut\u{0}short"])])
        }
        #expect(error?.kind == .query)
        #expect(error?.message == "parameter $2 contains a NUL character")
        #expect(error.map { !"\($0)".contains("short") } == true)  // never prints the value
        #expect(try await pool.query("SELECT 1 AS n")[0].int("n") == 1)  // the connection is fine
    }

    // MARK: Encoding, without a server

    @Test func exactTextEncodings() {
        #expect(PGValue.textArray(["a", "b\"c", nil, "d\\e", ""]).textEncoding == #"{"a","b\"c",NULL,"d\\e",""}"#)
        #expect(PGValue.intArray([1, nil, .min]).textEncoding == "{1,NULL,-9223372036854775808}")
        #expect(PGValue.doubleArray([0.5, .nan, -.infinity, .infinity, nil, 1e-7]).textEncoding == "{0.5,NaN,-Infinity,Infinity,NULL,1e-07}")
        #expect(PGValue.boolArray([true, false, nil]).textEncoding == "{t,f,NULL}")
        #expect(PGValue.textArray([]).textEncoding == "{}")
        #expect(PGValue.intArray([]).textEncoding == "{}")
        #expect(PGValue.textArray([nil]).textEncoding == "{NULL}")
        #expect(PGValue.textArray(["NULL"]).textEncoding == #"{"NULL"}"#)
        #expect(PGValue.intArray([0, 9, 10, 99, 100, .max]).textEncoding == "{0,9,10,99,100,9223372036854775807}")
    }

    @Test func typeOIDs() {
        #expect(PGValue.textArray([]).typeOID == 1009)
        #expect(PGValue.intArray([]).typeOID == 1016)
        #expect(PGValue.doubleArray([]).typeOID == 1022)
        #expect(PGValue.boolArray([]).typeOID == 1000)
    }
}
