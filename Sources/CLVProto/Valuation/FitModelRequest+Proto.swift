import CLVProtoC

extension FitModelRequest: CMessageConvertible {
    static let protoName = "clv.valuation.v1.FitModelRequest"
    static let unpack = clv__valuation__v1__fit_model_request__unpack
    static let freeUnpacked = clv__valuation__v1__fit_model_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__FitModelRequest>) {
        let c = pointer.pointee
        purchaseModel = PurchaseModel(c: c.purchase_model)
        spendModel = SpendModel(c: c.spend_model)
        calibrationEnd = CRead.string(c.calibration_end)
        timeUnit = ProtoTimeUnit(c: c.time_unit)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__FitModelRequest> {
        let request = arena.message(
            Clv__Valuation__V1__FitModelRequest.self, clv__valuation__v1__fit_model_request__init)
        request.pointee.purchase_model = purchaseModel.cValue
        request.pointee.spend_model = spendModel.cValue
        request.pointee.calibration_end = arena.string(calibrationEnd)
        request.pointee.time_unit = timeUnit.cValue
        return request
    }
}
