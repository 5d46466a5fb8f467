import Ingestion
import Testing

@Suite("ISO 4217 currency catalog")
struct CurrencyCatalogTests {
    @Test(arguments: [
        ("EUR", 2), ("USD", 2), ("GBP", 2), ("CHF", 2), ("HUF", 2), ("IDR", 2), ("MGA", 2), ("MRU", 2),
        ("JPY", 0), ("KRW", 0), ("ISK", 0), ("VND", 0), ("CLP", 0), ("XOF", 0), ("XAF", 0), ("XPF", 0), ("UYI", 0),
        ("KWD", 3), ("BHD", 3), ("JOD", 3), ("OMR", 3), ("TND", 3), ("IQD", 3), ("LYD", 3),
        ("CLF", 4), ("UYW", 4),
        ("ZWG", 2), ("SLE", 2), ("VED", 2), ("XCG", 2), ("CHE", 2), ("USN", 2),
    ])
    func minorUnitDigits(code: String, digits: Int) {
        #expect(CurrencyCatalog.minorUnitDigits(of: code) == digits)
        #expect(CurrencyCatalog.isKnown(code))
    }

    @Test func codesWithoutMinorUnitAreUnknown() {
        for code in ["XAU", "XAG", "XPD", "XPT", "XDR", "XXX", "XTS", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD"] {
            #expect(CurrencyCatalog.minorUnitDigits(of: code) == nil, "\(code)")
            #expect(!CurrencyCatalog.isKnown(code), "\(code)")
        }
    }

    @Test func withdrawnCodesAreUnknown() {
        // Replaced by EUR (2023), SLE, ZWG and VES/VED; none is on list A.1 any more.
        for code in ["HRK", "SLL", "ZWL", "VEF", "DEM", "FRF", "LTL", "BYR", "MRO", "STD"] {
            #expect(!CurrencyCatalog.isKnown(code), "\(code)")
        }
    }

    @Test func onlyExactUpperCaseCodesMatch() {
        for text in ["eur", "Eur", "EURO", "EU", "", " EUR", "EUR ", "E1R", "ＥＵＲ"] {
            #expect(CurrencyCatalog.minorUnitDigits(of: text) == nil, "\(text)")
            #expect(!CurrencyCatalog.isKnown(text), "\(text)")
        }
    }

    @Test func everyEntryIsThreeLettersWithAPlausibleExponent() {
        let all = CurrencyCatalog.all
        #expect(all.count == 167)
        for (code, digits) in all {
            #expect(code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }, "\(code)")
            #expect([0, 2, 3, 4].contains(digits), "\(code)")
        }
        #expect(all.values.filter { $0 == 0 }.count == 17)
        #expect(all.values.filter { $0 == 3 }.count == 7)
        #expect(all.values.filter { $0 == 4 }.count == 2)
    }
}
