import ArgumentParser
import CLVProto
import CLVStubs
import Foundation
import Valuation

/// `clv evaluate`: calibration against holdout.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Fit on a calibration period, predict the holdout period, and compare with what customers did.")

    @Option(help: "Purchase model.")
    var model: PurchaseModelName = .bgnbd

    @Option(help: "Last day of calibration, YYYY-MM-DD.")
    var calibrationEnd: String

    @Option(help: "Last day of the holdout period, YYYY-MM-DD.")
    var holdoutEnd: String

    @Option(help: "Time unit of the model.")
    var timeUnit: TimeUnitName = .week

    @OptionGroup var connection: ConnectionOptions

    struct Report: Encodable {
        struct Row: Encodable {
            let calibrationFrequency: UInt32
            let andAbove: Bool
            let customers: UInt64
            let meanPredicted: Double
            let meanActual: Double
        }
        let fit: ModelFitReport?
        let calibrationEnd: String
        let holdoutEnd: String
        let timeUnit: String
        let holdoutLength: Double
        let customers: UInt64
        let meanAbsoluteError: Double
        let rootMeanSquaredError: Double
        let totalPredicted: Double
        let totalActual: Double
        let aggregateMape: Double
        let rows: [Row]

        init(_ evaluation: ModelEvaluation) {
            fit = evaluation.fit.map { ModelFitReport($0) }
            calibrationEnd = evaluation.calibrationEnd
            holdoutEnd = evaluation.holdoutEnd
            timeUnit = evaluation.timeUnit.name
            holdoutLength = evaluation.holdoutLength
            customers = evaluation.customers
            meanAbsoluteError = evaluation.meanAbsoluteError
            rootMeanSquaredError = evaluation.rootMeanSquaredError
            totalPredicted = evaluation.totalPredicted
            totalActual = evaluation.totalActual
            aggregateMape = evaluation.aggregateMAPE
            rows = evaluation.rows.map {
                Row(
                    calibrationFrequency: $0.calibrationFrequency, andAbove: $0.andAbove, customers: $0.customers,
                    meanPredicted: $0.meanPredicted, meanActual: $0.meanActual)
            }
        }
    }

    func run() async throws {
        let evaluation: ModelEvaluation
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            evaluation = try await ValuationRPC.Client(client: client).evaluateModel(
                EvaluateModelRequest(purchaseModel: model.proto, calibrationEnd: calibrationEnd, holdoutEnd: holdoutEnd, timeUnit: timeUnit.proto))
        } catch {
            Output.fail(error)
        }
        let report = Report(evaluation)
        if connection.json {
            try Output.json(report)
            return
        }
        print(Self.text(report))
    }

    static func text(_ report: Report) -> String {
        var lines = [
            "holdout \(report.calibrationEnd) → \(report.holdoutEnd) (\(Format.number(report.holdoutLength, significant: 4)) \(report.timeUnit)s), \(report.customers) customers",
            "repeat purchases: predicted \(Format.number(report.totalPredicted, significant: 6)), actual \(Format.number(report.totalActual, significant: 6))",
            "per customer: MAE \(Format.number(report.meanAbsoluteError, significant: 4)), RMSE \(Format.number(report.rootMeanSquaredError, significant: 4)); aggregate MAPE \(Format.percent(report.aggregateMape))",
            "calibration frequency   customers   mean predicted   mean actual",
        ]
        for row in report.rows {
            let label = "\(row.calibrationFrequency)\(row.andAbove ? "+" : "")"
            lines.append(
                label.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(format: "%11llu   %14.3f   %11.3f", row.customers, row.meanPredicted, row.meanActual))
        }
        return lines.joined(separator: "\n")
    }
}
