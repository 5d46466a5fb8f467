import CLVModels
import CLVProto

/// What customers write in an event's `reason`: per churn cause, phrases the ingestion keyword
/// table classifies to that cause, and the odd reason on anyone's ordinary events.
enum ChurnReasons {
    static func of(_ cause: CLVModels.ChurnDriver) -> [String] {
        switch cause {
        case .logistics:
            ["parcel arrived two weeks late", "package lost by courier", "delivery delayed again", "stuck in customs for a month"]
        case .productQuality:
            ["defective", "poor quality", "stopped working", "broken after a week", "not as described"]
        case .price:
            ["price too high", "found it cheaper elsewhere", "too expensive for me", "no discount this time"]
        case .service:
            ["no response from support", "still waiting for an answer", "rude agent on the phone"]
        case .payment:
            ["card declined", "payment failed", "bank declined the charge", "paypal error"]
        case .disengagement:
            []
        }
    }

    /// Event types a customer may give a reason for.
    static let issueTypes: Set<EventType> = [
        .complaint, .returnRequested, .negativeReview, .cartAbandoned, .supportTicket, .paymentFailed, .orderCancelled,
    ]

    /// Anyone's issue events carry a random reason now and then (any cause, or none the keyword
    /// table knows), so one stray reason is no cause: a churner's driver has to be earned.
    static func sprinkle(on events: inout ArraySlice<Event>, using generator: inout some RandomNumberGenerator) {
        let pool = CLVModels.ChurnDriver.allCases.flatMap(of) + ["changed my mind", "other", "ordered by mistake"]
        for position in events.indices where issueTypes.contains(events[position].type) && events[position].attributes["reason"] == nil {
            guard Double.random(in: 0..<1, using: &generator) < 0.05 else { continue }
            events[position].attributes["reason"] = pool.randomElement(using: &generator)
        }
    }
}
