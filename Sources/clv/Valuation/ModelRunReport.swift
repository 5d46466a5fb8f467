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
        fits = run.fits.map(ModelFitReport.init)
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
        ] + fits.flatMap { fit in
            // Gamma-Gamma's gamma is money: the service reports it in major units of the base currency.
            [(fit.model, "")] + fit.rows.map { fit.model == "gamma_gamma" && $0.0 == "  gamma" ? ("  gamma (\(baseCurrency))", $0.1) : $0 }
        }
    }
}
