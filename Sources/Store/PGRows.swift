/// The rows of one query result, copied out of libpq (whose result is cleared right away).
///
/// Values are PostgreSQL's text format; `PGRow` reads them as Swift types.
public struct PGRows: Sendable, RandomAccessCollection {
    /// Column names in result order.
    public var columns: [String] { storage.columns }
    /// Rows affected by INSERT/UPDATE/DELETE/COPY, or rows returned by SELECT.
    public var affectedRows: Int
    /// The server's command tag, such as `INSERT 0 1` or `SELECT 3`.
    public var commandTag: String

    let storage: PGRowStorage

    init(storage: PGRowStorage, affectedRows: Int, commandTag: String) {
        self.storage = storage
        self.affectedRows = affectedRows
        self.commandTag = commandTag
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }

    public subscript(position: Int) -> PGRow {
        precondition(position >= 0 && position < storage.rowCount, "row index out of range")
        return PGRow(storage: storage, row: position)
    }
}

/// Immutable cell storage shared by a result's rows.
final class PGRowStorage: Sendable {
    let columns: [String]
    let columnIndex: [String: Int]
    let rowCount: Int
    /// Row-major cells; nil is SQL NULL.
    let cells: [String?]

    init(columns: [String], rowCount: Int, cells: [String?]) {
        self.columns = columns
        var index: [String: Int] = [:]
        for (position, name) in columns.enumerated() where index[name] == nil {
            index[name] = position  // the first of duplicate names wins, as in most drivers
        }
        self.columnIndex = index
        self.rowCount = rowCount
        self.cells = cells
    }
}
