import CLVProtoC

extension ForgetCustomersRequest: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.ForgetCustomersRequest"
    static let unpack = clv__ingestion__v1__forget_customers_request__unpack
    static let freeUnpacked = clv__ingestion__v1__forget_customers_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__ForgetCustomersRequest>) {
        let c = pointer.pointee
        customerIDs = (0..<c.n_customer_ids).map { CRead.string(c.customer_ids[$0]) }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__ForgetCustomersRequest> {
        let request = arena.message(
            Clv__Ingestion__V1__ForgetCustomersRequest.self, clv__ingestion__v1__forget_customers_request__init)
        request.pointee.n_customer_ids = customerIDs.count
        request.pointee.customer_ids = arena.pointerArray(customerIDs.map { arena.string($0) })
        return request
    }
}
