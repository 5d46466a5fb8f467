import CLVProtoC

extension TopCustomer: CMessageConvertible {
    static let protoName = "clv.valuation.v1.TopCustomer"
    static let unpack = clv__valuation__v1__top_customer__unpack
    static let freeUnpacked = clv__valuation__v1__top_customer__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__TopCustomer>) {
        let c = pointer.pointee
        customerID = CRead.string(c.customer_id)
        market = CRead.string(c.market)
        acquisitionChannel = CRead.string(c.acquisition_channel)
        clvBaseMinor = c.clv_base_minor
        probabilityAlive = c.probability_alive
        expectedPurchases = c.expected_purchases
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__TopCustomer> {
        let customer = arena.message(Clv__Valuation__V1__TopCustomer.self, clv__valuation__v1__top_customer__init)
        customer.pointee.customer_id = arena.string(customerID)
        customer.pointee.market = arena.string(market)
        customer.pointee.acquisition_channel = arena.string(acquisitionChannel)
        customer.pointee.clv_base_minor = clvBaseMinor
        customer.pointee.probability_alive = probabilityAlive
        customer.pointee.expected_purchases = expectedPurchases
        return customer
    }
}
