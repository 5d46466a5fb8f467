import CLVModels
import Foundation
import Ingestion
import Store

/// Model runs in `valuation_runs`: inserted once, read back by id or as the latest.
enum ModelRunStore {
    struct NewRun: Sendable {
        let purchaseModel: PurchaseCountModel
        let spendModel: GammaGammaModel?
        let calibrationEnd: CalendarDay
        let timeUnit: CLVModels.TimeUnit
        let fits: [NamedFit]
        let fitSeconds: Double
        let data: CalibrationData
        let baseCurrency: String
    }

    static func insert(_ run: NewRun, on connection: PGConnection) throws -> ModelRunRecord {
        let fitsJSON = String(decoding: try JSONEncoder().encode(run.fits), as: UTF8.self)
        let spendParameters = run.spendModel.map { PGValue.doubleArray([$0.parameters.p, $0.parameters.q, $0.parameters.gamma]) } ?? .null
        let row = try connection.query(
            """
            INSERT INTO valuation_runs (purchase_model, spend_model, calibration_end, time_unit, purchase_parameters,
                spend_parameters, fits, fit_seconds, data_cutoff, customers, annual_retention_rate, observed_margin_rate, base_currency)
            VALUES ($1, $2, $3::date, $4, $5, $6, $7::jsonb, $8, $9::date, $10, $11, $12, $13)
            RETURNING run_id, (extract(epoch FROM created_at) * 1000)::int8 AS created_ms
            """,
            [
                .text(run.purchaseModel.name), .text(run.spendModel == nil ? "none" : "gamma_gamma"), .text(run.calibrationEnd.text),
                .text(run.timeUnit.rawValue), .doubleArray(run.purchaseModel.parameterValues), spendParameters, .text(fitsJSON),
                .double(run.fitSeconds), run.data.dataCutoff.map { .text($0.text) } ?? .null, .int(Int64(run.data.customers)),
                .double(run.data.annualRetentionRate), .double(run.data.observedMarginRate), .text(run.baseCurrency),
            ])[0]
        return ModelRunRecord(
            runID: try row.int("run_id"), purchaseModel: run.purchaseModel, spendModel: run.spendModel,
            calibrationEnd: run.calibrationEnd, timeUnit: run.timeUnit, fits: run.fits, fitSeconds: run.fitSeconds,
            createdAtUnixMs: try row.int("created_ms"), dataCutoff: run.data.dataCutoff, customers: run.data.customers,
            annualRetentionRate: run.data.annualRetentionRate, observedMarginRate: run.data.observedMarginRate,
            baseCurrency: run.baseCurrency)
    }

    /// The run `runID`, or the latest when `runID` is 0; nil when there is none.
    static func read(_ runID: Int64, on connection: PGConnection) throws -> ModelRunRecord? {
        let rows = try connection.query(
            """
            SELECT run_id, purchase_model, spend_model, calibration_end::text, time_unit, purchase_parameters::text,
                   spend_parameters::text, fits::text, fit_seconds, data_cutoff::text, customers, annual_retention_rate,
                   observed_margin_rate, base_currency, (extract(epoch FROM created_at) * 1000)::int8 AS created_ms
            FROM valuation_runs WHERE run_id = $1 OR $1 = 0 ORDER BY run_id DESC LIMIT 1
            """, [.int(runID)])
        guard let row = rows.first else { return nil }
        guard let purchaseModel = PurchaseCountModel(name: try row.string("purchase_model"), values: parseArray(try row.string("purchase_parameters"))),
            let unit = CLVModels.TimeUnit(rawValue: try row.string("time_unit")),
            let calibrationEnd = CalendarDay(parsing: try row.string("calibration_end"))
        else {
            throw StoreError(.query, message: "valuation run \(try row.int("run_id")) is unreadable")
        }
        let spendValues = try row.isNull("spend_parameters") ? nil : parseArray(try row.string("spend_parameters"))
        let fits = try JSONDecoder().decode([NamedFit].self, from: Data(try row.string("fits").utf8))
        return ModelRunRecord(
            runID: try row.int("run_id"), purchaseModel: purchaseModel,
            spendModel: spendValues.flatMap { $0.count == 3 ? GammaGammaModel(parameters: GammaGammaParameters(p: $0[0], q: $0[1], gamma: $0[2])) : nil },
            calibrationEnd: calibrationEnd, timeUnit: unit, fits: fits, fitSeconds: try row.double("fit_seconds"),
            createdAtUnixMs: try row.int("created_ms"),
            dataCutoff: try row.isNull("data_cutoff") ? nil : CalendarDay(parsing: try row.string("data_cutoff")),
            customers: Int(try row.int("customers")), annualRetentionRate: try row.double("annual_retention_rate"),
            observedMarginRate: try row.double("observed_margin_rate"), baseCurrency: try row.string("base_currency"))
    }

    /// `{1.5,2,3e-05}` → [1.5, 2, 3e-05]. float8 text output round-trips exactly.
    private static func parseArray(_ text: String) -> [Double] {
        text.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).split(separator: ",").compactMap { Double($0) }
    }
}
