/// `clv.health.v1.HealthCheckRequest`.
public struct HealthCheckRequest: Sendable, Hashable {
    /// Empty for the whole process, or a service's full name.
    public var service: String

    public init(service: String = "") {
        self.service = service
    }
}
