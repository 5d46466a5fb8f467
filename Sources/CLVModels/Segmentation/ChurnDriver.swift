/// Why a customer is slipping away: the cause a retention offer addresses. The raw values are
/// the names on the wire, in the store and in the event-reason keyword table.
public enum ChurnDriver: String, CaseIterable, Sendable, Codable {
    case logistics
    case productQuality = "product_quality"
    case price
    case service
    case payment
    case disengagement

    /// The driver as a person reads it: "logistics", "product quality", …
    public var displayName: String {
        switch self {
        case .productQuality: "product quality"
        default: rawValue
        }
    }
}
