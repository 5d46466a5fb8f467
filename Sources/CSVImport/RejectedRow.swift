import CLVProto

/// A row that was not stored, with why, as written to the rejects file.
public struct RejectedRow: Sendable, Hashable {
    /// The row's first line in the input file.
    public var line: Int
    /// The offending field: a column name for client-side rejections, the service's field path
    /// (such as `amount.currency`) for server-side ones.
    public var field: String
    public var reason: String
    /// A gRPC status code: 3 INVALID_ARGUMENT for every client-side rejection.
    public var code: UInt32
    /// The row's cells as read.
    public var cells: [String]
    /// Whether the client rejected it before sending.
    public var clientSide: Bool

    public init(line: Int, field: String, reason: String, code: UInt32, cells: [String], clientSide: Bool) {
        self.line = line
        self.field = field
        self.reason = reason
        self.code = code
        self.cells = cells
        self.clientSide = clientSide
    }

    /// A row the client refused to send.
    init(_ row: SourceRow, problem: FieldProblem) {
        self.init(
            line: row.line, field: problem.field, reason: problem.reason,
            code: UInt32(3), cells: row.cells, clientSide: true)
    }
}
