import CLVProto

/// A row that was not stored, with why, as written to the rejects file.
public struct RejectedRow: Sendable, Hashable {
    /// The row's first line in the input file.
    public var line: Int
    /// Physical lines the row spans.
    public var lineCount: Int
    /// Everything wrong with the row. A field is a record field for client-side rejections, the
    /// service's field path (such as `amount.currency`) for server-side ones, empty for the row.
    public var problems: [FieldProblem]
    /// A gRPC status code: 3 INVALID_ARGUMENT for every client-side rejection.
    public var code: UInt32
    /// The row's cells as read.
    public var cells: [String]
    /// Whether the client rejected it before sending.
    public var clientSide: Bool

    public init(
        line: Int, lineCount: Int = 1, problems: [FieldProblem], code: UInt32, cells: [String], clientSide: Bool
    ) {
        self.line = line
        self.lineCount = lineCount
        self.problems = problems
        self.code = code
        self.cells = cells
        self.clientSide = clientSide
    }

    /// A row with one problem.
    public init(line: Int, field: String, reason: String, code: UInt32, cells: [String], clientSide: Bool) {
        self.init(line: line, problems: [FieldProblem(field: field, reason: reason)], code: code, cells: cells, clientSide: clientSide)
    }

    /// A row the client refused to send.
    init(_ row: SourceRow, problems: [FieldProblem]) {
        self.init(
            line: row.line, lineCount: row.lineCount, problems: problems, code: UInt32(3), cells: row.cells,
            clientSide: true)
    }

    /// The first problem's field.
    public var field: String { problems.first?.field ?? "" }
}
