import ArgumentParser
import CLVProto
import CLVStubs
import Valuation

/// `clv report value --by market|channel`: CLV and CLV:CAC by group.
struct ValueReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "value",
        abstract: "CLV, CAC and CLV:CAC by market or acquisition channel; groups under 3:1 are flagged.")

    @Option(help: "Group by market or acquisition channel.")
    var by: GroupingName = .market

    @Option(help: "Also list this many of the most valuable customers (at most 1000; 0 for none).")
    var top: UInt32 = 0

    @OptionGroup var connection: ConnectionOptions

    struct Report: Encodable {
        struct Customer: Encodable {
            let customerId: String
            let market: String
            let acquisitionChannel: String
            let clvBaseMinor: Double
            let probabilityAlive: Double
            let expectedPurchases: Double
        }
        /// CLV:CAC's two sides are the customers with a known CAC: their average CLV and average
        /// CAC are given, so the ratio can be checked; each is null without such customers.
        struct Group: Encodable {
            let key: String
            let customers: UInt64
            let totalClvBaseMinor: Double
            let averageClvBaseMinor: Double
            let customersWithCac: UInt64
            @NullWhenUnknown var averageClvWithCacBaseMinor: Double?
            @NullWhenUnknown var averageCacBaseMinor: Double?
            @NullWhenUnknown var clvToCac: Double?
            let belowHealthyRatio: Bool
        }
        let scoringId: Int64
        let runId: Int64
        let by: String
        let baseCurrency: String
        /// The scoring's horizon, discount and margin.
        let terms: TermsReport
        let customers: UInt64
        let totalClvBaseMinor: Double
        let top20PercentShare: Double
        let groups: [Group]
        let topCustomers: [Customer]

        init(_ response: ValueReportResponse) {
            scoringId = response.scoringID
            runId = response.runID
            by = response.by.name
            baseCurrency = response.baseCurrency
            terms = TermsReport(response.terms)
            customers = response.customers
            totalClvBaseMinor = response.totalCLVBaseMinor
            top20PercentShare = response.top20PercentShare
            groups = response.groups.map {
                let known = $0.customersWithCAC > 0
                return Group(
                    key: $0.key, customers: $0.customers, totalClvBaseMinor: $0.totalCLVBaseMinor, averageClvBaseMinor: $0.averageCLVBaseMinor,
                    customersWithCac: $0.customersWithCAC, averageClvWithCacBaseMinor: known ? $0.averageCLVWithCACBaseMinor : nil,
                    averageCacBaseMinor: known ? $0.averageCACBaseMinor : nil, clvToCac: $0.hasCLVToCAC ? $0.clvToCAC : nil, belowHealthyRatio: $0.belowHealthyRatio)
            }
            topCustomers = response.topCustomers.map {
                Customer(
                    customerId: $0.customerID, market: $0.market, acquisitionChannel: $0.acquisitionChannel, clvBaseMinor: $0.clvBaseMinor,
                    probabilityAlive: $0.probabilityAlive, expectedPurchases: $0.expectedPurchases)
            }
        }
    }

    func run() async throws {
        let response: ValueReportResponse
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            response = try await ValuationRPC.Client(client: client).valueReport(ValueReportRequest(by: by.proto, top: top))
        } catch {
            Output.fail(error)
        }
        let report = Report(response)
        if connection.json {
            try Output.json(report)
            return
        }
        print(Self.table(report))
    }

    static func table(_ report: Report) -> String {
        let money = { (minor: Double?) in minor.map { Format.money($0, currency: report.baseCurrency, named: false) } ?? "—" }
        let basis = report.terms.basis ?? "margin"
        var lines = [
            "value by \(report.by) (scoring \(report.scoringId), run \(report.runId), \(report.customers) customers, "
                + "total \(Format.money(report.totalClvBaseMinor, currency: report.baseCurrency)); top 20 % hold \(Format.percent(report.top20PercentShare)))",
            "CLV is expected \(basis) \(report.terms.text); money in \(report.baseCurrency.isEmpty ? "the base currency" : report.baseCurrency). "
                + "CLV:CAC = avg CLV with CAC / avg CAC, over the customers with a known CAC",
            pad(["group", "customers", "total CLV", "avg CLV", "with CAC", "their avg CLV", "avg CAC", "CLV:CAC"]),
        ]
        for group in report.groups {
            lines.append(
                pad([
                    group.key.isEmpty ? "(none)" : group.key, String(group.customers), money(group.totalClvBaseMinor),
                    money(group.averageClvBaseMinor), String(group.customersWithCac), money(group.averageClvWithCacBaseMinor),
                    money(group.averageCacBaseMinor),
                    group.clvToCac.map { String(format: "%.2f", $0) + (group.belowHealthyRatio ? " < 3:1" : "") } ?? "—",
                ]))
        }
        if !report.topCustomers.isEmpty {
            lines.append("")
            lines.append("most valuable: P(alive) today; purchases expected " + (report.terms.horizon.map { "over \($0)" } ?? "over the CLV's horizon"))
            lines.append(pad(["most valuable", "market", "CLV", "P(alive)", "purchases", "channel"]))
            for customer in report.topCustomers {
                lines.append(
                    pad([
                        customer.customerId, customer.market, money(customer.clvBaseMinor), Format.percent(customer.probabilityAlive),
                        Format.number(customer.expectedPurchases, significant: 3), customer.acquisitionChannel,
                    ]))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ cells: [String]) -> String {
        let widths = [22, 10, 16, 12, 9, 14, 12, 13]
        return zip(cells, widths).enumerated().map { index, pair in
            index == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: max(0, pair.1 - pair.0.count)) + pair.0
        }.joined(separator: " ")
    }
}
