import CLibPQ

/// One row of a binary-format result still held by libpq, read in place.
///
/// Read from the `PGBinaryRows` handed to `PGConnection.withBinaryRows`, or handed to the body of
/// `forEachBinaryRowInBatches`; valid only during that call.
/// Binary cells spare both sides the text round trip of numbers: PostgreSQL sends a `float8` as
/// its eight bytes instead of printing it, and the reader loads them instead of running `strtod`.
/// Each accessor checks the column's type, so a query that changes a column's type fails with a
/// decoding error rather than misreading bytes.
public struct PGBinaryRow {
    let result: OpaquePointer
    let row: Int32

    /// Whether the cell at `column` is NULL.
    public func isNull(at column: Int) -> Bool {
        PQgetisnull(result, row, Int32(column)) == 1
    }

    /// The cell at `column` of an `int2`, `int4` or `int8` column; NULL is an error.
    public func int(at column: Int) throws(StoreError) -> Int64 {
        let bytes = try cell(column, .integer)
        switch bytes.count {
        case 2: return Int64(Int16(bitPattern: UInt16(Self.bigEndian(bytes))))
        case 4: return Int64(Int32(bitPattern: UInt32(Self.bigEndian(bytes))))
        case 8: return Int64(bitPattern: Self.bigEndian(bytes))
        default: throw Self.mismatch(column, "an integer")
        }
    }

    /// The cell at `column` of a `float8` column; NULL is an error.
    public func double(at column: Int) throws(StoreError) -> Double {
        let bytes = try cell(column, .float8)
        guard bytes.count == 8 else { throw Self.mismatch(column, "a float8") }
        return Double(bitPattern: Self.bigEndian(bytes))
    }

    /// The cell at `column` of a `date` column as days since 1970-01-01; NULL and ±infinity are errors.
    public func day(at column: Int) throws(StoreError) -> Int32 {
        let bytes = try cell(column, .date)
        guard bytes.count == 4 else { throw Self.mismatch(column, "a date") }
        // date_send: days since 2000-01-01; infinity is Int32.max, -infinity Int32.min.
        let days = Int32(bitPattern: UInt32(Self.bigEndian(bytes)))
        guard days != .max, days != .min else { throw Self.mismatch(column, "a finite date") }
        return days + Self.epochDays
    }

    /// The cell at `column` of a `timestamptz` column as microseconds since 1970-01-01 00:00
    /// UTC; NULL and ±infinity are errors.
    public func microsecondsSinceEpoch(at column: Int) throws(StoreError) -> Int64 {
        let bytes = try cell(column, .timestamptz)
        guard bytes.count == 8 else { throw Self.mismatch(column, "a timestamptz") }
        // timestamptz_send: microseconds since 2000-01-01 UTC; infinity is Int64.max, -infinity Int64.min.
        let micros = Int64(bitPattern: Self.bigEndian(bytes))
        guard micros != .max, micros != .min else { throw Self.mismatch(column, "a finite timestamptz") }
        return micros + Int64(Self.epochDays) * 86_400_000_000
    }

    /// Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01.
    private static let epochDays: Int32 = 10_957

    /// The UTF-8 of a `text` or `varchar` cell, valid only during the row's call; NULL is an error.
    public func bytes(at column: Int) throws(StoreError) -> UnsafeBufferPointer<UInt8> {
        try cell(column, .text)
    }

    /// The cell's bytes as PostgreSQL sent them, whatever the column's type (empty for NULL),
    /// valid only during the row's call: a key for cells that repeat, such as a page's markets.
    public func cellBytes(at column: Int) -> UnsafeBufferPointer<UInt8> {
        guard column >= 0, column < Int(PQnfields(result)), let value = PQgetvalue(result, row, Int32(column)) else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        let start = UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: start, count: Int(PQgetlength(result, row, Int32(column))))
    }

    /// The cell at `column` of a `text` or `varchar` column; NULL is an error.
    public func string(at column: Int) throws(StoreError) -> String {
        String(decoding: try bytes(at: column), as: UTF8.self)
    }

    /// Each element of a one-dimensional `text[]` cell, in order, as UTF-8 valid only during the
    /// call; a NULL cell or element is an error.
    public func forEachText(inArrayAt column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws(StoreError) {
        let bytes = try cell(column, .textArray)
        // array_send: dimensions, a has-nulls flag, the element type, (size, lower bound) per
        // dimension, then each element as its length and bytes (-1 for NULL).
        var reader = Reader(bytes: bytes)
        guard let dimensions = reader.int32(), reader.int32() != nil, reader.int32() != nil else { throw Self.mismatch(column, "a text[]") }
        guard dimensions != 0 else { return }
        guard dimensions == 1, let count = reader.int32(), reader.int32() != nil, count >= 0 else {
            throw Self.mismatch(column, "a one-dimensional text[]")
        }
        for _ in 0..<count {
            guard let length = reader.int32(), length >= 0, let element = reader.take(Int(length)) else {
                throw Self.mismatch(column, "a text[] without NULL elements")
            }
            body(element)
        }
    }

    private func cell(_ column: Int, _ kind: Kind) throws(StoreError) -> UnsafeBufferPointer<UInt8> {
        guard column >= 0, column < Int(PQnfields(result)) else {
            throw StoreError(.decoding, message: "column \(column) is out of range")
        }
        guard kind.accepts(PQftype(result, Int32(column))) else { throw Self.mismatch(column, kind.name) }
        let length = Int(PQgetlength(result, row, Int32(column)))
        // Only an empty cell can be NULL: most cells spare libpq the question.
        guard length > 0 || !isNull(at: column) else { throw StoreError(.decoding, message: "column \(column) is NULL") }
        let start = UnsafeRawPointer(PQgetvalue(result, row, Int32(column))!).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: start, count: length)
    }

    /// Two, four or eight bytes in network order.
    private static func bigEndian(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        switch bytes.count {
        case 8: return UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self))
        case 4: return UInt64(UInt32(bigEndian: raw.loadUnaligned(as: UInt32.self)))
        default: return UInt64(UInt16(bigEndian: raw.loadUnaligned(as: UInt16.self)))
        }
    }

    private static func mismatch(_ column: Int, _ expected: String) -> StoreError {
        StoreError(.decoding, message: "column \(column) is not \(expected)")
    }

    /// The column types an accessor reads.
    private enum Kind {
        case integer, float8, text, textArray, date, timestamptz

        /// By the built-in types' OIDs (pg_type.dat), fixed across PostgreSQL versions.
        func accepts(_ type: Oid) -> Bool {
            switch self {
            case .integer: type == 21 || type == 23 || type == 20  // int2, int4, int8
            case .float8: type == 701
            case .text: type == 25 || type == 1043  // text, varchar
            case .textArray: type == 1009 || type == 1015  // text[], varchar[]
            case .date: type == 1082
            case .timestamptz: type == 1184
            }
        }

        var name: String {
            switch self {
            case .integer: "an integer"
            case .float8: "a float8"
            case .text: "text"
            case .textArray: "a text[]"
            case .date: "a date"
            case .timestamptz: "a timestamptz"
            }
        }
    }

    /// Reads a binary array's fields front to back, never past its end.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func int32() -> Int32? {
            take(4).map { Int32(bitPattern: UInt32(PGBinaryRow.bigEndian($0))) }
        }

        mutating func take(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
            guard count <= bytes.count - position else { return nil }
            defer { position += count }
            return UnsafeBufferPointer(rebasing: bytes[position..<position + count])
        }
    }
}
