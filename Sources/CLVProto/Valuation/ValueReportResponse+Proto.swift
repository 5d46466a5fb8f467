import CLVProtoC

extension ValueReportResponse: CMessageConvertible {
    static let protoName = "clv.valuation.v1.ValueReportResponse"
    static let unpack = clv__valuation__v1__value_report_response__unpack
    static let freeUnpacked = clv__valuation__v1__value_report_response__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__ValueReportResponse>) {
        let c = pointer.pointee
        scoringID = c.scoring_id
        runID = c.run_id
        by = Grouping(c: c.by)
        baseCurrency = CRead.string(c.base_currency)
        groups = CRead.array(c.groups, count: c.n_groups, ValueGroup.init(c:))
        customers = c.customers
        totalCLVBaseMinor = c.total_clv_base_minor
        top20PercentShare = c.top_20_percent_share
        topCustomers = CRead.array(c.top_customers, count: c.n_top_customers, TopCustomer.init(c:))
        terms = ValueTerms(c: c.terms)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__ValueReportResponse> {
        let response = arena.message(
            Clv__Valuation__V1__ValueReportResponse.self, clv__valuation__v1__value_report_response__init)
        response.pointee.scoring_id = scoringID
        response.pointee.run_id = runID
        response.pointee.by = by.cValue
        response.pointee.base_currency = arena.string(baseCurrency)
        response.pointee.n_groups = groups.count
        response.pointee.groups = arena.pointerArray(groups.map { $0.cMessage(in: arena) })
        response.pointee.customers = customers
        response.pointee.total_clv_base_minor = totalCLVBaseMinor
        response.pointee.top_20_percent_share = top20PercentShare
        response.pointee.n_top_customers = topCustomers.count
        response.pointee.top_customers = arena.pointerArray(topCustomers.map { $0.cMessage(in: arena) })
        response.pointee.terms = terms.cMessage(in: arena)
        return response
    }
}
