import ArgumentParser
import CLVProto
import CLVStubs
import Foundation
import Ingestion

/// `clv stats`: what the ingestion store holds.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what the ingestion store holds: records and rejections per kind, base currency.")

    @OptionGroup var connection: ConnectionOptions

    /// The JSON form of the answer.
    struct Report: Encodable {
        struct Kind: Encodable {
            let kind: String
            let stored: UInt64
            let rejected: UInt64
            let latestAt: String?
        }
        let baseCurrency: String?
        let kinds: [Kind]
        let undescribedCustomers: UInt64
    }

    func run() async throws {
        let stats: IngestionStats
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            stats = try await IngestionRPC.Client(client: client).getStats()
        } catch {
            Output.fail(error)
        }
        let report = Report(
            baseCurrency: stats.baseCurrency.isEmpty ? nil : stats.baseCurrency,
            kinds: stats.kinds.map {
                Report.Kind(
                    kind: $0.kind, stored: $0.stored, rejected: $0.rejected,
                    latestAt: $0.latestAtUnixMs == 0 ? nil : Self.instant($0.latestAtUnixMs))
            },
            undescribedCustomers: stats.undescribedCustomers)
        if connection.json {
            try Output.json(report)
            return
        }
        Output.table(
            [("base currency", report.baseCurrency ?? "not set")]
                + report.kinds.map { kind in
                    (kind.kind, "\(kind.stored) stored, \(kind.rejected) rejected" + (kind.latestAt.map { ", latest \($0)" } ?? ""))
                }
                + [("undescribed customers", String(report.undescribedCustomers))])
    }

    private static func instant(_ unixMilliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date(timeIntervalSince1970: Double(unixMilliseconds) / 1000))
    }
}
