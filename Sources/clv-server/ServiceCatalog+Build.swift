import CLVService
import Ingestion
import Segmentation
import Valuation

extension ServiceCatalog {
    /// Every service of this build. A service lands by adding its provider here.
    static let build = ServiceCatalog(providers: [IngestionServiceProvider(), ValuationServiceProvider(), SegmentationServiceProvider()])
}
