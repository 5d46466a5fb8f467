import CLVModels
import CLVProto
import Foundation
import Ingestion

/// A stored model run, its models ready to apply.
struct ModelRunRecord: Sendable {
    let runID: Int64
    let purchaseModel: PurchaseCountModel
    /// Nil when the run has no spend model.
    let spendModel: GammaGammaModel?
    let calibrationEnd: CalendarDay
    let timeUnit: CLVModels.TimeUnit
    let fits: [NamedFit]
    let fitSeconds: Double
    let createdAtUnixMs: Int64
    let dataCutoff: CalendarDay?
    let customers: Int
    let annualRetentionRate: Double
    let observedMarginRate: Double
    let baseCurrency: String

    var proto: ModelRun {
        ModelRun(
            runID: runID,
            purchaseModel: purchaseModel.name == "pareto_nbd" ? .paretoNBD : .bgNBD,
            spendModel: spendModel == nil ? .none : .gammaGamma,
            calibrationEnd: calibrationEnd.text, timeUnit: FitOptions.protoTimeUnit(timeUnit),
            fits: fits.map { ModelFit($0, baseCurrency: baseCurrency) }, fitSeconds: fitSeconds, createdAtUnixMs: createdAtUnixMs,
            dataCutoff: dataCutoff?.text ?? "", customers: UInt64(customers), baseCurrency: baseCurrency,
            annualRetentionRate: annualRetentionRate, observedMarginRate: observedMarginRate)
    }
}
