import CLVProtoC

extension SetBaseCurrencyRequest: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.SetBaseCurrencyRequest"
    static let unpack = clv__ingestion__v1__set_base_currency_request__unpack
    static let freeUnpacked = clv__ingestion__v1__set_base_currency_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__SetBaseCurrencyRequest>) {
        currency = CRead.string(pointer.pointee.currency)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__SetBaseCurrencyRequest> {
        let request = arena.message(
            Clv__Ingestion__V1__SetBaseCurrencyRequest.self, clv__ingestion__v1__set_base_currency_request__init)
        request.pointee.currency = arena.string(currency)
        return request
    }
}
