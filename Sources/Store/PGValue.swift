import struct Foundation.Date

/// A value bound as a query parameter.
///
/// Values travel separately from the SQL text (`PQexecParams`), in text format with an explicit
/// type OID, so no value can change the meaning of a statement.
public enum PGValue: Sendable, Hashable {
    /// SQL NULL; its type is inferred by the server from the statement.
    case null
    /// `text`.
    case text(String)
    /// `int8`; the server casts it to smaller integer columns on assignment.
    case int(Int64)
    /// `float8`.
    case double(Double)
    /// `bool`.
    case bool(Bool)
    /// `bytea`.
    case bytes([UInt8])
    /// `timestamptz`, sent as ISO 8601 UTC with microseconds.
    case timestamp(Date)
    /// `numeric`, given as its decimal text (for exact money amounts), such as `"12.50"`.
    case numeric(String)
    /// `text[]`; nil elements are SQL NULL. Expand with `unnest($1::text[])` for bulk statements.
    case textArray([String?])
    /// `int8[]`; nil elements are SQL NULL.
    case intArray([Int64?])
    /// `float8[]`; nil elements are SQL NULL.
    case doubleArray([Double?])
    /// `bool[]`; nil elements are SQL NULL.
    case boolArray([Bool?])

    /// The PostgreSQL type OID sent with the value; 0 lets the server infer it.
    var typeOID: UInt32 {
        switch self {
        case .null: return 0
        case .text: return 25
        case .int: return 20
        case .double: return 701
        case .bool: return 16
        case .bytes: return 17
        case .timestamp: return 1184
        case .numeric: return 1700
        case .textArray: return 1009
        case .intArray: return 1016
        case .doubleArray: return 1022
        case .boolArray: return 1000
        }
    }

    /// The value in PostgreSQL's text input format, or nil for NULL.
    var textEncoding: String? {
        switch self {
        case .null:
            return nil
        case .text(let value), .numeric(let value):
            return value
        case .int(let value):
            return String(value)
        case .double(let value):
            return PGArrayEncoding.doubleText(value)
        case .bool(let value):
            return value ? "t" : "f"
        case .bytes(let value):
            return Self.hexEncoded(value)
        case .timestamp(let value):
            return PGTimestamp.format(value)
        case .textArray(let elements):
            return PGArrayEncoding.text(elements)
        case .intArray(let elements):
            return PGArrayEncoding.int(elements)
        case .doubleArray(let elements):
            return PGArrayEncoding.double(elements)
        case .boolArray(let elements):
            return PGArrayEncoding.bool(elements)
        }
    }

    private static func hexEncoded(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
