import CLVModels
import CLVProto
import CLVService
import Ingestion
import Logging
import RPC
import Store

/// FitModel: fits the requested models as of the calibration end and stores the run.
struct ModelRunner: Sendable {
    let pool: PGPool
    let logger: Logger

    func fit(_ request: FitModelRequest) async throws -> ModelRun {
        let options = FitOptions(
            purchaseModel: try FitOptions.purchaseModel(request.purchaseModel), spendModel: try FitOptions.spendModel(request.spendModel),
            calibrationEnd: try FitOptions.day(request.calibrationEnd, field: "calibration_end", today: CalendarDay.today),
            timeUnit: try FitOptions.timeUnit(request.timeUnit))
        let clock = ContinuousClock()
        let start = clock.now
        let (data, baseCurrency) = try await pool.withConnection { connection in
            let data = try CalibrationData.read(calibrationEnd: options.calibrationEnd, unit: options.timeUnit, on: connection)
            return (data, try BaseCurrencySetting().current(on: connection) ?? "")
        }
        let read = clock.now - start
        let fitted = try await ComputeOffLoop.run { try ModelFitting.fit(options, data: data) }
        logger.info(
            "fitted", metadata: ["customers": "\(data.customers)", "read": "\(read)", "fit": "\(clock.now - start - read)"])
        let seconds = (clock.now - start).inSeconds
        let run = ModelRunStore.NewRun(
            purchaseModel: fitted.purchaseModel, spendModel: fitted.spendModel, calibrationEnd: options.calibrationEnd,
            timeUnit: options.timeUnit, fits: fitted.fits, fitSeconds: seconds, data: data, baseCurrency: baseCurrency)
        return try await pool.withConnection { connection in try ModelRunStore.insert(run, on: connection) }.proto
    }
}
