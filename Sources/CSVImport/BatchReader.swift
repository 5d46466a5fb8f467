/// Reads a file's rows and groups them into batches of records, rejecting the rows that
/// cannot be mapped. Runs on the reader thread; not `Sendable`.
public final class BatchReader<Mapper: RowMapper> {
    public let layout: ColumnLayout
    private let source: CSVRowSource
    private let mapper: Mapper
    private let batchSize: Int
    private let counters: ImportCounters

    /// Checks the header against `kind` and `mapping`; throws before any row is read.
    public init(
        source: CSVRowSource, kind: RecordKind, mapping: ColumnMapping, ignoreUnknownColumns: Bool,
        batchSize: Int, counters: ImportCounters = ImportCounters()
    ) throws(ImportSetupError) {
        self.layout = try ColumnLayout(
            header: source.header, kind: kind, mapping: mapping, ignoreUnknownColumns: ignoreUnknownColumns)
        self.source = source
        self.mapper = Mapper(layout: layout)
        self.batchSize = max(1, batchSize)
        self.counters = counters
    }

    /// The next `batchSize` rows (fewer at the end of the file), or nil when none are left.
    public func nextBatch() throws(CSVSourceError) -> RowBatch<Mapper.Record>? {
        var batch = RowBatch<Mapper.Record>()
        batch.records.reserveCapacity(batchSize)
        batch.rows.reserveCapacity(batchSize)
        let columnCount = layout.header.count
        while batch.rowCount < batchSize, let row = try source.next() {
            if row.cells.count != columnCount {
                let problem = FieldProblem(
                    field: "", reason: "the row has \(row.cells.count) cells, the header \(columnCount)")
                batch.rejected.append(RejectedRow(row, problem: problem))
                continue
            }
            do {
                batch.append(try mapper.record(from: RowCells(row.cells)), from: row)
            } catch {
                batch.rejected.append(RejectedRow(row, problem: error))
            }
        }
        counters.rowsRead.add(batch.rowCount, ordering: .relaxed)
        return batch.rowCount == 0 ? nil : batch
    }
}
