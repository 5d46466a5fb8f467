import ArgumentParser
import CLVProto
import CLVStubs

/// `clv segments transitions [--refresh ID]`: who moved where between two refreshes.
struct SegmentsTransitionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transitions",
        abstract: "How many customers moved from each stage and segment to each other between a refresh and the one before it.",
        discussion: "Every non-zero (from, to) pair, unchanged ones included; \"(new)\" is a customer the earlier refresh did not hold.")

    @Option(help: "The later refresh (default: the last one).")
    var refresh: UInt64?

    @OptionGroup var connection: ConnectionOptions

    struct Report: Encodable {
        struct Row: Encodable {
            /// Empty for a customer the earlier refresh did not hold.
            let from: String
            let to: String
            let customers: UInt64
        }
        @NullWhenUnknown var fromRefresh: RefreshReport?
        let toRefresh: RefreshReport
        let stages: [Row]
        let segments: [Row]
        let tiers: [Row]

        init(_ response: SegmentTransitionsResponse) {
            fromRefresh = response.fromRefresh.map(RefreshReport.init)
            toRefresh = RefreshReport(response.toRefresh ?? Refresh())
            let rows = { (transitions: [Transition]) in transitions.map { Row(from: $0.from, to: $0.to, customers: $0.customers) } }
            stages = rows(response.stages)
            segments = rows(response.segments)
            tiers = rows(response.tiers)
        }

        var text: String {
            var lines = ["from \(fromRefresh?.title ?? "no earlier refresh") to \(toRefresh.title)"]
            for (facet, rows) in [("stage", stages), ("segment", segments), ("tier", tiers)] {
                var table = TextTable([("from " + facet, .left), ("to " + facet, .left), ("customers", .right)])
                for row in rows {
                    table.append([row.from.isEmpty ? "(new)" : SegmentationNames.display(row.from), SegmentationNames.display(row.to), String(row.customers)])
                }
                lines.append("")
                lines.append(contentsOf: table.lines)
            }
            return lines.joined(separator: "\n")
        }
    }

    func run() async throws {
        let response: SegmentTransitionsResponse
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            response = try await SegmentationRPC.Client(client: client).segmentTransitions(SegmentTransitionsRequest(refreshID: refresh ?? 0))
        } catch {
            Output.fail(error)
        }
        let report = Report(response)
        if connection.json { try Output.json(report) } else { print(report.text) }
    }
}
