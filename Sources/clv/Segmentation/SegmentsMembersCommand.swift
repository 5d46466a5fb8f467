import ArgumentParser
import CLVProto
import CLVStubs
import Foundation

/// `clv segments members SEGMENT`: the customers of a segment (or all), filtered, as a table or CSV.
struct SegmentsMembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "List the customers of a segment as of the last refresh, filtered, in customer-id order; as a table or a CSV file.",
        discussion: """
            SEGMENT is a segment name (champions, cant-lose-them, …; dashes or underscores, any \
            case) or all. Each repeatable filter matches any of its values; different filters \
            must all match. Churn risk is a probability in [0, 1]; with --min-risk or --max-risk \
            (defaults 0 and 1) members without a risk score do not match. Value is in major units \
            of the base currency in the table and in minor units in CSV and JSON. Pages are read \
            as they stream: --page-size members per call (default 1000, at most 10000), until \
            --limit members (default: all).
            """)

    @Argument(help: "A segment name, or all.", transform: SegmentSelection.init)
    var segment: SegmentSelection

    @Option(name: .customLong("stage"), help: "Lifecycle stage (repeatable): prospect, new, developing, mature, dormant, churned, reactivated.",
            transform: LifecycleStage.parse)
    var stages: [LifecycleStage] = []

    @Option(name: .customLong("tier"), help: "Value tier (repeatable): high, medium, low.", transform: ValueTier.parse)
    var tiers: [ValueTier] = []

    @Option(name: .customLong("market"), help: "Market as stored, e.g. DE (repeatable).")
    var markets: [String] = []

    @Option(name: .customLong("channel"), help: "Acquisition channel as stored (repeatable).")
    var channels: [String] = []

    @Option(name: .customLong("warning"), help: "Members with this warning (repeatable): frequency-drop, order-value-drop, …",
            transform: WarningCode.parse)
    var warnings: [WarningCode] = []

    @Option(name: .customLong("driver"), help: "Dominant churn driver (repeatable): payment, service, logistics, price, …",
            transform: ChurnDriver.parse)
    var drivers: [ChurnDriver] = []

    @Option(help: ArgumentHelp("Lowest churn risk, 0 to 1.", valueName: "risk"))
    var minRisk: Double?

    @Option(help: ArgumentHelp("Highest churn risk, 0 to 1.", valueName: "risk"))
    var maxRisk: Double?

    @Option(help: "Members per page (1 to 10000).")
    var pageSize: UInt32 = 1_000

    @Option(help: "Stop after this many members.")
    var limit: Int?

    @Option(help: ArgumentHelp("Write every member to this CSV file instead of printing a table.", valueName: "file"))
    var csv: String?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        for risk in [minRisk, maxRisk].compactMap({ $0 }) where !(0...1).contains(risk) {
            throw ValidationError("a churn risk is between 0 and 1, got \(risk)")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if !(1...10_000).contains(pageSize) { throw ValidationError("--page-size must be 1 to 10000") }
    }

    var request: ListSegmentMembersRequest {
        let ranged = minRisk != nil || maxRisk != nil
        return ListSegmentMembersRequest(
            segments: segment.segments, stages: stages, tiers: tiers, markets: markets, acquisitionChannels: channels,
            warnings: warnings, drivers: drivers, minRisk: minRisk ?? 0, maxRisk: ranged ? maxRisk ?? 1 : 0, hasRiskRange: ranged,
            pageSize: pageSize)
    }

    func run() async throws {
        let sink: MemberSink
        do {
            sink = try csv.map { try MemberSink(csvPath: $0) } ?? MemberSink()
        } catch {
            Output.fail(error)
        }
        var refreshID: UInt64 = 0
        var currency = ""
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            let segmentation = SegmentationRPC.Client(client: client)
            pages: for try await page in segmentation.listSegmentMembers(request) {
                refreshID = page.refreshID
                for member in page.members {
                    try sink.take(MemberReport(member))
                    // Leaving the loop ends the call: no page beyond the limit is asked for.
                    if let limit, sink.count >= limit { break pages }
                }
            }
            try sink.finish()
            // Pages carry no currency; the table's money needs its digits (JPY 0, most 2), and
            // one member's card is the cheapest call that names the refresh's base currency.
            if csv == nil, !connection.json, let first = sink.members.first {
                let card = try? await segmentation.getCustomerSegments(GetCustomerSegmentsRequest(customerID: first.customerId))
                currency = card?.refresh?.valueBasis?.baseCurrency ?? ""
            }
        } catch {
            sink.abandon()
            Output.fail(error)
        }
        try show(sink, refreshID: refreshID, currency: currency)
    }

    private func show(_ sink: MemberSink, refreshID: UInt64, currency: String) throws {
        struct Written: Encodable {
            let refreshId: UInt64
            let file: String
            let membersWritten: Int
        }
        struct Listed: Encodable {
            let refreshId: UInt64
            let members: [MemberReport]
        }
        switch (csv, connection.json) {
        case (let file?, true): try Output.json(Written(refreshId: refreshID, file: file, membersWritten: sink.count))
        case (let file?, false): print("wrote \(Format.count(sink.count, "member")) to \(file) (refresh \(refreshID))")
        case (nil, true): try Output.json(Listed(refreshId: refreshID, members: sink.members))
        case (nil, false):
            var table = TextTable(MemberReport.columns)
            for member in sink.members { table.append(member.cells { Format.money($0, currency: currency, named: false) }) }
            let unit = currency.isEmpty ? "major units of the base currency" : currency
            print("refresh \(refreshID), \(Format.count(sink.count, "member")); value in \(unit)")
            if !sink.members.isEmpty { print(table.text) }
        }
    }
}

/// SEGMENT: one segment by name, or `all` (no segment filter).
struct SegmentSelection {
    let segments: [Segment]

    init(_ typed: String) throws {
        segments = typed.lowercased() == "all" ? [] : [try Segment.parse(typed)]
    }
}
