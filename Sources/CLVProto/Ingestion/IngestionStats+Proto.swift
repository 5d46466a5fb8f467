import CLVProtoC

extension IngestionStats: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.IngestionStats"
    static let unpack = clv__ingestion__v1__ingestion_stats__unpack
    static let freeUnpacked = clv__ingestion__v1__ingestion_stats__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__IngestionStats>) {
        let c = pointer.pointee
        baseCurrency = CRead.string(c.base_currency)
        kinds = CRead.array(c.kinds, count: c.n_kinds) {
            RecordKindStats(
                kind: CRead.string($0.pointee.kind), stored: $0.pointee.stored, rejected: $0.pointee.rejected,
                latestAtUnixMilliseconds: $0.pointee.latest_at_unix_ms)
        }
        undescribedCustomers = c.undescribed_customers
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__IngestionStats> {
        let stats = arena.message(Clv__Ingestion__V1__IngestionStats.self, clv__ingestion__v1__ingestion_stats__init)
        stats.pointee.base_currency = arena.string(baseCurrency)
        stats.pointee.n_kinds = kinds.count
        stats.pointee.kinds = arena.pointerArray(
            kinds.map { kind in
                let entry = arena.message(Clv__Ingestion__V1__RecordKindStats.self, clv__ingestion__v1__record_kind_stats__init)
                entry.pointee.kind = arena.string(kind.kind)
                entry.pointee.stored = kind.stored
                entry.pointee.rejected = kind.rejected
                entry.pointee.latest_at_unix_ms = kind.latestAtUnixMilliseconds
                return entry
            })
        stats.pointee.undescribed_customers = undescribedCustomers
        return stats
    }
}
