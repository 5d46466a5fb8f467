import Ingestion
import Testing

@Suite("CalendarDay")
struct CalendarDayTests {
    @Test func epochAndKnownDays() throws {
        #expect(CalendarDay(parsing: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDay(parsing: "1970-01-02")?.daysSinceEpoch == 1)
        #expect(CalendarDay(parsing: "1969-12-31")?.daysSinceEpoch == -1)
        #expect(CalendarDay(parsing: "2000-03-01")?.daysSinceEpoch == 11_017)
        #expect(CalendarDay(parsing: "1900-01-01")?.daysSinceEpoch == -25_567)
        #expect(CalendarDay(parsing: "2024-02-29")?.daysSinceEpoch == 19_782)
        #expect(CalendarDay(parsing: "9999-12-31")?.daysSinceEpoch == 2_932_896)
        #expect(CalendarDay(daysSinceEpoch: 19_782).text == "2024-02-29")
    }

    @Test func everyDayFrom1900To2100RoundTripsThroughText() throws {
        var expected = try #require(CalendarDay(parsing: "1900-01-01")).daysSinceEpoch
        var count = 0
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...daysInMonth(year: year, month: month) {
                    let text = "\(year)-\(twoDigits(month))-\(twoDigits(day))"
                    let parsed = try #require(CalendarDay(parsing: text), "\(text)")
                    #expect(parsed.daysSinceEpoch == expected, "\(text)")
                    #expect(parsed.text == text)
                    #expect(CalendarDay(daysSinceEpoch: expected).text == text)
                    expected += 1
                    count += 1
                }
            }
        }
        #expect(count == 73_414)  // 201 years, 49 of them leap years (1900 and 2100 are not)
    }

    @Test func leapDays() {
        for year in [1904, 1996, 2000, 2024, 2400] {
            #expect(CalendarDay(parsing: "\(year)-02-29") != nil, "\(year)")
        }
        for year in [1900, 2023, 2100, 2200, 2300] {
            #expect(CalendarDay(parsing: "\(year)-02-29") == nil, "\(year)")
        }
    }

    @Test(arguments: [
        "2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "2024-04-31",
        "2024-1-01", "2024-01-1", "24-01-01", "2024-01-01T00:00", "2024-01-01 ", " 2024-01-01",
        "2024/01/01", "2024-01_01", "20240101", "", "1899-12-31", "0000-01-01", "+202-01-01",
        "-024-01-01", "2024-0a-01", "２０２４-01-01", "2024-01-0١",
    ])
    func invalidTextIsRefused(text: String) {
        #expect(CalendarDay(parsing: text) == nil)
    }

    @Test func unixMillisecondsFloorToTheUTCDay() {
        #expect(CalendarDay(unixMilliseconds: 0).text == "1970-01-01")
        #expect(CalendarDay(unixMilliseconds: 86_399_999).text == "1970-01-01")
        #expect(CalendarDay(unixMilliseconds: 86_400_000).text == "1970-01-02")
        #expect(CalendarDay(unixMilliseconds: -1).text == "1969-12-31")
        #expect(CalendarDay(unixMilliseconds: -86_400_000).text == "1969-12-31")
        #expect(CalendarDay(unixMilliseconds: -86_400_001).text == "1969-12-30")
        #expect(CalendarDay(unixMilliseconds: 1_700_000_123_456).text == "2023-11-14")
        #expect(CalendarDay(unixMilliseconds: -2_208_988_800_000).text == "1900-01-01")  // 1900-01-01T00:00Z
        #expect(CalendarDay(unixMilliseconds: -2_208_988_800_001).text == "1899-12-31")
    }

    @Test func extremeInstantsDoNotTrap() {
        #expect(CalendarDay(unixMilliseconds: .max).daysSinceEpoch == .max)
        #expect(CalendarDay(unixMilliseconds: .min).daysSinceEpoch == .min)
        #expect(!CalendarDay(daysSinceEpoch: .min).text.isEmpty)
        #expect(!CalendarDay(daysSinceEpoch: .max).text.isEmpty)
    }

    @Test func startUnixMillisecondsIsMidnightUTC() throws {
        let day = try #require(CalendarDay(parsing: "2023-11-14"))
        #expect(day.startUnixMilliseconds == 1_699_920_000_000)
        #expect(CalendarDay(unixMilliseconds: day.startUnixMilliseconds) == day)
        #expect(CalendarDay(unixMilliseconds: day.startUnixMilliseconds - 1) < day)
        #expect(try #require(CalendarDay(parsing: "1969-12-31")).startUnixMilliseconds == -86_400_000)
    }

    @Test func orderingFollowsTheCalendar() throws {
        let days = try ["2024-03-01", "1999-12-31", "2024-02-29", "1900-01-01"].map { try #require(CalendarDay(parsing: $0)) }
        #expect(days.sorted().map(\.text) == ["1900-01-01", "1999-12-31", "2024-02-29", "2024-03-01"])
        #expect(Set(days + days).count == 4)
    }

    @Test func monthsAddAcrossYearsAndMonthEnds() throws {
        func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(parsing: text)) }
        for (text, start, next) in [
            ("2024-02-29", "2024-02-01", "2024-03-01"), ("2025-12-31", "2025-12-01", "2026-01-01"),
            ("2026-01-01", "2026-01-01", "2026-02-01"), ("1969-12-31", "1969-12-01", "1970-01-01"),
        ] {
            #expect(try day(text).monthStart.text == start, "\(text)")
            #expect(try day(text).monthStart.addingMonths(1).text == next, "\(text)")
        }
        #expect(try day("2026-03-01").addingMonths(-6).text == "2025-09-01")
        #expect(try day("2026-01-31").addingMonths(1).text == "2026-02-28")
        #expect(try day("2024-03-31").addingMonths(-13).text == "2023-02-28")
    }

    private func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
