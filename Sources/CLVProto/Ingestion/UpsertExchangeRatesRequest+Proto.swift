import CLVProtoC

extension UpsertExchangeRatesRequest: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.UpsertExchangeRatesRequest"
    static let unpack = clv__ingestion__v1__upsert_exchange_rates_request__unpack
    static let freeUnpacked = clv__ingestion__v1__upsert_exchange_rates_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__UpsertExchangeRatesRequest>) {
        rates = CRead.array(pointer.pointee.rates, count: pointer.pointee.n_rates) { ExchangeRate(c: $0) }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__UpsertExchangeRatesRequest> {
        let request = arena.message(Clv__Ingestion__V1__UpsertExchangeRatesRequest.self, clv__ingestion__v1__upsert_exchange_rates_request__init)
        request.pointee.n_rates = rates.count
        request.pointee.rates = arena.pointerArray(rates.map { $0.cMessage(in: arena) })
        return request
    }
}
