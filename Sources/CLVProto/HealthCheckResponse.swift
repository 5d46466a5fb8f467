/// `clv.health.v1.HealthCheckResponse`.
public struct HealthCheckResponse: Sendable, Hashable {
    /// `clv.health.v1.HealthCheckResponse.ServingStatus`.
    public enum ServingStatus: Int32, Sendable, Hashable {
        case unspecified = 0
        case serving = 1
        case notServing = 2
        case serviceUnknown = 3
    }

    public var status: ServingStatus
    /// Whether the last database probe succeeded and is at most one second old.
    public var databaseReachable: Bool
    /// Age of that probe's result, in milliseconds.
    public var databaseCheckedMillisecondsAgo: UInt32
    /// Services hosted by the process, by full name.
    public var services: [String]
    public var version: String

    public init(
        status: ServingStatus, databaseReachable: Bool, databaseCheckedMillisecondsAgo: UInt32 = 0,
        services: [String] = [], version: String = ""
    ) {
        self.status = status
        self.databaseReachable = databaseReachable
        self.databaseCheckedMillisecondsAgo = databaseCheckedMillisecondsAgo
        self.services = services
        self.version = version
    }
}
