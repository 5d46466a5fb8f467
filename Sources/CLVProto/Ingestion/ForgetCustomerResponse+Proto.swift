import CLVProtoC

extension ForgetCustomerResponse: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.ForgetCustomerResponse"
    static let unpack = clv__ingestion__v1__forget_customer_response__unpack
    static let freeUnpacked = clv__ingestion__v1__forget_customer_response__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__ForgetCustomerResponse>) {
        let c = pointer.pointee
        customerID = CRead.string(c.customer_id)
        removed = CRead.array(c.removed, count: c.n_removed) {
            RemovedRows(table: CRead.string($0.pointee.table), rows: $0.pointee.rows)
        }
        totalRows = c.total_rows
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__ForgetCustomerResponse> {
        let response = arena.message(
            Clv__Ingestion__V1__ForgetCustomerResponse.self, clv__ingestion__v1__forget_customer_response__init)
        response.pointee.customer_id = arena.string(customerID)
        response.pointee.n_removed = removed.count
        response.pointee.removed = arena.pointerArray(
            removed.map { entry in
                let rows = arena.message(Clv__Ingestion__V1__RemovedRows.self, clv__ingestion__v1__removed_rows__init)
                rows.pointee.table = arena.string(entry.table)
                rows.pointee.rows = entry.rows
                return rows
            })
        response.pointee.total_rows = totalRows
        return response
    }
}
