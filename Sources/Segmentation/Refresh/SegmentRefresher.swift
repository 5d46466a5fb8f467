import CLVModels
import CLVProto
import CLVService
import Ingestion
import RPC
import Store

/// RefreshSegments: reads every customer's facts in one snapshot, places them all, and stores
/// the new assignment, its stage changes and its migration matrices in one transaction that
/// also switches the current refresh: readers see the old assignment or the new one.
struct SegmentRefresher: Sendable {
    let pool: PGPool

    /// What the read phase found.
    private struct Snapshot: Sendable {
        var previous: RefreshRecord?
        var valuation: ValuationSource?
        var baseCurrency: String
    }

    func refresh(_ request: RefreshSegmentsRequest, progress: ResponseStreamWriter<RefreshProgress>) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double { (clock.now - start).inSeconds }
        let requested = try request.settings.map { settings throws(RPCError) in try SegmentationRules(settings) }
        let asOfDay = CalendarDay.today.daysSinceEpoch

        try await progress.write(RefreshProgress(phase: "reading", seconds: seconds()))
        let (read, snapshot) = try await FactsScan.read(pool: pool) { connection in
            let previous = try RefreshRecord.current(on: connection)
            let rules = requested ?? previous?.rules ?? .standard
            let valuation = try ValuationSource.current(on: connection)
            let query = CustomerFacts.Query(
                asOfDay: asOfDay, warnings: rules.warnings, scoringID: valuation?.scoringID, previousRefreshID: previous?.refreshID,
                includeProspects: true)
            let base = try BaseCurrencySetting().current(on: connection) ?? ""
            return FactsScan.Plan(queries: [query], context: Snapshot(previous: previous, valuation: valuation, baseCurrency: base))
        }
        let facts = read[0]
        let rules = requested ?? snapshot.previous?.rules ?? .standard
        try await progress.write(RefreshProgress(phase: "scoring", customers: UInt64(facts.count), seconds: seconds()))

        let assigner = Assigner(rules: rules, asOfDay: asOfDay, valuation: snapshot.valuation)
        let placed = try await ComputeOffLoop.run { Self.place(facts, assigner: assigner) }
        try await progress.write(RefreshProgress(phase: "storing", customers: UInt64(facts.count), seconds: seconds()))

        var record = RefreshRecord(
            refreshID: 0, asOfDay: asOfDay, createdAtUnixMs: 0, rules: rules, cuts: placed.cuts, tiers: placed.tiers,
            valueBasis: snapshot.valuation?.basis(baseCurrency: snapshot.baseCurrency)
                ?? ValuationSource.historicalBasis(baseCurrency: snapshot.baseCurrency),
            valuationRunID: snapshot.valuation?.runID, customers: Int64(facts.count),
            purchasers: Int64(placed.assignments.lazy.filter { $0.rfm != nil }.count),
            customersWithWarnings: Int64(placed.assignments.lazy.filter { !$0.warnings.isEmpty }.count),
            stageChanges: Int64(placed.stageChanges.count), previousRefreshID: snapshot.previous?.refreshID, seconds: 0)
        record.seconds = seconds()
        let stored = record
        let refreshID = try await RefreshWriter.reserveID(pool: pool)
        do {
            try await RefreshWriter.copyAssignments(placed, refreshID: refreshID, pool: pool)
            try await pool.withTransaction { connection in
                try RefreshWriter.switchTo(
                    refreshID, record: stored, placed: placed, expectedPrevious: snapshot.previous?.refreshID, on: connection)
            }
        } catch {
            await RefreshWriter.discard(refreshID, pool: pool)
            throw error
        }
        // Assignments older than the previous refresh's are no longer read, nor are those of
        // refreshes that never became current: reclaim them after the switch. (A refresh still
        // copying under an older id cannot become current any more.)
        _ = try await pool.execute(
            "DELETE FROM segment_assignments WHERE refresh_id < $1 AND refresh_id IS DISTINCT FROM $2",
            [.int(refreshID), snapshot.previous.map { .int($0.refreshID) } ?? .null])
        // Statistics for the rows just copied, before anyone pages through them: without them the
        // planner takes a million new rows for a few thousand and answers each member page by
        // sorting every row after its token, so listing all members is quadratic (docs/benchmarks.md).
        _ = try await pool.execute("ANALYZE segment_assignments")
        let done = try await pool.withConnection { connection in try RefreshRecord.read(refreshID, on: connection) }
        try await progress.write(
            RefreshProgress(phase: "done", customers: UInt64(facts.count), seconds: seconds(), done: true, refresh: done?.proto))
    }

    /// Every customer placed, with what changed since the previous refresh.
    struct Placement: Sendable {
        var cuts: Assigner.CutPoints
        var tiers: ValueTierThresholds
        var assignments: [CustomerAssignment]
        /// (customer, from, to) for customers whose stage differs from the previous refresh's.
        var stageChanges: [(String, CLVModels.LifecycleStage?, CLVModels.LifecycleStage)]
        var transitions: [TransitionKey: Int]
    }

    struct TransitionKey: Hashable, Sendable {
        var kind: String
        var from: String
        var to: String
    }

    static func place(_ facts: [CustomerFacts], assigner: Assigner) -> Placement {
        let cuts = assigner.cutPoints(facts)
        let tiers = assigner.tierThresholds(facts)
        let assignments = ComputeThreads.chunks(count: facts.count, minimumCount: 10_000) { range in
            facts[range].map { assigner.assign($0, cuts: cuts, tiers: tiers) }
        }.flatMap { $0 }
        var changes: [(String, CLVModels.LifecycleStage?, CLVModels.LifecycleStage)] = []
        var transitions: [TransitionKey: Int] = [:]
        let hadPrevious = facts.contains { $0.previous != nil }
        for (fact, assignment) in zip(facts, assignments) {
            let previous = fact.previous
            if hadPrevious, previous?.stage != assignment.stage { changes.append((fact.customerID, previous?.stage, assignment.stage)) }
            // "" is "not in the previous refresh"; "none" a customer without a purchase, so without a segment.
            let fromSegment = previous.map { $0.segment.isEmpty ? "none" : $0.segment } ?? ""
            transitions[TransitionKey(kind: "segment", from: fromSegment, to: assignment.segment?.rawValue ?? "none"), default: 0] += 1
            transitions[TransitionKey(kind: "stage", from: previous?.stage?.rawValue ?? "", to: assignment.stage.rawValue), default: 0] += 1
            transitions[TransitionKey(kind: "tier", from: previous?.tier ?? "", to: assignment.tier.rawValue), default: 0] += 1
        }
        return Placement(cuts: cuts, tiers: tiers, assignments: assignments, stageChanges: changes, transitions: transitions)
    }
}
