import CLVProtoC

extension FrequencyRow: CMessageConvertible {
    static let protoName = "clv.valuation.v1.FrequencyRow"
    static let unpack = clv__valuation__v1__frequency_row__unpack
    static let freeUnpacked = clv__valuation__v1__frequency_row__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__FrequencyRow>) {
        let c = pointer.pointee
        calibrationFrequency = c.calibration_frequency
        andAbove = c.and_above != 0
        customers = c.customers
        meanPredicted = c.mean_predicted
        meanActual = c.mean_actual
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__FrequencyRow> {
        let row = arena.message(Clv__Valuation__V1__FrequencyRow.self, clv__valuation__v1__frequency_row__init)
        row.pointee.calibration_frequency = calibrationFrequency
        row.pointee.and_above = andAbove ? 1 : 0
        row.pointee.customers = customers
        row.pointee.mean_predicted = meanPredicted
        row.pointee.mean_actual = meanActual
        return row
    }
}
