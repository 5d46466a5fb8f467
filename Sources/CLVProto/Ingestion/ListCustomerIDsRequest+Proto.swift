import CLVProtoC

extension ListCustomerIDsRequest: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.ListCustomerIdsRequest"
    static let unpack = clv__ingestion__v1__list_customer_ids_request__unpack
    static let freeUnpacked = clv__ingestion__v1__list_customer_ids_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__ListCustomerIdsRequest>) {
        let c = pointer.pointee
        prefix = CRead.string(c.prefix)
        after = CRead.string(c.after)
        limit = c.limit
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__ListCustomerIdsRequest> {
        let request = arena.message(
            Clv__Ingestion__V1__ListCustomerIdsRequest.self, clv__ingestion__v1__list_customer_ids_request__init)
        request.pointee.prefix = arena.string(prefix)
        request.pointee.after = arena.string(after)
        request.pointee.limit = limit
        return request
    }
}
