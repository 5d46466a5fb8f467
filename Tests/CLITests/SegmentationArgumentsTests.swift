import ArgumentParser
import CLVProto
import Testing

@testable import clv

/// The segmentation commands' names and flags as a user types them.
@Suite struct SegmentationArgumentsTests {
    @Test func segmentNamesTakeDashesUnderscoresAndAnyCase() throws {
        for typed in ["cant-lose-them", "cant_lose_them", "Cant_Lose_Them", "can't lose them"] {
            #expect(try Segment.parse(typed) == .cantLoseThem, "\(typed)")
        }
        #expect(try LifecycleStage.parse("Reactivated") == .reactivated)
        #expect(try WarningCode.parse("order-value-drop") == .orderValueDrop)
        #expect(try ChurnDriver.parse("product-quality") == .productQuality)
    }

    /// An unknown name lists the valid ones, spelt as typed; `unspecified` is not one of them.
    @Test func anUnknownNameIsAUsageErrorListingTheValidOnes() {
        #expect(throws: ValidationError.self) { try Segment.parse("champs") }
        do {
            _ = try SegmentsMembersCommand.parse(["champs"])
            Issue.record("'champs' was accepted")
        } catch {
            let message = SegmentsMembersCommand.message(for: error)
            #expect(message.contains("unknown segment 'champs'") && message.contains("cant-lose-them") && message.contains("potential-loyalist"), "\(message)")
            #expect(!message.contains("unspecified"), "\(message)")
        }
        #expect(throws: (any Error).self) { try SegmentsMembersCommand.parse(["all", "--tier", "gold"]) }
    }

    @Test func membersFiltersBecomeTheRequest() throws {
        let command = try SegmentsMembersCommand.parse([
            "At-Risk", "--stage", "dormant", "--stage", "churned", "--tier", "high", "--market", "DE", "--channel", "ads",
            "--warning", "frequency-drop", "--driver", "price", "--min-risk", "0.4", "--page-size", "50",
        ])
        let request = command.request
        #expect(request.segments == [.atRisk])
        #expect(request.stages == [.dormant, .churned] && request.tiers == [.high] && request.markets == ["DE"])
        #expect(request.acquisitionChannels == ["ads"] && request.warnings == [.frequencyDrop] && request.drivers == [.price])
        // A lower bound alone keeps the upper at 1: the range is [0.4, 1], not [0.4, 0].
        #expect(request.hasRiskRange && request.minRisk == 0.4 && request.maxRisk == 1)
        #expect(request.pageSize == 50)
        let all = try SegmentsMembersCommand.parse(["ALL"]).request
        #expect(all.segments.isEmpty && !all.hasRiskRange && all.pageSize == 1_000)
        #expect(throws: (any Error).self) { try SegmentsMembersCommand.parse(["all", "--max-risk", "1.5"]) }
        #expect(throws: (any Error).self) { try SegmentsMembersCommand.parse(["all", "--limit", "0"]) }
    }

    /// No flag: no settings, so the server keeps the previous refresh's.
    @Test func refreshSendsSettingsOnlyWhenAFlagIsGiven() throws {
        #expect(try SegmentsRefreshCommand.parse([]).settings.settings == nil)
        // A flag given as 0 asks for the default: settings are sent.
        #expect(try SegmentsRefreshCommand.parse(["--dormant-days", "0"]).settings.settings != nil)
        let settings = try #require(
            try SegmentsRefreshCommand.parse([
                "--quantiles", "0.1,0.3,0.5,0.7", "--monetary", "total", "--weights", "1,0,2", "--new-window-days", "120",
                "--churned-days", "730", "--dormant-below-p-alive", "0.4", "--ignore-p-alive", "--high-share", "0.1",
                "--warning-window-days", "90", "--frequency-drop", "0.25", "--abandoned-cart-days", "14",
            ]).settings.settings)
        #expect(settings.rfm == RFMSettings(quantiles: [0.1, 0.3, 0.5, 0.7], monetaryBasis: .total, recencyWeight: 1, frequencyWeight: 0, monetaryWeight: 2, hasWeights: true))
        #expect(settings.lifecycle == LifecycleSettings(newWindowDays: 120, churnedDays: 730, dormantBelowProbabilityAlive: 0.4, ignoreProbabilityAlive: true))
        #expect(settings.tiers == ValueTierSettings(highShare: 0.1))
        #expect(settings.warnings == WarningSettings(windowDays: 90, frequencyDrop: 0.25, abandonedCartDays: 14))
    }

    @Test func listsOfNumbersMustHaveTheirLength() {
        for arguments in [["--quantiles", "0.2,0.4,0.6"], ["--weights", "1,2"], ["--weights", "1,x,2"], ["--quantiles", "0.2,,0.6,0.8"]] {
            #expect(throws: (any Error).self, "\(arguments)") { try SegmentsRefreshCommand.parse(arguments) }
        }
    }

    @Test func churnTrainSendsOnlyWhatIsGiven() throws {
        let defaults = try ChurnTrainCommand.parse([]).request
        #expect(defaults == TrainChurnModelRequest())
        // An L2 of 0 is a real choice (no penalty), so it is sent with has_l2.
        let given = try ChurnTrainCommand.parse(["--window-days", "90", "--l2", "0", "--threshold", "0.3", "--validate-cutoff", "2026-06-01"]).request
        #expect(given == TrainChurnModelRequest(windowDays: 90, validateCutoff: "2026-06-01", l2: 0, hasL2: true, threshold: 0.3, hasThreshold: true))
    }

    @Test func theCommandsAreRegistered() {
        let tree = CommandLineArguments.CommandTree(CLVCommand.self)
        let segments = tree.subcommands.first { $0.name == "segments" }
        #expect(segments?.subcommands.map(\.name) == ["refresh", "summary", "members", "transitions"])
        #expect(tree.subcommands.first { $0.name == "churn" }?.subcommands.map(\.name) == ["train", "report"])
        #expect(tree.subcommands.contains { $0.name == "customer" })
    }
}
