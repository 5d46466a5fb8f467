import CLVProtoC

extension ValueReportRequest: CMessageConvertible {
    static let protoName = "clv.valuation.v1.ValueReportRequest"
    static let unpack = clv__valuation__v1__value_report_request__unpack
    static let freeUnpacked = clv__valuation__v1__value_report_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__ValueReportRequest>) {
        by = Grouping(c: pointer.pointee.by)
        top = pointer.pointee.top
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__ValueReportRequest> {
        let request = arena.message(
            Clv__Valuation__V1__ValueReportRequest.self, clv__valuation__v1__value_report_request__init)
        request.pointee.by = by.cValue
        request.pointee.top = top
        return request
    }
}
