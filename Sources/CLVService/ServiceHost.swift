import CLVStubs
import Logging
import RPC
import ServiceLifecycle

/// Services on one RPC server over one store, with the health service and its database probe
/// beside them: the wiring `clv-server` and `clv demo` share.
public struct ServiceHost: Sendable {
    /// The RPC server; run it (with `probe`) in a `ServiceGroup`.
    public let server: RPCServer
    /// Keeps the health service's database reading fresh.
    public let probe: DatabaseProbe
    /// The protobuf names of the hosted services, health first.
    public let hostedServices: [String]

    /// Registers each provider's methods and the health service on a router served by a new
    /// `RPCServer` (not yet running).
    public init(
        providers: [any ServiceProvider], environment: ServiceEnvironment,
        configuration: RPCServerConfiguration, interceptors: [any ServerInterceptor] = []
    ) {
        let probe = DatabaseProbe(pool: environment.pool, logger: environment.logger)
        var router = RPCRouter()
        for provider in providers {
            provider.register(into: &router, environment: environment)
        }
        let hosted = [HealthRPC.serviceName] + providers.map(\.serviceName)
        HealthService(probe: probe, hostedServices: { hosted }).register(into: &router)
        self.probe = probe
        self.hostedServices = hosted
        self.server = RPCServer(configuration: configuration, router: router, interceptors: interceptors, logger: environment.logger)
    }

    /// The probe and the server, in the order a `ServiceGroup` should start them.
    public var services: [ServiceGroupConfiguration.ServiceConfiguration] {
        [.init(service: probe), .init(service: server)]
    }
}
