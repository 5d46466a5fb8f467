/// Where every physical line of the file went: the header, a record (well-formed or not), or a
/// blank line. `total` is the file's line count, a last line without a line break included.
public struct LineCounts: Sendable, Hashable, Encodable {
    private enum CodingKeys: String, CodingKey { case total, header, inRecords, blank }

    public var header = 0
    /// Lines of records, each record's quoted line breaks included.
    public var inRecords = 0
    public var blank = 0

    public init(header: Int = 0, inRecords: Int = 0, blank: Int = 0) {
        self.header = header
        self.inRecords = inRecords
        self.blank = blank
    }

    public var total: Int { header + inRecords + blank }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(header, forKey: .header)
        try container.encode(inRecords, forKey: .inRecords)
        try container.encode(blank, forKey: .blank)
    }
}
