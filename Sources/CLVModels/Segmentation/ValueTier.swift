/// A customer's value band: the top `highShare` of customers by value, the next
/// `mediumShare`, and the rest.
public enum ValueTier: String, CaseIterable, Sendable, Codable {
    case high, medium, low
}
