import CLVProtoC

extension IngestEventsRequest: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.IngestEventsRequest"
    static let unpack = clv__ingestion__v1__ingest_events_request__unpack
    static let freeUnpacked = clv__ingestion__v1__ingest_events_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__IngestEventsRequest>) {
        events = CRead.array(pointer.pointee.events, count: pointer.pointee.n_events) { Event(c: $0) }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__IngestEventsRequest> {
        let request = arena.message(Clv__Ingestion__V1__IngestEventsRequest.self, clv__ingestion__v1__ingest_events_request__init)
        request.pointee.n_events = events.count
        request.pointee.events = arena.pointerArray(events.map { $0.cMessage(in: arena) })
        return request
    }
}
