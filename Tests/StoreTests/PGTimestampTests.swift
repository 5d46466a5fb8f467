import Foundation
@testable import Store
import Testing

@Suite("timestamptz text")
struct PGTimestampTests {
    @Test func formatsUTCWithMicroseconds() {
        #expect(PGTimestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00.000000+00")
        #expect(PGTimestamp.format(Date(timeIntervalSince1970: 951_782_400.5)) == "2000-02-29 00:00:00.500000+00")
        #expect(PGTimestamp.format(Date(timeIntervalSince1970: -0.000001)) == "1969-12-31 23:59:59.999999+00")
        #expect(PGTimestamp.format(Date(timeIntervalSince1970: -62_135_596_801)) == "0001-12-31 23:59:59.000000+00 BC")
    }

    @Test(arguments: [
        ("2024-03-05 06:07:08.123456+00", 1_709_618_828.123456),
        ("2024-03-05 06:07:08+00", 1_709_618_828),
        ("2024-03-05 06:07:08.5+05:30", 1_709_599_028.5),
        ("2024-03-05 06:07:08-08", 1_709_647_628),
        ("2024-03-05T06:07:08Z", 1_709_618_828),
        ("2024-03-05 06:07:08", 1_709_618_828),
        ("2024-03-05", 1_709_596_800),
        ("0001-12-31 23:59:59+00 BC", -62_135_596_801),
    ])
    func parsesServerOutput(text: String, seconds: Double) {
        let parsed = PGTimestamp.parse(text)
        #expect(parsed.map { abs($0.timeIntervalSince1970 - seconds) < 0.000_000_5 } == true)
    }

    @Test(arguments: ["", "yesterday", "2024-13-01", "2024-01-01 25:00", "2024-01-01 10:00:00+", "2024-01-01 10:00:00 UTC"])
    func rejectsWhatIsNotATimestamp(text: String) {
        #expect(PGTimestamp.parse(text) == nil)
    }

    @Test func infinitiesMapToDistantDates() {
        #expect(PGTimestamp.parse("infinity") == .distantFuture)
        #expect(PGTimestamp.parse("-infinity") == .distantPast)
    }

    /// Within about 1875...2125 a Double holds every microsecond exactly; beyond, Date cannot.
    @Test func roundTripsAtMicrosecondPrecision() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let micros = Int64.random(in: -4_000_000_000_000_000...4_000_000_000_000_000, using: &generator)
            let date = Date(timeIntervalSinceReferenceDate: Double(micros) / 1_000_000)
            #expect(PGTimestamp.parse(PGTimestamp.format(date)) == date)
        }
    }
}
