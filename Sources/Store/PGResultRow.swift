import CLibPQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One row of a result still held by libpq, read in place without copying its cells.
///
/// Handed to the body of `PGConnection.forEachRow`; it is valid only during that call (the
/// result is cleared afterwards), so it is neither `Sendable` nor meant to be stored.
public struct PGResultRow {
    let result: OpaquePointer
    let row: Int32

    /// Whether the cell at `column` is NULL.
    public func isNull(at column: Int) -> Bool {
        PQgetisnull(result, row, Int32(column)) == 1
    }

    /// The cell at `column` as an integer (`int2`, `int4`, `int8`); NULL or other text is an error.
    public func int(at column: Int) throws(StoreError) -> Int64 {
        let bytes = try cell(column)
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count else { throw Self.mismatch(column, "an integer") }
        // Accumulated negatively so Int64.min parses too.
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { throw Self.mismatch(column, "an integer") }
            let (shifted, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowMinus) = shifted.subtractingReportingOverflow(Int64(digit))
            guard !overflowTimes, !overflowMinus else { throw Self.mismatch(column, "an integer") }
            value = next
            index += 1
        }
        if negative { return value }
        guard value != .min else { throw Self.mismatch(column, "an integer") }
        return -value
    }

    /// The cell at `column` as a boolean (`t` or `f`); NULL or other text is an error.
    public func bool(at column: Int) throws(StoreError) -> Bool {
        let bytes = try cell(column)
        guard bytes.count == 1 else { throw Self.mismatch(column, "a boolean") }
        switch bytes[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: throw Self.mismatch(column, "a boolean")
        }
    }

    /// The cell at `column` as a float (`float8`, `numeric`, `Infinity`, `NaN`); NULL or other text is an error.
    public func double(at column: Int) throws(StoreError) -> Double {
        let bytes = try cell(column)
        // libpq ends every cell with a NUL: strtod reads it in place, with no String made.
        var end: UnsafeMutablePointer<CChar>?
        let start = UnsafeMutableRawPointer(mutating: bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
        let value = strtod(start, &end)
        guard bytes.count > 0, let end, end == start + bytes.count else { throw Self.mismatch(column, "a number") }
        return value
    }

    /// The cell at `column` as text; NULL is an error.
    public func string(at column: Int) throws(StoreError) -> String {
        String(decoding: try cell(column), as: UTF8.self)
    }

    private func cell(_ column: Int) throws(StoreError) -> UnsafeBufferPointer<UInt8> {
        guard column >= 0, column < Int(PQnfields(result)) else {
            throw StoreError(.decoding, message: "column \(column) is out of range")
        }
        guard !isNull(at: column) else { throw StoreError(.decoding, message: "column \(column) is NULL") }
        let length = Int(PQgetlength(result, row, Int32(column)))
        let start = UnsafeRawPointer(PQgetvalue(result, row, Int32(column))!).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: start, count: length)
    }

    private static func mismatch(_ column: Int, _ expected: String) -> StoreError {
        StoreError(.decoding, message: "column \(column) is not \(expected)")
    }
}
