import CLVProtoC

extension Customer: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.Customer"
    static let unpack = clv__ingestion__v1__customer__unpack
    static let freeUnpacked = clv__ingestion__v1__customer__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__Customer>) {
        let c = pointer.pointee
        customerID = CRead.string(c.customer_id)
        market = CRead.string(c.market)
        acquisitionChannel = CRead.string(c.acquisition_channel)
        acquisitionCost = Money.optional(c.acquisition_cost)
        acquiredOn = CRead.string(c.acquired_on)
        email = CRead.string(c.email)
        phone = CRead.string(c.phone)
        attributes = CRead.map(c.attributes, count: c.n_attributes) { ($0.pointee.key, $0.pointee.value) }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__Customer> {
        let customer = arena.message(Clv__Ingestion__V1__Customer.self, clv__ingestion__v1__customer__init)
        customer.pointee.customer_id = arena.string(customerID)
        customer.pointee.market = arena.string(market)
        customer.pointee.acquisition_channel = arena.string(acquisitionChannel)
        customer.pointee.acquisition_cost = acquisitionCost?.cMessage(in: arena)
        customer.pointee.acquired_on = arena.string(acquiredOn)
        customer.pointee.email = arena.string(email)
        customer.pointee.phone = arena.string(phone)
        customer.pointee.n_attributes = attributes.count
        customer.pointee.attributes = arena.pointerArray(
            attributes.sorted { $0.key < $1.key }.map { key, value in
                let entry = arena.message(
                    Clv__Ingestion__V1__Customer__AttributesEntry.self,
                    clv__ingestion__v1__customer__attributes_entry__init)
                entry.pointee.key = arena.string(key)
                entry.pointee.value = arena.string(value)
                return entry
            })
        return customer
    }
}
