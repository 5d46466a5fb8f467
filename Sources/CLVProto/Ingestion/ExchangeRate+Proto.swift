import CLVProtoC

extension ExchangeRate: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.ExchangeRate"
    static let unpack = clv__ingestion__v1__exchange_rate__unpack
    static let freeUnpacked = clv__ingestion__v1__exchange_rate__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__ExchangeRate>) {
        currency = CRead.string(pointer.pointee.currency)
        date = CRead.string(pointer.pointee.date)
        rate = CRead.string(pointer.pointee.rate)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__ExchangeRate> {
        let rate = arena.message(Clv__Ingestion__V1__ExchangeRate.self, clv__ingestion__v1__exchange_rate__init)
        rate.pointee.currency = arena.string(currency)
        rate.pointee.date = arena.string(date)
        rate.pointee.rate = arena.string(self.rate)
        return rate
    }
}
