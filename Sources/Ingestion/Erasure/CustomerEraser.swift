import CLVProto
import RPC
import Store

/// Erases a customer: every row of every table in the schema that has a `customer_id` column.
///
/// The tables are found in the catalogue at each call, so tables that later services add are
/// covered without this code knowing them. Table names come from the catalogue, never from the
/// caller, and are quoted as identifiers; the customer id is a bound parameter.
enum CustomerEraser {
    static func forget(_ customerID: String, on connection: PGConnection) throws -> ForgetCustomerResponse {
        let tables = try connection.query(
            """
            SELECT c.table_name::text AS table_name
            FROM information_schema.columns c
            JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.column_name = 'customer_id' AND t.table_type = 'BASE TABLE'
              AND c.table_schema = current_schema()
            ORDER BY c.table_name = 'customers', c.table_name
            """)
        var removed: [RemovedRows] = []
        for row in tables {
            let table = try row.string("table_name")
            let count = try connection.execute("DELETE FROM \(quotedIdentifier(table)) WHERE customer_id = $1", [.text(customerID)])
            if count > 0 { removed.append(RemovedRows(table: table, rows: UInt64(count))) }
        }
        guard !removed.isEmpty else {
            throw RPCError(code: .notFound, message: "no customer '\(customerID)' in the store")
        }
        return ForgetCustomerResponse(customerID: customerID, removed: removed)
    }

    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
