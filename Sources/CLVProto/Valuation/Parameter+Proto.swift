import CLVProtoC

extension Parameter: CMessageConvertible {
    static let protoName = "clv.valuation.v1.Parameter"
    static let unpack = clv__valuation__v1__parameter__unpack
    static let freeUnpacked = clv__valuation__v1__parameter__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__Parameter>) {
        let c = pointer.pointee
        name = CRead.string(c.name)
        value = c.value
        standardError = c.has_standard_error != 0 ? c.standard_error : nil
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__Parameter> {
        let parameter = arena.message(Clv__Valuation__V1__Parameter.self, clv__valuation__v1__parameter__init)
        parameter.pointee.name = arena.string(name)
        parameter.pointee.value = value
        parameter.pointee.standard_error = standardError ?? 0
        parameter.pointee.has_standard_error = standardError == nil ? 0 : 1
        return parameter
    }
}
