import CLVProtoC

extension EvaluateModelRequest: CMessageConvertible {
    static let protoName = "clv.valuation.v1.EvaluateModelRequest"
    static let unpack = clv__valuation__v1__evaluate_model_request__unpack
    static let freeUnpacked = clv__valuation__v1__evaluate_model_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__EvaluateModelRequest>) {
        let c = pointer.pointee
        purchaseModel = PurchaseModel(c: c.purchase_model)
        calibrationEnd = CRead.string(c.calibration_end)
        holdoutEnd = CRead.string(c.holdout_end)
        timeUnit = ProtoTimeUnit(c: c.time_unit)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__EvaluateModelRequest> {
        let request = arena.message(
            Clv__Valuation__V1__EvaluateModelRequest.self, clv__valuation__v1__evaluate_model_request__init)
        request.pointee.purchase_model = purchaseModel.cValue
        request.pointee.calibration_end = arena.string(calibrationEnd)
        request.pointee.holdout_end = arena.string(holdoutEnd)
        request.pointee.time_unit = timeUnit.cValue
        return request
    }
}
