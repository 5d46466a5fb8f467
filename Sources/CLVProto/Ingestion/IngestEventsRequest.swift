/// `clv.ingestion.v1.IngestEventsRequest`: a batch of behaviour events.
public struct IngestEventsRequest: Sendable, Hashable {
    public var events: [Event]

    public init(_ events: [Event] = []) {
        self.events = events
    }
}
