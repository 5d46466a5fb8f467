import CLVProto

/// A model run as `clv fit` prints it.
struct ModelRunReport: Encodable {
    let runId: Int64
    let calibrationEnd: String
    let dataCutoff: String
    let timeUnit: String
    let customers: UInt64
    let fitSeconds: Double
    let annualRetentionRate: Double
    let observedMarginRate: Double
    let baseCurrency: String
    let fits: [ModelFitReport]

    init(_ run: ModelRun) {
        runId = run.runID
        calibrationEnd = run.calibrationEnd
        dataCutoff = run.dataCutoff
        timeUnit = run.timeUnit.name
        customers = run.customers
        fitSeconds = run.fitSeconds
        annualRetentionRate = run.annualRetentionRate
        observedMarginRate = run.observedMarginRate
        baseCurrency = run.baseCurrency
        fits = run.fits.map { ModelFitReport($0, currency: run.baseCurrency) }
    }

    var rows: [(String, String)] {
        [
            ("run", String(runId)),
            ("calibration end", "\(calibrationEnd) (latest purchase day \(dataCutoff.isEmpty ? "none" : dataCutoff))"),
            ("time unit", timeUnit),
            ("customers", String(customers)),
            ("fit time", Format.number(fitSeconds, significant: 3) + " s"),
            ("annual retention", Format.percent(annualRetentionRate)),
            ("observed margin", Format.percent(observedMarginRate)),
        ] + fits.flatMap { [($0.model, "")] + $0.rows }
    }
}
