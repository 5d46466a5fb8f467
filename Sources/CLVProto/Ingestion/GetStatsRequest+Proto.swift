import CLVProtoC

extension GetStatsRequest: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.GetStatsRequest"
    static let unpack = clv__ingestion__v1__get_stats_request__unpack
    static let freeUnpacked = clv__ingestion__v1__get_stats_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__GetStatsRequest>) {}

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__GetStatsRequest> {
        arena.message(Clv__Ingestion__V1__GetStatsRequest.self, clv__ingestion__v1__get_stats_request__init)
    }
}
