import CLVProtoC

extension ValueGroup: CMessageConvertible {
    static let protoName = "clv.valuation.v1.ValueGroup"
    static let unpack = clv__valuation__v1__value_group__unpack
    static let freeUnpacked = clv__valuation__v1__value_group__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__ValueGroup>) {
        let c = pointer.pointee
        key = CRead.string(c.key)
        customers = c.customers
        totalCLVBaseMinor = c.total_clv_base_minor
        averageCLVBaseMinor = c.average_clv_base_minor
        customersWithCAC = c.customers_with_cac
        averageCLVWithCACBaseMinor = c.average_clv_with_cac_base_minor
        averageCACBaseMinor = c.average_cac_base_minor
        clvToCAC = c.has_clv_to_cac != 0 ? c.clv_to_cac : nil
        belowHealthyRatio = c.below_healthy_ratio != 0
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__ValueGroup> {
        let group = arena.message(Clv__Valuation__V1__ValueGroup.self, clv__valuation__v1__value_group__init)
        group.pointee.key = arena.string(key)
        group.pointee.customers = customers
        group.pointee.total_clv_base_minor = totalCLVBaseMinor
        group.pointee.average_clv_base_minor = averageCLVBaseMinor
        group.pointee.customers_with_cac = customersWithCAC
        group.pointee.average_clv_with_cac_base_minor = averageCLVWithCACBaseMinor
        group.pointee.average_cac_base_minor = averageCACBaseMinor
        group.pointee.clv_to_cac = clvToCAC ?? 0
        group.pointee.has_clv_to_cac = clvToCAC == nil ? 0 : 1
        group.pointee.below_healthy_ratio = belowHealthyRatio ? 1 : 0
        return group
    }
}
