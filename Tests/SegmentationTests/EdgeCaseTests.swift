import CLVProto
import RPC
import Testing

/// An empty store, a store of prospects only, and two refreshes at once.
@Suite struct EdgeCaseTests {
    @Test func anEmptyStoreRefreshesToNothing() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_empty")
        let empty = try await server.refresh()
        #expect(empty.customers == 0 && empty.purchasers == 0)
        #expect(empty.cutPoints?.frequency == [])
        let pages = try await server.members()
        #expect(pages.count == 1 && pages[0].members.isEmpty)
        let summary = try await server.segmentation.segmentSummary(SegmentSummaryRequest(by: .market))
        #expect(summary.segments.isEmpty && summary.refresh?.refreshID == empty.refreshID)
        await expectCode(.failedPrecondition, contains: "no completed orders yet") {
            _ = try await server.segmentation.trainChurnModel(TrainChurnModelRequest())
        }

        // Prospects only: every one placed, none with RFM scores, all low.
        try await server.store(customers: (0..<5).map { ShopHistory.customer("p\($0)") })
        let prospects = try await server.refresh()
        #expect(prospects.customers == 5 && prospects.purchasers == 0)
        let members = try await server.members().flatMap(\.members)
        #expect(members.count == 5 && members.allSatisfy { $0.stage == .prospect && $0.rfm == nil && $0.tier == .low })
        try await server.stop()
    }

    /// Two refreshes at once: each either commits or is ABORTED for the other, and the
    /// current assignment is one whole refresh.
    @Test func concurrentRefreshesNeverInterleave() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_concurrent")
        _ = try await RefreshTests.population(server)
        let outcomes = await withTaskGroup(of: Result<Refresh, any Error>.self) { group in
            for _ in 0..<3 { group.addTask { await Result(catching: { try await server.refresh() }) } }
            var outcomes: [Result<Refresh, any Error>] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var committed: [Refresh] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let refresh): committed.append(refresh)
            case .failure(let error):
                #expect((error as? RPCError)?.code == .aborted, "\(error)")
            }
        }
        #expect(!committed.isEmpty)
        let current = try await server.segmentation.segmentSummary(SegmentSummaryRequest())
        #expect(committed.map(\.refreshID).contains(current.refresh?.refreshID ?? 0))
        #expect(try await server.count("SELECT count(*) FROM segment_assignments WHERE refresh_id = $1", [.int(Int64(current.refresh?.refreshID ?? 0))]) == 40)
        try await server.stop()
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
