import CLVProtoC

extension IngestOrdersRequest: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.IngestOrdersRequest"
    static let unpack = clv__ingestion__v1__ingest_orders_request__unpack
    static let freeUnpacked = clv__ingestion__v1__ingest_orders_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__IngestOrdersRequest>) {
        orders = CRead.array(pointer.pointee.orders, count: pointer.pointee.n_orders) { Order(c: $0) }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__IngestOrdersRequest> {
        let request = arena.message(Clv__Ingestion__V1__IngestOrdersRequest.self, clv__ingestion__v1__ingest_orders_request__init)
        request.pointee.n_orders = orders.count
        request.pointee.orders = arena.pointerArray(orders.map { $0.cMessage(in: arena) })
        return request
    }
}
