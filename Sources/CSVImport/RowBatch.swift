import CLVProto

/// Up to `--batch-size` consecutive rows of the file: the records to send in one call, and for
/// each record the row it came from, so the service's rejections (by index in the request)
/// lead back to a line of the file.
public struct RowBatch<Record: Sendable>: Sendable {
    /// The batch's place in the file (0, 1, ...): rejected rows are written in this order.
    public var sequence = 0
    /// What to send, in request order.
    public var records: [Record] = []
    /// `rows[i]` is the row `records[i]` was made from.
    public var rows: [SourceRow] = []
    /// Rows of this stretch of the file refused on the client.
    public var rejected: [RejectedRow] = []
    /// Rows left out on purpose (`--map-value FIELD:FROM=skip`).
    public var skipped = 0
    /// Ids whose spreadsheet apostrophe (`'7012345678901`) was removed.
    public var apostrophesRemoved = 0

    public init() {}

    /// Rows read into this batch, sent or not.
    public var rowCount: Int { records.count + rejected.count + skipped }

    mutating func append(_ record: Record, from row: SourceRow) {
        records.append(record)
        rows.append(row)
    }

    /// The service's rejections as rows of the file, in line order.
    ///
    /// An index outside the request (a service bug) still yields a row, at line 0, so that no
    /// rejection is lost from the count or the rejects file.
    public func rejectedRows(for response: IngestResponse) -> [RejectedRow] {
        response.rejections.map { rejection in
            let index = Int(rejection.index)
            let row = rows.indices.contains(index) ? rows[index] : SourceRow(line: 0, cells: [])
            return RejectedRow(
                line: row.line, lineCount: row.lineCount, problems: [FieldProblem(field: rejection.field, reason: rejection.reason)],
                code: rejection.code, cells: row.cells, clientSide: false)
        }
        .sorted { $0.line < $1.line }
    }
}
