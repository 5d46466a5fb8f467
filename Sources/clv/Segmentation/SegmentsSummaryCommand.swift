import ArgumentParser
import CLVProto
import CLVStubs

/// `clv segments summary [--by market|channel]`: customers and value per segment, stage, tier,
/// driver and warning.
struct SegmentsSummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Customers, value and their shares per segment, stage, tier, churn driver and warning, as of the last refresh.",
        discussion: """
            Value is what the refresh's value basis says (the current scoring's predicted CLV, \
            else revenue to date), in major units of the base currency. Shares are of the group's \
            customers and value; overall rows first, then per market or channel with --by \
            ("unknown" when not recorded). A customer counts under each of their warnings.
            """)

    @Option(help: "Also break the rows down by market or acquisition channel (default: overall only).")
    var by: GroupingName?

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let response: SegmentSummaryResponse
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            let breakdown: Breakdown = switch by {
            case .market: .market
            case .channel: .channel
            case nil: .unspecified
            }
            response = try await SegmentationRPC.Client(client: client).segmentSummary(SegmentSummaryRequest(by: breakdown))
        } catch {
            Output.fail(error)
        }
        let report = SummaryReport(response)
        if connection.json { try Output.json(report) } else { print(report.text) }
    }
}
