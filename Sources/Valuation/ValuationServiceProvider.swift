import CLVService
import CLVStubs
import Ingestion
import RPC
import Store

/// The valuation service as `clv-server` hosts it (`--services valuation`).
public struct ValuationServiceProvider: ServiceProvider {
    public let name = "valuation"
    public let serviceName = ValuationRPC.serviceName
    /// Valuation reads the ingestion schema (customers, orders, purchase days), so a server
    /// hosting valuation alone creates it too.
    public let migrations = IngestionMigrations.all + ValuationMigrations.all

    public init() {}

    public func register(into router: inout RPCRouter, environment: ServiceEnvironment) {
        ValuationService(pool: environment.pool, logger: environment.logger).register(into: &router)
    }
}
