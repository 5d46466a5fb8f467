import CLVService
import CLVStubs
import Ingestion
import RPC
import Store
import Valuation

/// The segmentation service as `clv-server` hosts it (`--services segmentation`).
public struct SegmentationServiceProvider: ServiceProvider {
    public let name = "segmentation"
    public let serviceName = SegmentationRPC.serviceName
    /// Segmentation reads ingestion's statistics and valuation's scores, so a server hosting
    /// segmentation alone creates their tables too.
    public let migrations = IngestionMigrations.all + ValuationMigrations.all + SegmentationMigrations.all

    public init() {}

    public func register(into router: inout RPCRouter, environment: ServiceEnvironment) {
        SegmentationService(pool: environment.pool, logger: environment.logger).register(into: &router)
    }
}
