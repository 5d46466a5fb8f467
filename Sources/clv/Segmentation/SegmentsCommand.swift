import ArgumentParser

/// `clv segments`: RFM segments, lifecycle stages, value tiers and churn warnings.
struct SegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Refresh and read the customer segmentation (RFM segments, lifecycle stages, value tiers, churn warnings).",
        discussion: "docs/segmentation.md gives every rule and default.",
        subcommands: [
            SegmentsRefreshCommand.self, SegmentsSummaryCommand.self, SegmentsMembersCommand.self, SegmentsTransitionsCommand.self,
        ])
}
