/// Reads a file's rows and groups them into batches of records, rejecting the rows that
/// cannot be mapped. Runs on the reader thread; not `Sendable`.
///
/// Before a row is mapped, a spreadsheet's leading apostrophe is removed from its ids and the
/// `--map-value` replacements are applied; the rejects file gets the row as read.
public final class BatchReader<Mapper: RowMapper> {
    public let layout: ColumnLayout
    private let source: CSVRowSource
    private let mapper: Mapper
    private let batchSize: Int
    private let counters: ImportCounters
    private let formats: ValueFormats
    private let valueColumns: [(index: Int, replacements: [String: ValueMapping.Replacement])]
    private let idColumns: [Int]
    /// Orders only: the order id and currency columns, to recognise a line-item export.
    private let orderColumn: Int?
    private let currencyColumn: Int?
    private var previousOrder: (id: String, line: Int)?
    private var sequence = 0

    /// Checks the header against the options; throws before any row is read.
    public init(source: CSVRowSource, options: ImportOptions, counters: ImportCounters = ImportCounters()) throws(ImportSetupError) {
        let layout = try ColumnLayout(
            header: source.header, kind: options.kind, mapping: options.mapping,
            ignoreUnknownColumns: options.ignoreUnknownColumns)
        self.layout = layout
        self.source = source
        self.mapper = Mapper(layout: layout)
        self.batchSize = max(1, options.batchSize)
        self.counters = counters
        self.formats = options.formats
        self.valueColumns = try options.valueMapping.byColumn(in: layout)
        self.idColumns = ["customer_id", "order_id", "event_id"].compactMap { layout.index(of: $0) }
        self.orderColumn = options.kind == .orders ? layout.index(of: "order_id") : nil
        self.currencyColumn = layout.index(of: "currency")
        // Only free text (attr.NAME, columns left out) may hold line breaks.
        source.setSingleLineColumns(Dictionary(uniqueKeysWithValues: layout.indexByField.values.map { ($0, layout.header[$0]) }))
    }

    /// Where the lines read so far went; complete at the end of the file.
    public var lines: LineCounts { source.lines }

    /// The next `batchSize` rows (fewer at the end of the file), or nil when none are left.
    ///
    /// Throws `CSVSourceError` when the file cannot be read on, and `ImportSetupError` when the
    /// first batch shows the file is a line-item export (nothing has been sent then).
    public func nextBatch() throws -> RowBatch<Mapper.Record>? {
        var batch = RowBatch<Mapper.Record>()
        batch.sequence = sequence
        batch.records.reserveCapacity(batchSize)
        batch.rows.reserveCapacity(batchSize)
        let columnCount = layout.header.count
        while batch.rowCount < batchSize, let row = try source.next() {
            if let reason = row.malformed {
                batch.rejected.append(RejectedRow(row, problems: [FieldProblem(field: "", reason: reason)]))
                continue
            }
            if row.cells.count != columnCount {
                let span = row.lineCount > 1 ? " (it spans \(row.linesText): a quoted cell holds line breaks)" : ""
                let problem = FieldProblem(
                    field: "", reason: "the row has \(row.cells.count) cells, the header \(columnCount)\(span)")
                batch.rejected.append(RejectedRow(row, problems: [problem]))
                continue
            }
            var cells = row.cells
            for index in idColumns where cells[index].hasPrefix("'") {
                cells[index].removeFirst()
                batch.apostrophesRemoved += 1
            }
            try checkNotLineItems(cells, row: row)
            var skip = false
            for column in valueColumns {
                switch column.replacements[cells[column.index].trimmingASCIISpaces.lowercased()] {
                case .skip?: skip = true
                case .value(let value)?: cells[column.index] = value
                case nil: break
                }
            }
            if skip {
                batch.skipped += 1
                continue
            }
            do {
                batch.append(try mapper.record(from: RowCells(cells, formats: formats)), from: row)
            } catch {
                batch.rejected.append(RejectedRow(row, problems: error.problems))
            }
        }
        counters.rowsRead.add(batch.rowCount, ordering: .relaxed)
        guard batch.rowCount > 0 else { return nil }
        sequence += 1
        return batch
    }

    /// Refuses a file where one order follows itself: a line-item export (a row per item, the
    /// order's totals and currency on its first row only) would count every item as an order.
    private func checkNotLineItems(_ cells: [String], row: SourceRow) throws {
        guard let orderColumn else { return }
        let id = cells[orderColumn].trimmingASCIISpaces
        defer { previousOrder = (id, row.line) }
        guard !id.isEmpty, let previousOrder, previousOrder.id == id else { return }
        let noCurrency = currencyColumn.map { cells[$0].trimmingASCIISpaces.isEmpty } ?? false
        let message = "lines \(previousOrder.line) and \(row.line) are both order \(id)"
            + (noCurrency ? " (the second without a currency)" : "")
            + ": this looks like a line-item export, one row per item with the order's total and currency on its first row. "
            + "clv imports one row per order: keep only the first row of each order (it carries the order's total), "
            + "or export orders instead of line items"
        if sequence == 0 { throw ImportSetupError(message + "; nothing was imported") }
        throw CSVSourceError(line: row.line, message + "; the rows before line \(row.line) may have been imported")
    }
}
