import CLVProto
import Ingestion
import RPC
import Testing

/// Bad input gets a precise status naming the field, and nothing is stored.
@Suite struct SegmentationErrorTests {
    @Test func readsBeforeTheFirstRefreshSayWhatToRun() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_errors")
        try await server.store(customers: [ShopHistory.customer("a")])
        await expectCode(.failedPrecondition, contains: "RefreshSegments") {
            _ = try await server.segmentation.getCustomerSegments(GetCustomerSegmentsRequest(customerID: "a"))
        }
        await expectCode(.failedPrecondition, contains: "RefreshSegments") {
            _ = try await server.segmentation.segmentSummary(SegmentSummaryRequest())
        }
        await expectCode(.failedPrecondition, contains: "RefreshSegments") { _ = try await server.members() }
        await expectCode(.failedPrecondition, contains: "RefreshSegments") {
            _ = try await server.segmentation.segmentTransitions(SegmentTransitionsRequest())
        }
        await expectCode(.notFound, contains: "TrainChurnModel") {
            _ = try await server.segmentation.churnModelReport(ChurnModelReportRequest())
        }
        try await server.stop()
    }

    @Test func badSettingsAndFiltersNameTheirField() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_bad_input")
        try await server.store(customers: [ShopHistory.customer("a")], orders: ShopHistory.orders("a", daysAgo: [10]))
        let cases: [(SegmentationSettings, String)] = [
            (SegmentationSettings(rfm: RFMSettings(quantiles: [0.5, 0.4, 0.6, 0.8])), "settings.rfm.quantiles"),
            (SegmentationSettings(rfm: RFMSettings(recencyWeight: -1, hasWeights: true)), "settings.rfm.weights"),
            (SegmentationSettings(lifecycle: LifecycleSettings(dormantDays: 400, churnedDays: 300)), "settings.lifecycle.churned_days"),
            (SegmentationSettings(warnings: WarningSettings(frequencyDrop: 5)), "settings.warnings.frequency_drop"),
            (SegmentationSettings(tiers: ValueTierSettings(highShare: 0.6, mediumShare: 0.6)), "settings.tiers.high_share"),
            (SegmentationSettings(lifecycle: LifecycleSettings(newWindowDays: 4_000_000)), "settings.lifecycle.new_window_days"),
            (SegmentationSettings(tiers: ValueTierSettings(highShare: .nan)), "settings.tiers.high_share"),
            (SegmentationSettings(warnings: WarningSettings(frequencyDrop: -0.5)), "settings.warnings.frequency_drop"),
        ]
        for (settings, field) in cases {
            await expectCode(.invalidArgument, field: field) { _ = try await server.refresh(settings) }
        }
        #expect(try await server.count("SELECT count(*) FROM segment_refreshes") == 0)

        _ = try await server.refresh()
        let filters: [(ListSegmentMembersRequest, String)] = [
            (ListSegmentMembersRequest(segments: [.champions, .unrecognized(99)]), "segments[1]"),
            (ListSegmentMembersRequest(stages: [.unspecified]), "stages[0]"),
            (ListSegmentMembersRequest(minRisk: 0.8, maxRisk: 0.2, hasRiskRange: true), "min_risk"),
            (ListSegmentMembersRequest(pageSize: 10_001), "page_size"),
            (ListSegmentMembersRequest(pageToken: "m1.1.zz"), "page_token"),
            (ListSegmentMembersRequest(pageToken: "m1.1.6100"), "page_token"),
            (ListSegmentMembersRequest(markets: [""]), "markets[0]"),
        ]
        for (request, field) in filters {
            await expectCode(.invalidArgument, field: field) { _ = try await server.members(request) }
        }
        for id in ["", " a", "a\u{7}"] {
            await expectCode(.invalidArgument, field: "customer_id") {
                _ = try await server.segmentation.getCustomerSegments(GetCustomerSegmentsRequest(customerID: id))
            }
        }
        await expectCode(.notFound, contains: "no customer 'nobody'") {
            _ = try await server.segmentation.getCustomerSegments(GetCustomerSegmentsRequest(customerID: "nobody"))
        }
        await expectCode(.invalidArgument, field: "window_days") {
            _ = try await server.segmentation.trainChurnModel(TrainChurnModelRequest(windowDays: 5))
        }
        await expectCode(.invalidArgument, field: "train_cutoff") {
            _ = try await server.segmentation.trainChurnModel(TrainChurnModelRequest(trainCutoff: "2025-02-30"))
        }
        await expectCode(.failedPrecondition, contains: "validation labels need 180 days") {
            _ = try await server.segmentation.trainChurnModel(TrainChurnModelRequest(validateCutoff: CalendarDay.today.text))
        }
        await expectCode(.failedPrecondition, contains: "both outcomes") {
            _ = try await server.segmentation.trainChurnModel(TrainChurnModelRequest())
        }
        try await server.stop()
    }
}

/// Expects `body` to fail with `code`, naming `field` in a field violation or containing `text`.
func expectCode(
    _ code: RPCStatusCode, field: String? = nil, contains text: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("expected \(code), the call succeeded", sourceLocation: sourceLocation)
    } catch let error as RPCError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        if let field {
            #expect(error.fieldViolations.contains { $0.field == field } || error.message.contains(field), "\(error)", sourceLocation: sourceLocation)
        }
        if let text { #expect(error.message.contains(text), "\(error)", sourceLocation: sourceLocation) }
    } catch {
        Issue.record("expected RPCError \(code), got \(error)", sourceLocation: sourceLocation)
    }
}
