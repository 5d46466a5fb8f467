import CLVProto
import CLVStubs
import RPC

/// `clv.health.v1.Health`: whether this process serves and reaches its database. Needs no token.
public struct HealthService: HealthRPC.ServiceProtocol {
    public static let version = "0.1.0"

    private let probe: DatabaseProbe
    private let hostedServices: @Sendable () -> [String]

    /// - Parameter hostedServices: the full names of the services this process hosts.
    public init(probe: DatabaseProbe, hostedServices: @escaping @Sendable () -> [String]) {
        self.probe = probe
        self.hostedServices = hostedServices
    }

    public func check(_ request: HealthCheckRequest, context: ServerCallContext) async throws -> HealthCheckResponse {
        check(request)
    }

    func check(_ request: HealthCheckRequest) -> HealthCheckResponse {
        let services = hostedServices()
        let reading = probe.latest
        let age = reading.map { ContinuousClock.now - $0.at }
        let reachable = reading?.reachable == true && age.map { $0 <= probe.maximumAge } == true
        let status: HealthCheckResponse.ServingStatus =
            if !request.service.isEmpty && !services.contains(request.service) {
                .serviceUnknown
            } else {
                reachable ? .serving : .notServing
            }
        return HealthCheckResponse(
            status: status, databaseReachable: reachable,
            databaseCheckedMsAgo: age.map { UInt32(clamping: $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) } ?? UInt32.max,
            services: services, version: Self.version)
    }
}
