import ArgumentParser
import CLVProto
import CLVStubs

/// `clv segments refresh`: recomputes every customer's segment, stage, tier and warnings.
struct SegmentsRefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Recompute every customer's RFM scores, segment, stage, tier and warnings; the new assignment replaces the old at once.",
        discussion: """
            Without a settings flag no settings are sent and the server keeps the previous \
            refresh's (the defaults for the first refresh). With any flag a whole settings \
            message is sent: the flags left out, and any given as 0, take their defaults. Days \
            are UTC days; shares and P(alive) are fractions in (0, 1). Prints the progress as it \
            streams, then the refresh: cut points with their units (recency in days since the last \
            purchase, frequency in purchase days, monetary in the base currency), the value tiers' \
            thresholds and the value basis.
            """)

    @OptionGroup var settings: SegmentationSettingsArguments
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var last: RefreshProgress?
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            let call = SegmentationRPC.Client(client: client).refreshSegments(RefreshSegmentsRequest(settings: settings.settings))
            for try await progress in call {
                if !connection.json, !progress.done {
                    print("\(progress.phase) … \(progress.customers) customers, \(Format.seconds(progress.seconds))")
                }
                last = progress
            }
        } catch {
            Output.fail(error)
        }
        guard let last, last.done, let refresh = last.refresh else {
            Output.fail(ValidationError("the server ended the refresh without finishing it"))
        }
        let report = RefreshReport(refresh)
        if connection.json { try Output.json(report) } else { Output.table(report.rows) }
    }
}
