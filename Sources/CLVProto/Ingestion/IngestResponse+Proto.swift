import CLVProtoC

extension IngestResponse: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.IngestResponse"
    static let unpack = clv__ingestion__v1__ingest_response__unpack
    static let freeUnpacked = clv__ingestion__v1__ingest_response__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__IngestResponse>) {
        let c = pointer.pointee
        received = c.received
        inserted = c.inserted
        updated = c.updated
        unchanged = c.unchanged
        rejections = CRead.array(c.rejections, count: c.n_rejections) { RecordRejection(c: $0) }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__IngestResponse> {
        let response = arena.message(Clv__Ingestion__V1__IngestResponse.self, clv__ingestion__v1__ingest_response__init)
        response.pointee.received = received
        response.pointee.inserted = inserted
        response.pointee.updated = updated
        response.pointee.unchanged = unchanged
        response.pointee.n_rejections = rejections.count
        response.pointee.rejections = arena.pointerArray(rejections.map { $0.cMessage(in: arena) })
        return response
    }
}
