import CLVService
import CLVStubs
import RPC
import Store

/// The ingestion service as `clv-server` hosts it (`--services ingestion`).
public struct IngestionServiceProvider: ServiceProvider {
    public let name = "ingestion"
    public let serviceName = IngestionRPC.serviceName
    public let migrations = IngestionMigrations.all

    public init() {}

    public func register(into router: inout RPCRouter, environment: ServiceEnvironment) {
        IngestionService(pool: environment.pool, hasher: PIIHasher(key: environment.piiKey)).register(into: &router)
    }
}
