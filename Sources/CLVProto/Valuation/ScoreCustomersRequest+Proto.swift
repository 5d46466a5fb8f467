import CLVProtoC

extension ScoreCustomersRequest: CMessageConvertible {
    static let protoName = "clv.valuation.v1.ScoreCustomersRequest"
    static let unpack = clv__valuation__v1__score_customers_request__unpack
    static let freeUnpacked = clv__valuation__v1__score_customers_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__ScoreCustomersRequest>) {
        let c = pointer.pointee
        runID = c.run_id
        terms = ValueTerms(c: c.terms)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__ScoreCustomersRequest> {
        let request = arena.message(
            Clv__Valuation__V1__ScoreCustomersRequest.self, clv__valuation__v1__score_customers_request__init)
        request.pointee.run_id = runID
        request.pointee.terms = terms.cMessage(in: arena)
        return request
    }
}
