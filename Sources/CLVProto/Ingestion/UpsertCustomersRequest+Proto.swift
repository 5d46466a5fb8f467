import CLVProtoC

extension UpsertCustomersRequest: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.UpsertCustomersRequest"
    static let unpack = clv__ingestion__v1__upsert_customers_request__unpack
    static let freeUnpacked = clv__ingestion__v1__upsert_customers_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__UpsertCustomersRequest>) {
        customers = CRead.array(pointer.pointee.customers, count: pointer.pointee.n_customers) { Customer(c: $0) }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__UpsertCustomersRequest> {
        let request = arena.message(Clv__Ingestion__V1__UpsertCustomersRequest.self, clv__ingestion__v1__upsert_customers_request__init)
        request.pointee.n_customers = customers.count
        request.pointee.customers = arena.pointerArray(customers.map { $0.cMessage(in: arena) })
        return request
    }
}
