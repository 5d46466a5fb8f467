import CLVProtoC

extension ModelRun: CMessageConvertible {
    static let protoName = "clv.valuation.v1.ModelRun"
    static let unpack = clv__valuation__v1__model_run__unpack
    static let freeUnpacked = clv__valuation__v1__model_run__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__ModelRun>) {
        let c = pointer.pointee
        runID = c.run_id
        purchaseModel = PurchaseModel(c: c.purchase_model)
        spendModel = SpendModel(c: c.spend_model)
        calibrationEnd = CRead.string(c.calibration_end)
        timeUnit = ProtoTimeUnit(c: c.time_unit)
        fits = CRead.array(c.fits, count: c.n_fits, ModelFit.init(c:))
        fitSeconds = c.fit_seconds
        createdAtUnixMilliseconds = c.created_at_unix_ms
        dataCutoff = CRead.string(c.data_cutoff)
        customers = c.customers
        baseCurrency = CRead.string(c.base_currency)
        annualRetentionRate = c.annual_retention_rate
        observedMarginRate = c.observed_margin_rate
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__ModelRun> {
        let run = arena.message(Clv__Valuation__V1__ModelRun.self, clv__valuation__v1__model_run__init)
        run.pointee.run_id = runID
        run.pointee.purchase_model = purchaseModel.cValue
        run.pointee.spend_model = spendModel.cValue
        run.pointee.calibration_end = arena.string(calibrationEnd)
        run.pointee.time_unit = timeUnit.cValue
        run.pointee.n_fits = fits.count
        run.pointee.fits = arena.pointerArray(fits.map { $0.cMessage(in: arena) })
        run.pointee.fit_seconds = fitSeconds
        run.pointee.created_at_unix_ms = createdAtUnixMilliseconds
        run.pointee.data_cutoff = arena.string(dataCutoff)
        run.pointee.customers = customers
        run.pointee.base_currency = arena.string(baseCurrency)
        run.pointee.annual_retention_rate = annualRetentionRate
        run.pointee.observed_margin_rate = observedMarginRate
        return run
    }
}
