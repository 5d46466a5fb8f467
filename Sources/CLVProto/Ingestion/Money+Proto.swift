import CLVProtoC

extension Money: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.Money"
    static let unpack = clv__ingestion__v1__money__unpack
    static let freeUnpacked = clv__ingestion__v1__money__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__Money>) {
        minorUnits = pointer.pointee.minor_units
        currency = CRead.string(pointer.pointee.currency)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__Money> {
        let money = arena.message(Clv__Ingestion__V1__Money.self, clv__ingestion__v1__money__init)
        money.pointee.minor_units = minorUnits
        money.pointee.currency = arena.string(currency)
        return money
    }

    /// Reads an optional sub-message field.
    static func optional(_ pointer: UnsafeMutablePointer<Clv__Ingestion__V1__Money>?) -> Money? {
        pointer.map { Money(c: $0) }
    }
}
