import CLVProto
import RPC
import Store

/// Erases customers: every row of every table in the schema that has a `customer_id` column.
///
/// The tables are found in the catalogue at each call, so tables that later services add are
/// covered without this code knowing them. Table names come from the catalogue, never from the
/// caller, and are quoted as identifiers; the customer ids are bound parameters.
enum CustomerEraser {
    static func forget(_ customerID: String, on connection: PGConnection) throws -> ForgetCustomerResponse {
        let removed = try forget(many: [customerID], on: connection).removed
        guard !removed.isEmpty else {
            throw RPCError(code: .notFound, message: "no customer '\(customerID)' in the store")
        }
        return .totalling(customerID: customerID, removed: removed)
    }

    /// Erases `customerIDs` (distinct) in one statement per table: the cost of a chunk is a few
    /// round trips, not a few per customer.
    static func forget(many customerIDs: [String], on connection: PGConnection) throws -> ChunkErasure {
        var erasure = ChunkErasure()
        let ids: [PGValue] = [.textArray(customerIDs.sorted())]
        for table in try tables(on: connection) {
            let rows = try connection.query(
                """
                WITH d AS (DELETE FROM \(quotedIdentifier(table)) WHERE customer_id = ANY($1::text[]) RETURNING customer_id)
                SELECT customer_id, count(*) AS n FROM d GROUP BY customer_id
                """, ids)
            var tableRows: UInt64 = 0
            for row in rows {
                let id = try row.string("customer_id")
                let count = UInt64(try row.int("n"))
                erasure.rowsByCustomer[id, default: 0] += count
                tableRows += count
            }
            if tableRows > 0 { erasure.removed.append(RemovedRows(table: table, rows: tableRows)) }
        }
        return erasure
    }

    /// What one chunk of `forget(many:)` removed.
    struct ChunkErasure: Sendable {
        var rowsByCustomer: [String: UInt64] = [:]
        var removed: [RemovedRows] = []
    }

    /// The tables with a `customer_id` column, `customers` last.
    private static func tables(on connection: PGConnection) throws -> [String] {
        let rows = try connection.query(
            """
            SELECT c.table_name::text AS table_name
            FROM information_schema.columns c
            JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.column_name = 'customer_id' AND t.table_type = 'BASE TABLE'
              AND c.table_schema = current_schema()
            ORDER BY c.table_name = 'customers', c.table_name
            """)
        return try rows.map { try $0.string("table_name") }
    }

    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
