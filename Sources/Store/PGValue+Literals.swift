import struct Foundation.Date

extension PGValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension PGValue {
    /// `.text`, or `.null` for nil.
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    /// `.int`, or `.null` for nil.
    public init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    /// `.int`, or `.null` for nil.
    public init(_ value: Int64?) { self = value.map { .int($0) } ?? .null }
    /// `.double`, or `.null` for nil.
    public init(_ value: Double?) { self = value.map { .double($0) } ?? .null }
    /// `.bool`, or `.null` for nil.
    public init(_ value: Bool?) { self = value.map { .bool($0) } ?? .null }
    /// `.bytes`, or `.null` for nil.
    public init(_ value: [UInt8]?) { self = value.map { .bytes($0) } ?? .null }
    /// `.timestamp`, or `.null` for nil.
    public init(_ value: Date?) { self = value.map { .timestamp($0) } ?? .null }
}
