import CLVProtoC

extension SetBaseCurrencyResponse: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.SetBaseCurrencyResponse"
    static let unpack = clv__ingestion__v1__set_base_currency_response__unpack
    static let freeUnpacked = clv__ingestion__v1__set_base_currency_response__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__SetBaseCurrencyResponse>) {
        currency = CRead.string(pointer.pointee.currency)
        changed = pointer.pointee.changed != 0
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__SetBaseCurrencyResponse> {
        let response = arena.message(
            Clv__Ingestion__V1__SetBaseCurrencyResponse.self, clv__ingestion__v1__set_base_currency_response__init)
        response.pointee.currency = arena.string(currency)
        response.pointee.changed = changed ? 1 : 0
        return response
    }
}
