import CLVProto
import Ingestion
import Testing

@Suite struct EventIngestionTests {
    static let storedEvents = "SELECT event_id, customer_id, occurred_at, type, score, attributes FROM events ORDER BY event_id"
    static let eventDays = "SELECT customer_id, type, day, events, score_sum, scored, last_at FROM customer_event_days ORDER BY 1, 2, 3"

    /// A survey answer with a score and attributes: every field a resend can differ in.
    static let survey = Event(
        eventID: "e-1", customerID: "c-1", occurredAtUnixMs: Fixtures.monday, type: .surveyAnswered,
        score: SurveyScore(value: 7), attributes: ["channel": "email", "survey": "nps"])

    @Test func replayingABatchChangesNothing() async throws {
        let server = try await IngestionServer.start(prefix: "events")
        let batch = [
            Self.survey,
            Fixtures.event("e-2", at: Fixtures.monday + 1),
            Fixtures.event("e-3", customer: "c-2", type: .siteVisit),
            Fixtures.event("e-4", customer: "c-2", at: Fixtures.monday + Fixtures.day, type: .complaint),
        ]
        let first = try await server.client.ingestEvents(batch)
        #expect(first.inserted == 4 && first.unchanged == 0 && first.rejections.isEmpty)
        let events = try await server.rows(Self.storedEvents)
        let days = try await server.rows(Self.eventDays)
        #expect(days.count == 4)

        let replay = try await server.client.ingestEvents(batch)
        #expect(replay.received == 4 && replay.inserted == 0 && replay.unchanged == 4 && replay.rejections.isEmpty)
        #expect(try await server.rows(Self.storedEvents) == events)
        #expect(try await server.rows(Self.eventDays) == days)
        try await server.stop()
    }

    @Test(arguments: EventConflictCase.all)
    func aConflictingResendIsRejectedAndTheStoredEventKept(_ conflict: EventConflictCase) async throws {
        let server = try await IngestionServer.start(prefix: "events")
        _ = try await server.client.ingestEvents([Self.survey])
        let events = try await server.rows(Self.storedEvents)
        let days = try await server.rows(Self.eventDays)
        let response = try await server.client.ingestEvents([conflict.resent])
        #expect(response.inserted == 0 && response.unchanged == 0)
        let rejection = try #require(response.rejections.first)
        #expect(rejection.field == conflict.field)
        #expect(rejection.code == RejectionCode.alreadyExists)
        #expect(rejection.recordID == "e-1")
        #expect(try await server.rows(Self.storedEvents) == events)
        #expect(try await server.rows(Self.eventDays) == days)
        // A rejected event leaves nothing behind, not even the customer it named.
        #expect(try await server.rows("SELECT customer_id FROM customers") == [["c-1"]])
        try await server.stop()
    }

    @Test(arguments: EventValidationCase.all)
    func anInvalidEventIsRejectedNamingItsFieldAndNotStored(_ invalid: EventValidationCase) async throws {
        let server = try await IngestionServer.start(prefix: "event_rule")
        let response = try await server.client.ingestEvents([Fixtures.event("e-good", customer: "c-good"), invalid.event])
        #expect(response.received == 2 && response.inserted == 1)
        let rejection = try #require(response.rejections.first)
        #expect(response.rejections.count == 1)
        #expect(rejection.index == 1)
        #expect(rejection.recordID == invalid.event.eventID)
        #expect(rejection.field == invalid.field)
        #expect(rejection.code == RejectionCode.invalidArgument)
        #expect(try await server.rows("SELECT event_id FROM events") == [["e-good"]])
        #expect(try await server.rows("SELECT customer_id FROM customers") == [["c-good"]])
        #expect(try await server.rows("SELECT customer_id FROM customer_event_days") == [["c-good"]])
        try await server.stop()
    }

    @Test func aSurveyScoreOfZeroIsAScore() async throws {
        let server = try await IngestionServer.start(prefix: "events")
        var zero = Self.survey
        zero.score = SurveyScore(value: 0)
        let response = try await server.client.ingestEvents([zero])
        #expect(response.inserted == 1 && response.rejections.isEmpty)
        let stored = try await server.rows(
            "SELECT score, scored, score_sum FROM events JOIN customer_event_days USING (customer_id, type)")
        #expect(stored == [["0", "1", "0"]])
        try await server.stop()
    }

    @Test func anEventOfAnUnknownCustomerCreatesThemUndescribed() async throws {
        let server = try await IngestionServer.start(prefix: "events")
        _ = try await server.client.upsertCustomers([Customer(customerID: "c-known", market: "DE")])
        let response = try await server.client.ingestEvents([
            Fixtures.event("e-1", customer: "c-new"), Fixtures.event("e-2", customer: "c-known"),
        ])
        #expect(response.inserted == 2)
        #expect(try await server.rows("SELECT customer_id, described, market FROM customers ORDER BY 1") == [
            ["c-known", "t", "DE"], ["c-new", "f", nil],
        ])
        #expect(try await server.client.getStats().undescribedCustomers == 1)
        try await server.stop()
    }

    @Test func eventWindowsCountTheLast7And30And90DaysOfNow() async throws {
        let server = try await IngestionServer.start(prefix: "events")
        let now = WallClock.nowMilliseconds
        var batch = [0, 6, 7, 29, 30, 89, 90, 400].map { daysAgo in
            Fixtures.event("visit-\(daysAgo)", customer: "c-w", at: now - Int64(daysAgo) * Fixtures.day, type: .siteVisit)
        }
        for (number, score) in [3.0, 8.0].enumerated() {
            var answer = Fixtures.event("survey-\(number)", customer: "c-w", at: now - 2 * Fixtures.day, type: .surveyAnswered)
            answer.score = SurveyScore(value: score)
            batch.append(answer)
        }
        batch.append(Fixtures.event("other", customer: "c-other", at: now, type: .siteVisit))
        let response = try await server.client.ingestEvents(batch)
        #expect(response.inserted == UInt32(batch.count) && response.rejections.isEmpty)
        let windows = try await server.rows(
            """
            SELECT type, events_7d, events_30d, events_90d, events_total, round(average_score, 2)
            FROM customer_event_windows WHERE customer_id = 'c-w' ORDER BY type
            """)
        #expect(windows == [["site_visit", "2", "4", "6", "8", nil], ["survey_answered", "2", "2", "2", "2", "5.50"]])
        try await server.stop()
    }
}
