import CLVProto
import RPC
import Store

/// `ListCustomerIds`: pages through the stored customer ids in byte order, optionally those
/// with a prefix (what `clv forget --prefix` erases).
enum CustomerIDListing {
    static let maximumLimit: UInt32 = 10_000

    static func list(_ request: ListCustomerIdsRequest, on connection: PGConnection) throws -> ListCustomerIdsResponse {
        if let problem = FieldRules.label(request.prefix, field: "prefix", maximum: IngestionLimits.maximumIDLength) {
            throw RPCError.invalidArgument(field: problem.field, problem.reason)
        }
        if let problem = FieldRules.label(request.after, field: "after", maximum: IngestionLimits.maximumIDLength) {
            throw RPCError.invalidArgument(field: problem.field, problem.reason)
        }
        guard request.limit <= maximumLimit else {
            throw RPCError.invalidArgument(field: "limit", "limit is \(request.limit); at most \(maximumLimit) ids per page")
        }
        let limit = request.limit == 0 ? maximumLimit : request.limit
        // starts_with and byte order (COLLATE "C") need no escaping of LIKE's % and _.
        let rows = try connection.query(
            """
            SELECT customer_id FROM customers
            WHERE starts_with(customer_id, $1) AND customer_id COLLATE "C" > $2
            ORDER BY customer_id COLLATE "C" LIMIT $3
            """, [.text(request.prefix), .text(request.after), .int(Int64(limit))])
        return ListCustomerIdsResponse(customerIDs: try rows.map { try $0.string("customer_id") })
    }
}
