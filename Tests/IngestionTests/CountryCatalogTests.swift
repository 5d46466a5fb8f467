import Ingestion
import Testing

@Suite("ISO 3166-1 country catalog")
struct CountryCatalogTests {
    @Test func assignedCodes() {
        for code in ["DE", "US", "GB", "JP", "CW", "SX", "BQ", "SS", "AX", "AQ", "UM", "EH", "PS", "TW", "VA"] {
            #expect(CountryCatalog.isAssigned(code), "\(code)")
        }
    }

    @Test func kosovoIsAcceptedThoughUserAssigned() {
        #expect(CountryCatalog.isAssigned("XK"))
    }

    @Test func unassignedReservedAndMalformedCodesAreRefused() {
        // UK and EU are exceptionally reserved, AN/CS/YU/SU transitionally reserved, XX/ZZ user-assigned.
        for code in ["UK", "EU", "AN", "CS", "YU", "SU", "XX", "ZZ", "AA", "QZ", "de", "De", "DEU", "D", "", " DE"] {
            #expect(!CountryCatalog.isAssigned(code), "\(code)")
        }
    }

    @Test func catalogHoldsTheOfficialCodesPlusKosovo() {
        #expect(CountryCatalog.all.count == 250)
        #expect(CountryCatalog.all.allSatisfy { $0.utf8.count == 2 && $0 == $0.uppercased() })
    }
}
