import CLVProto
import Store

/// Stores a batch of events in one transaction.
struct EventIngestor: Sendable {
    func ingest(_ events: [Event], now: Int64, on connection: PGConnection) throws -> IngestResponse {
        var outcome = BatchOutcome(received: events.count)
        let validator = EventValidator(now: now)
        var seen: Set<String> = []
        var first: [ValidEvent] = []
        var repeats: [ValidEvent] = []
        first.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            switch validator.validate(event, index: index) {
            case .failure(let problem):
                outcome.reject(index: index, recordID: event.eventID, problem)
            case .success(let valid):
                if seen.insert(valid.eventID).inserted { first.append(valid) } else { repeats.append(valid) }
            }
        }
        var insertedIDs: Set<String> = []
        if !first.isEmpty {
            for row in try connection.query(EventInsertStatement.sql, EventInsertStatement.parameters(first)) {
                insertedIDs.insert(try row.string("event_id"))
            }
        }
        outcome.inserted = insertedIDs.count
        try EventSettlement.settle(
            first.filter { !insertedIDs.contains($0.eventID) } + repeats, outcome: &outcome, on: connection)
        let latest = first.lazy.filter { insertedIDs.contains($0.eventID) }.map(\.occurredAtMilliseconds).max()
        try IngestionCounters.record(kind: .events, rejected: outcome.rejected, latestMilliseconds: latest, on: connection)
        return outcome.response
    }
}
