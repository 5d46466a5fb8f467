import CLVProto
import RPC
import Store

/// `ForgetCustomers`: erases many customers, one transaction per chunk of ids.
///
/// A chunk commits whole or not at all; a call cut short (a lost connection, a server stopped)
/// leaves whole chunks erased, and sending the same ids again erases the rest (the ids already
/// erased come back as not found).
enum BulkErasure {
    /// Ids in one call.
    static let maximumIDs = 10_000
    /// Ids in one transaction: large enough that a chunk costs a few round trips per thousand
    /// customers, small enough that its locks are brief.
    static let chunkSize = 1_000

    static func forget(_ request: ForgetCustomersRequest, pool: PGPool) async throws -> ForgetCustomersResponse {
        let ids = try validated(request.customerIDs)
        var rowsByCustomer: [String: UInt64] = [:]
        var removedByTable: [String: UInt64] = [:]
        var chunks: UInt32 = 0
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + chunkSize, ids.count)])
            let erasure = try await TransactionRetry.run(pool) { connection in
                try CustomerEraser.forget(many: chunk, on: connection)
            }
            rowsByCustomer.merge(erasure.rowsByCustomer, uniquingKeysWith: +)
            for entry in erasure.removed { removedByTable[entry.table, default: 0] += entry.rows }
            chunks += 1
            start += chunkSize
        }
        return .totalling(
            customers: ids.map { CustomerErasure(customerID: $0, rows: rowsByCustomer[$0] ?? 0) },
            removed: removedByTable.sorted { $0.key < $1.key }.map { RemovedRows(table: $0.key, rows: $0.value) },
            chunks: chunks)
    }

    /// The distinct ids in the order first sent; INVALID_ARGUMENT naming the first bad one.
    private static func validated(_ ids: [String]) throws(RPCError) -> [String] {
        guard !ids.isEmpty else { throw RPCError.invalidArgument(field: "customer_ids", "no customer id to erase") }
        guard ids.count <= maximumIDs else {
            throw RPCError.invalidArgument(
                field: "customer_ids", "\(ids.count) ids in one call; send at most \(maximumIDs) per call")
        }
        var seen: Set<String> = []
        var distinct: [String] = []
        for (index, id) in ids.enumerated() {
            if let problem = FieldRules.identifier(id, field: "customer_ids[\(index)]") {
                throw RPCError.invalidArgument(field: problem.field, problem.reason)
            }
            if seen.insert(id).inserted { distinct.append(id) }
        }
        return distinct
    }
}
