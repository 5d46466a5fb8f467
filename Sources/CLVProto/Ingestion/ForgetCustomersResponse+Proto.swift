import CLVProtoC

extension ForgetCustomersResponse: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.ForgetCustomersResponse"
    static let unpack = clv__ingestion__v1__forget_customers_response__unpack
    static let freeUnpacked = clv__ingestion__v1__forget_customers_response__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__ForgetCustomersResponse>) {
        let c = pointer.pointee
        customers = CRead.array(c.customers, count: c.n_customers) {
            CustomerErasure(customerID: CRead.string($0.pointee.customer_id), rows: $0.pointee.rows)
        }
        removed = CRead.array(c.removed, count: c.n_removed) {
            RemovedRows(table: CRead.string($0.pointee.table), rows: $0.pointee.rows)
        }
        totalRows = c.total_rows
        erasedCustomers = c.erased_customers
        notFoundCustomers = c.not_found_customers
        chunks = c.chunks
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__ForgetCustomersResponse> {
        let response = arena.message(
            Clv__Ingestion__V1__ForgetCustomersResponse.self, clv__ingestion__v1__forget_customers_response__init)
        response.pointee.n_customers = customers.count
        response.pointee.customers = arena.pointerArray(
            customers.map { entry in
                let erasure = arena.message(
                    Clv__Ingestion__V1__CustomerErasure.self, clv__ingestion__v1__customer_erasure__init)
                erasure.pointee.customer_id = arena.string(entry.customerID)
                erasure.pointee.rows = entry.rows
                return erasure
            })
        response.pointee.n_removed = removed.count
        response.pointee.removed = arena.pointerArray(
            removed.map { entry in
                let rows = arena.message(Clv__Ingestion__V1__RemovedRows.self, clv__ingestion__v1__removed_rows__init)
                rows.pointee.table = arena.string(entry.table)
                rows.pointee.rows = entry.rows
                return rows
            })
        response.pointee.total_rows = totalRows
        response.pointee.erased_customers = erasedCustomers
        response.pointee.not_found_customers = notFoundCustomers
        response.pointee.chunks = chunks
        return response
    }
}
