import CLVProtoC

extension ModelEvaluation: CMessageConvertible {
    static let protoName = "clv.valuation.v1.ModelEvaluation"
    static let unpack = clv__valuation__v1__model_evaluation__unpack
    static let freeUnpacked = clv__valuation__v1__model_evaluation__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__ModelEvaluation>) {
        let c = pointer.pointee
        fit = c.fit.map { ModelFit(c: $0) }
        timeUnit = ProtoTimeUnit(c: c.time_unit)
        calibrationEnd = CRead.string(c.calibration_end)
        holdoutEnd = CRead.string(c.holdout_end)
        holdoutLength = c.holdout_length
        customers = c.customers
        meanAbsoluteError = c.mean_absolute_error
        rootMeanSquaredError = c.root_mean_squared_error
        totalPredicted = c.total_predicted
        totalActual = c.total_actual
        rows = CRead.array(c.rows, count: c.n_rows, FrequencyRow.init(c:))
        aggregateMAPE = c.aggregate_mape
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__ModelEvaluation> {
        let evaluation = arena.message(
            Clv__Valuation__V1__ModelEvaluation.self, clv__valuation__v1__model_evaluation__init)
        evaluation.pointee.fit = fit?.cMessage(in: arena)
        evaluation.pointee.time_unit = timeUnit.cValue
        evaluation.pointee.calibration_end = arena.string(calibrationEnd)
        evaluation.pointee.holdout_end = arena.string(holdoutEnd)
        evaluation.pointee.holdout_length = holdoutLength
        evaluation.pointee.customers = customers
        evaluation.pointee.mean_absolute_error = meanAbsoluteError
        evaluation.pointee.root_mean_squared_error = rootMeanSquaredError
        evaluation.pointee.total_predicted = totalPredicted
        evaluation.pointee.total_actual = totalActual
        evaluation.pointee.n_rows = rows.count
        evaluation.pointee.rows = arena.pointerArray(rows.map { $0.cMessage(in: arena) })
        evaluation.pointee.aggregate_mape = aggregateMAPE
        return evaluation
    }
}
