import CLVService
import Ingestion
import Testing
import Valuation

@Suite("Migrations of the services a server hosts")
struct ServiceMigrationsTests {
    @Test func valuationAloneBringsTheIngestionSchemaItReads() {
        let versions = ServiceCatalog.migrations(for: [ValuationServiceProvider()]).map(\.version)
        let ingestion = IngestionMigrations.all.map(\.version)
        #expect(ingestion.allSatisfy(versions.contains))
        #expect(versions.contains(200))
    }

    @Test func servicesTogetherApplyEachVersionOnceInOrder() {
        let versions = ServiceCatalog.migrations(for: [IngestionServiceProvider(), ValuationServiceProvider()]).map(\.version)
        #expect(versions == Array(Set(versions)).sorted())
        #expect(versions == (PlatformMigrations.all + IngestionMigrations.all + ValuationMigrations.all).map(\.version))
    }
}
