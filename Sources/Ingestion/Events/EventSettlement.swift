import Store

/// Compares events whose id the store already holds with what was sent: equal is a replay,
/// different is a conflict. Events never change once stored.
enum EventSettlement {
    static func settle(_ events: [ValidEvent], outcome: inout BatchOutcome, on connection: PGConnection) throws {
        guard !events.isEmpty else { return }
        let rows = try connection.query(
            """
            SELECT i.position,
                e.customer_id = i.customer_id AS same_customer,
                e.occurred_at = timestamptz 'epoch' + i.occurred_ms * interval '1 millisecond' AS same_time,
                e.type = i.type AS same_type,
                e.score IS NOT DISTINCT FROM i.score AS same_score,
                e.attributes = i.attributes::jsonb AS same_attributes
            FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::float8[], $6::text[], $7::int8[])
                AS i(event_id, customer_id, occurred_ms, type, score, attributes, position)
            LEFT JOIN events e USING (event_id)
            """,
            EventInsertStatement.parameters(events) + [.intArray(events.indices.map { Int64($0) })])
        for row in rows {
            let event = events[Int(try row.int("position"))]
            if try row.isNull("same_customer") {
                outcome.reject(
                    index: event.index, recordID: event.eventID,
                    .precondition("event_id", "the event was erased while this batch ran; send it again"))
                continue
            }
            let checks = [("customer_id", "same_customer"), ("occurred_at_unix_ms", "same_time"), ("type", "same_type"),
                          ("score", "same_score"), ("attributes", "same_attributes")]
            if let differing = try checks.first(where: { try !row.bool($0.1) }) {
                outcome.reject(
                    index: event.index, recordID: event.eventID,
                    .conflict(differing.0, "event \(event.eventID) is already stored with a different \(differing.0)"))
            } else {
                outcome.unchanged += 1
            }
        }
    }
}
