import CLVProtoC

extension Event: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.Event"
    static let unpack = clv__ingestion__v1__event__unpack
    static let freeUnpacked = clv__ingestion__v1__event__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__Event>) {
        let c = pointer.pointee
        eventID = CRead.string(c.event_id)
        customerID = CRead.string(c.customer_id)
        occurredAtUnixMilliseconds = c.occurred_at_unix_ms
        type = EventType(rawValue: Int32(truncatingIfNeeded: c.type.rawValue)) ?? .unspecified
        score = c.score.map { $0.pointee.value }
        attributes = CRead.map(c.attributes, count: c.n_attributes) { ($0.pointee.key, $0.pointee.value) }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__Event> {
        let event = arena.message(Clv__Ingestion__V1__Event.self, clv__ingestion__v1__event__init)
        event.pointee.event_id = arena.string(eventID)
        event.pointee.customer_id = arena.string(customerID)
        event.pointee.occurred_at_unix_ms = occurredAtUnixMilliseconds
        event.pointee.type = Clv__Ingestion__V1__EventType(rawValue: numericCast(type.rawValue))
        if let score {
            let wrapper = arena.message(Clv__Ingestion__V1__SurveyScore.self, clv__ingestion__v1__survey_score__init)
            wrapper.pointee.value = score
            event.pointee.score = wrapper
        }
        event.pointee.n_attributes = attributes.count
        event.pointee.attributes = arena.pointerArray(
            attributes.sorted { $0.key < $1.key }.map { key, value in
                let entry = arena.message(
                    Clv__Ingestion__V1__Event__AttributesEntry.self, clv__ingestion__v1__event__attributes_entry__init)
                entry.pointee.key = arena.string(key)
                entry.pointee.value = arena.string(value)
                return entry
            })
        return event
    }
}
