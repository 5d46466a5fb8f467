import CLVModels
import Foundation
import Ingestion
import RPC
import Store

/// Stores a refresh and makes it current. The assignments are copied first, in slices on
/// several connections at once and committed, under a refresh id no reader knows yet: readers
/// find assignments only through `segment_current_refresh` and `segment_refreshes`. One
/// transaction then records the refresh, its stage changes and migration matrices, and switches
/// to it, so readers see the previous assignment or the new one, never a mix.
enum RefreshWriter {
    /// The key of the transaction-level advisory lock that serialises refreshes ("clvsegm").
    static let lockKey: Int64 = 0x636C_7673_6567_6D

    /// A new refresh id, before anything is stored under it.
    static func reserveID(pool: PGPool) async throws -> Int64 {
        try await pool.query("SELECT nextval(pg_get_serial_sequence('segment_refreshes', 'refresh_id')) AS id")[0].int("id")
    }

    /// Copies `placed`'s assignments under `refreshID`, `parts` slices at once, each committed.
    static func copyAssignments(_ placed: SegmentRefresher.Placement, refreshID: Int64, parts: Int = 2, pool: PGPool) async throws {
        let assignments = placed.assignments
        let size = (assignments.count + parts - 1) / max(1, parts)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for start in stride(from: 0, to: assignments.count, by: max(1, size)) {
                let slice = assignments[start..<min(start + size, assignments.count)]
                group.addTask {
                    _ = try await pool.withTransaction { connection in try copy(slice, refreshID: refreshID, on: connection) }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Removes what a refresh that did not become current stored (best effort: the next refresh
    /// removes it too).
    static func discard(_ refreshID: Int64, pool: PGPool) async {
        _ = try? await pool.execute(
            "DELETE FROM segment_assignments WHERE refresh_id = $1 AND NOT EXISTS (SELECT 1 FROM segment_refreshes WHERE refresh_id = $1)",
            [.int(refreshID)])
    }

    private static func copy(_ assignments: ArraySlice<CustomerAssignment>, refreshID: Int64, on connection: PGConnection) throws -> Int {
        try connection.copyIn(
            """
            COPY segment_assignments (refresh_id, customer_id, market, acquisition_channel, recency, frequency, monetary, composite,
                segment, stage, tier, value, probability_alive, warnings, evidence, driver) FROM STDIN
            """,
            rows: assignments.lazy.map { a -> [PGValue] in
                [
                    .int(refreshID), .text(a.customerID), .text(a.market), .text(a.channel),
                    a.rfm.map { .int(Int64($0.recency)) } ?? .null, a.rfm.map { .int(Int64($0.frequency)) } ?? .null,
                    a.rfm.map { .int(Int64($0.monetary)) } ?? .null, a.composite.map { .double($0) } ?? .null,
                    a.segment.map { .text($0.rawValue) } ?? .null, .text(a.stage.rawValue), .text(a.tier.rawValue), .double(a.value),
                    a.probabilityAlive.map { .double($0) } ?? .null, .textArray(a.warnings.map(\.code.rawValue)),
                    .text(WarningJSON.encode(a.warnings)), a.driver.map { .text($0.rawValue) } ?? .null,
                ]
            })
    }

    /// Records refresh `refreshID`, whose assignments are copied, and makes it current in the
    /// caller's transaction. ABORTED when another refresh became current since
    /// `expectedPrevious` was read: this one's stage changes would be measured against the
    /// wrong assignment.
    static func switchTo(
        _ refreshID: Int64, record: RefreshRecord, placed: SegmentRefresher.Placement, expectedPrevious: Int64?, on connection: PGConnection
    ) throws {
        try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(lockKey)])
        let current = try connection.query("SELECT refresh_id FROM segment_current_refresh").first.map { try $0.int("refresh_id") }
        guard current == expectedPrevious else {
            throw RPCError(code: .aborted, message: "another refresh finished while this one ran; call RefreshSegments again")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        try connection.execute(
            """
            INSERT INTO segment_refreshes (refresh_id, as_of, settings, cut_points, high_tier_from, medium_tier_from, value_basis,
                valuation_run_id, customers, purchasers, customers_with_warnings, stage_changes, previous_refresh_id, seconds)
            VALUES ($1, $2::date, $3::jsonb, $4::jsonb, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14)
            """,
            [
                .int(refreshID), .text(record.asOf), .text(try json(record.rules)), .text(try json(record.cuts)),
                .double(record.tiers.high), .double(record.tiers.medium), .text(try json(RefreshRecord.StoredBasis(record.valueBasis))),
                record.valuationRunID.map { .int($0) } ?? .null, .int(record.customers), .int(record.purchasers),
                .int(record.customersWithWarnings), .int(record.stageChanges), record.previousRefreshID.map { .int($0) } ?? .null,
                .double(record.seconds),
            ])
        _ = try connection.copyIn(
            "COPY customer_stage_changes (customer_id, refresh_id, as_of, from_stage, to_stage) FROM STDIN",
            rows: placed.stageChanges.lazy.map { change -> [PGValue] in
                [.text(change.0), .int(refreshID), .text(record.asOf), change.1.map { .text($0.rawValue) } ?? .null, .text(change.2.rawValue)]
            })
        let transitions = placed.transitions.sorted { ($0.key.kind, $0.key.from, $0.key.to) < ($1.key.kind, $1.key.from, $1.key.to) }
        try connection.execute(
            """
            INSERT INTO segment_transitions (refresh_id, kind, from_name, to_name, customers)
            SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int8[])
            """,
            [
                .int(refreshID), .textArray(transitions.map(\.key.kind)), .textArray(transitions.map(\.key.from)),
                .textArray(transitions.map(\.key.to)), .intArray(transitions.map { Int64($0.value) }),
            ])
        try connection.execute(
            """
            INSERT INTO segment_current_refresh (singleton, refresh_id) VALUES (true, $1)
            ON CONFLICT (singleton) DO UPDATE SET refresh_id = excluded.refresh_id
            """, [.int(refreshID)])
    }
}
