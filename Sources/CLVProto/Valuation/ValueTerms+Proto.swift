import CLVProtoC

extension ValueTerms: CMessageConvertible {
    static let protoName = "clv.valuation.v1.ValueTerms"
    static let unpack = clv__valuation__v1__value_terms__unpack
    static let freeUnpacked = clv__valuation__v1__value_terms__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__ValueTerms>) {
        let c = pointer.pointee
        horizonDays = c.has_horizon_days != 0 ? c.horizon_days : nil
        annualDiscountRate = c.has_annual_discount_rate != 0 ? c.annual_discount_rate : nil
        marginRate = c.has_margin_rate != 0 ? c.margin_rate : nil
    }

    /// A message field's terms: absent is all defaults.
    init(c pointer: UnsafeMutablePointer<Clv__Valuation__V1__ValueTerms>?) {
        self = pointer.map { ValueTerms(c: UnsafePointer($0)) } ?? ValueTerms()
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__ValueTerms> {
        let terms = arena.message(Clv__Valuation__V1__ValueTerms.self, clv__valuation__v1__value_terms__init)
        terms.pointee.horizon_days = horizonDays ?? 0
        terms.pointee.has_horizon_days = horizonDays == nil ? 0 : 1
        terms.pointee.annual_discount_rate = annualDiscountRate ?? 0
        terms.pointee.has_annual_discount_rate = annualDiscountRate == nil ? 0 : 1
        terms.pointee.margin_rate = marginRate ?? 0
        terms.pointee.has_margin_rate = marginRate == nil ? 0 : 1
        return terms
    }
}
