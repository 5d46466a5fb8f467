import struct Foundation.Date

/// One row of a `PGRows` result. Cells are PostgreSQL text; the typed readers convert them.
///
/// Decoding errors name the column, never the value.
public struct PGRow: Sendable {
    let storage: PGRowStorage
    let row: Int

    /// Column names in result order.
    public var columns: [String] { storage.columns }

    /// The cell's text, or nil for NULL or an unknown column.
    public subscript(_ column: String) -> String? {
        guard let index = storage.columnIndex[column] else { return nil }
        return self[index]
    }

    /// The cell's text, or nil for NULL.
    public subscript(_ index: Int) -> String? {
        precondition(index >= 0 && index < storage.columns.count, "column index out of range")
        return storage.cells[row * storage.columns.count + index]
    }

    /// Whether the cell is NULL.
    public func isNull(_ column: String) throws(StoreError) -> Bool {
        try cell(column) == nil
    }

    /// The cell as text; NULL is an error.
    public func string(_ column: String) throws(StoreError) -> String {
        try nonNull(column)
    }

    /// The cell as an integer (`int2`, `int4`, `int8`, or `numeric` without fraction digits).
    public func int(_ column: String) throws(StoreError) -> Int64 {
        let text = try nonNull(column)
        guard let value = Int64(text) else { throw Self.mismatch(column, "an integer") }
        return value
    }

    /// The cell at `index` as an integer: for reading large results without name lookups.
    public func int(at index: Int) throws(StoreError) -> Int64 {
        guard let text = self[index] else {
            throw StoreError(.decoding, message: "column \(index) is NULL")
        }
        guard let value = Int64(text) else { throw Self.mismatch(storage.columns[index], "an integer") }
        return value
    }

    /// The cell as a Double (`float4`, `float8`, `numeric`).
    public func double(_ column: String) throws(StoreError) -> Double {
        let text = try nonNull(column)
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let value = Double(text) else { throw Self.mismatch(column, "a number") }
            return value
        }
    }

    /// The cell as a Bool (`t`/`f`).
    public func bool(_ column: String) throws(StoreError) -> Bool {
        switch try nonNull(column) {
        case "t", "true": return true
        case "f", "false": return false
        default: throw Self.mismatch(column, "a boolean")
        }
    }

    /// The cell as a Date (`timestamptz`, `timestamp` taken as UTC, or `date`).
    public func date(_ column: String) throws(StoreError) -> Date {
        guard let value = PGTimestamp.parse(try nonNull(column)) else { throw Self.mismatch(column, "a timestamp") }
        return value
    }

    /// The cell as bytes (`bytea` in hex output format).
    public func bytes(_ column: String) throws(StoreError) -> [UInt8] {
        let text = Array(try nonNull(column).utf8)
        guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x"), text.count % 2 == 0 else {
            throw Self.mismatch(column, "bytea in hex format")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((text.count - 2) / 2)
        var index = 2
        while index < text.count {
            guard let high = Self.hexValue(text[index]), let low = Self.hexValue(text[index + 1]) else {
                throw Self.mismatch(column, "bytea in hex format")
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private func cell(_ column: String) throws(StoreError) -> String? {
        guard let index = storage.columnIndex[column] else {
            throw StoreError(.decoding, message: "the result has no column \"\(column)\"")
        }
        return self[index]
    }

    private func nonNull(_ column: String) throws(StoreError) -> String {
        guard let text = try cell(column) else {
            throw StoreError(.decoding, message: "column \"\(column)\" is NULL")
        }
        return text
    }

    private static func mismatch(_ column: String, _ expected: String) -> StoreError {
        StoreError(.decoding, message: "column \"\(column)\" is not \(expected)")
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 48...57: return digit - 48
        case 97...102: return digit - 87
        case 65...70: return digit - 55
        default: return nil
        }
    }
}
