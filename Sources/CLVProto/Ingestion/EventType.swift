/// `clv.ingestion.v1.EventType`.
public enum EventType: Int32, Sendable, Hashable, CaseIterable {
    case unspecified = 0
    case emailOpened = 1
    case emailClicked = 2
    case siteVisit = 3
    case cartAbandoned = 4
    case complaint = 5
    case returnRequested = 6
    case negativeReview = 7
    case paymentFailed = 8
    case orderCancelled = 9
    case supportTicket = 10
    case surveyAnswered = 11

    /// The snake-case name used in the store, CSV files and messages (`email_opened`).
    public var name: String {
        switch self {
        case .unspecified: "unspecified"
        case .emailOpened: "email_opened"
        case .emailClicked: "email_clicked"
        case .siteVisit: "site_visit"
        case .cartAbandoned: "cart_abandoned"
        case .complaint: "complaint"
        case .returnRequested: "return_requested"
        case .negativeReview: "negative_review"
        case .paymentFailed: "payment_failed"
        case .orderCancelled: "order_cancelled"
        case .supportTicket: "support_ticket"
        case .surveyAnswered: "survey_answered"
        }
    }

    /// The type named `name` (case-insensitive), if any.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = match
    }
}
