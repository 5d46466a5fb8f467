import CLVProto
import CLVService
import Ingestion
import Store
import Testing
import TestSupport

/// `customer_event_months`: events per customer, UTC month, type and the churn driver their
/// `reason` names, kept current at ingestion and classified by `event_reason_keywords`.
@Suite struct EventMonthTests {
    static let months = "SELECT customer_id, month, type, driver, events, last_at FROM customer_event_months ORDER BY 1, 2, 3, 4"

    /// An event of its own customer `c-<number>` with `reason`, if any.
    static func event(_ number: Int, reason: String?) -> Event {
        var event = Fixtures.event("e-\(number)", customer: "c-\(number)", type: .complaint)
        if let reason { event.attributes = ["reason": reason, "channel": "email"] }
        return event
    }

    /// Ingests one event per reason and answers each one's driver, in the order given.
    static func drivers(of reasons: [String?], on server: IngestionServer) async throws -> [String] {
        let response = try await server.client.ingestEvents(reasons.enumerated().map { event($0.offset, reason: $0.element) })
        #expect(response.inserted == UInt32(reasons.count) && response.rejections.isEmpty)
        let rows = try await server.rows("SELECT customer_id, driver FROM customer_event_months")
        let byCustomer = Dictionary(uniqueKeysWithValues: rows.map { ($0[0]!, $0[1]!) })
        return reasons.indices.map { byCustomer["c-\($0)"] ?? "missing" }
    }

    @Test func reasonsClassifyToTheDriverTheirKeywordsName() async throws {
        let server = try await IngestionServer.start(prefix: "months")
        let expected: [(String?, String)] = [
            ("Parcel arrived late", "logistics"),
            // "transit" (logistics, 20) outranks "damaged" (product quality, 30).
            ("Damaged in transit", "logistics"),
            ("too expensive", "price"),
            (nil, ""),
            ("", ""),
            ("thanks, all good", ""),
            ("DEFECTIVE on arrival", "product_quality"),
            ("item not as described", "product_quality"),
            // A phrase (10) outranks a word of another driver (30).
            ("no response from support about my card", "service"),
            ("card declined", "payment"),
            ("found it cheaper elsewhere", "price"),
            // Equal priority (30): the longer keyword wins, "delivery" over "charge".
            ("delivery charge", "logistics"),
        ]
        #expect(try await Self.drivers(of: expected.map(\.0), on: server) == expected.map(\.1))
        try await server.stop()
    }

    @Test func hostileReasonsAreTextNotPatterns() async throws {
        let server = try await IngestionServer.start(prefix: "months")
        let expected: [(String, String)] = [
            ("%", ""), ("_", ""), ("%late%", "logistics"), ("l_te", ""), ("\\", ""), ("\\late", "logistics"),
            ("'); DELETE FROM event_reason_keywords; --", ""), ("\"price\"", "price"), ("it's $$ expensive $$", "price"),
            ("📦 la\u{301}te 😡", ""), ("📦 late 😡", "logistics"), ("ＬＡＴＥ", ""),
            (String(repeating: "%_\\'", count: 249) + "lost", "logistics"),
            (String(repeating: "🙂", count: 1_000), ""),
        ]
        #expect(try await Self.drivers(of: expected.map(\.0), on: server) == expected.map(\.1))
        #expect(try await server.count("SELECT count(*) FROM event_reason_keywords") == 41)
        #expect(try await server.count("SELECT count(*) FROM events WHERE strpos(attributes->>'reason', chr(92)) > 0") == 3)
        try await server.stop()
    }

    @Test func monthsSplitAtUTCMidnightOfTheFirstAndReplaysChangeNothing() async throws {
        let server = try await IngestionServer.start(prefix: "months")
        // 2026-03-01T00:00:00Z, the first instant of March.
        let march = Fixtures.monday - 10 * WallClock.hour - Fixtures.day
        var late = Fixtures.event("e-late", at: march - 1, type: .complaint)
        late.attributes = ["reason": "parcel late"]
        var lost = Fixtures.event("e-lost", at: march, type: .complaint)
        lost.attributes = ["reason": "parcel lost"]
        var cheaper = Fixtures.event("e-cheaper", at: march + 5, type: .complaint)
        cheaper.attributes = ["reason": "cheaper elsewhere"]
        let batch = [lost, late, Fixtures.event("e-open", at: march + 7), cheaper, Fixtures.event("e-open2", at: march + 3)]
        _ = try await server.client.ingestEvents(batch)
        let inUTC = """
            SELECT month::text, type, driver, events, (last_at AT TIME ZONE 'UTC')::text
            FROM customer_event_months ORDER BY 1, 2, 3
            """
        let months = try await server.rows(inUTC)
        #expect(months == [
            ["2026-02-01", "complaint", "logistics", "1", "2026-02-28 23:59:59.999"],
            ["2026-03-01", "complaint", "logistics", "1", "2026-03-01 00:00:00"],
            ["2026-03-01", "complaint", "price", "1", "2026-03-01 00:00:00.005"],
            ["2026-03-01", "email_opened", "", "2", "2026-03-01 00:00:00.007"],
        ])
        let replay = try await server.client.ingestEvents(Array(batch.reversed()))
        #expect(replay.unchanged == 5)
        #expect(try await server.rows(inUTC) == months)
        try await server.stop()
    }

    @Test func aKeywordAnOperatorAddsClassifiesLaterEvents() async throws {
        let server = try await IngestionServer.start(prefix: "months")
        #expect(try await Self.drivers(of: ["mould on the lid"], on: server) == [""])
        _ = try await server.pool.execute(
            "INSERT INTO event_reason_keywords (keyword, driver, priority) VALUES ($1, $2, $3)",
            [.text("mould"), .text("product_quality"), .int(20)])
        let response = try await server.client.ingestEvents([Self.event(1, reason: "Mould again")])
        #expect(response.inserted == 1)
        #expect(try await server.rows("SELECT customer_id, driver FROM customer_event_months ORDER BY 1") == [
            ["c-0", ""], ["c-1", "product_quality"],
        ])
        try await server.stop()
    }

    @Test func theMigrationBackfillsTheMonthsOfStoredEvents() async throws {
        let pool = TestDatabase.makePool(try await TestDatabase.freshDatabase(prefix: "months_backfill"), maximumConnections: 1)
        let before = PlatformMigrations.all + IngestionMigrations.all.filter { $0.version < 103 }
        _ = try await Migrator.migrate(before, pool: pool, logger: TestDatabase.logger)
        _ = try await pool.execute(
            """
            INSERT INTO events (event_id, customer_id, occurred_at, type, attributes)
            SELECT 'e-' || n, 'c-' || n % 3, timestamptz '2026-01-01 12:00Z' + n * interval '1 day', 'complaint',
                   CASE n % 4 WHEN 0 THEN '{}' WHEN 1 THEN '{"reason": "Damaged in transit"}'
                              WHEN 2 THEN '{"reason": "too expensive"}' ELSE '{"reason": "rude agent"}' END::jsonb
            FROM generate_series(0, 89) AS n
            """)
        #expect(try await Migrator.migrate(PlatformMigrations.all + IngestionMigrations.all, pool: pool, logger: TestDatabase.logger) == [103])
        let stored = try await pool.query(Self.months)
        let recomputed = try await pool.query(RecomputedStatistics.eventMonths)
        // Three customers, three months, four drivers ('' included): every combination occurs.
        #expect(stored.count == 3 * 3 * 4)
        #expect(stored.map { row in stored.columns.indices.map { row[$0] } } == recomputed.map { row in recomputed.columns.indices.map { row[$0] } })
        await pool.close()
    }
}
