import CLVProtoC

extension GetCustomerValueRequest: CMessageConvertible {
    static let protoName = "clv.valuation.v1.GetCustomerValueRequest"
    static let unpack = clv__valuation__v1__get_customer_value_request__unpack
    static let freeUnpacked = clv__valuation__v1__get_customer_value_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__GetCustomerValueRequest>) {
        let c = pointer.pointee
        customerID = CRead.string(c.customer_id)
        runID = c.run_id
        terms = ValueTerms(c: c.terms)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__GetCustomerValueRequest> {
        let request = arena.message(
            Clv__Valuation__V1__GetCustomerValueRequest.self, clv__valuation__v1__get_customer_value_request__init)
        request.pointee.customer_id = arena.string(customerID)
        request.pointee.run_id = runID
        request.pointee.terms = terms.cMessage(in: arena)
        return request
    }
}
