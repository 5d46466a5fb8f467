import CLVProtoC

extension ForgetCustomerRequest: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.ForgetCustomerRequest"
    static let unpack = clv__ingestion__v1__forget_customer_request__unpack
    static let freeUnpacked = clv__ingestion__v1__forget_customer_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__ForgetCustomerRequest>) {
        customerID = CRead.string(pointer.pointee.customer_id)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__ForgetCustomerRequest> {
        let request = arena.message(
            Clv__Ingestion__V1__ForgetCustomerRequest.self, clv__ingestion__v1__forget_customer_request__init)
        request.pointee.customer_id = arena.string(customerID)
        return request
    }
}
