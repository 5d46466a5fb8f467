import CLVProtoC

extension ListCustomerIDsResponse: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.ListCustomerIdsResponse"
    static let unpack = clv__ingestion__v1__list_customer_ids_response__unpack
    static let freeUnpacked = clv__ingestion__v1__list_customer_ids_response__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__ListCustomerIdsResponse>) {
        let c = pointer.pointee
        customerIDs = (0..<c.n_customer_ids).map { CRead.string(c.customer_ids[$0]) }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__ListCustomerIdsResponse> {
        let response = arena.message(
            Clv__Ingestion__V1__ListCustomerIdsResponse.self, clv__ingestion__v1__list_customer_ids_response__init)
        response.pointee.n_customer_ids = customerIDs.count
        response.pointee.customer_ids = arena.pointerArray(customerIDs.map { arena.string($0) })
        return response
    }
}
