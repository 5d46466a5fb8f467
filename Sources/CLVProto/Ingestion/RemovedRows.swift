/// `clv.ingestion.v1.RemovedRows`: rows of one table removed by `ForgetCustomer`.
public struct RemovedRows: Sendable, Hashable {
    public var table: String
    public var rows: UInt64

    public init(table: String, rows: UInt64) {
        self.table = table
        self.rows = rows
    }
}
