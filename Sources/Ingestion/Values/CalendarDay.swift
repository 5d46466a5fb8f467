import Foundation

/// A day of the proleptic Gregorian calendar, counted in days since 1970-01-01.
///
/// Exchange rates are quoted per day and orders are converted with the rate of their UTC day, so
/// the day is a plain integer: no time zone, no `Foundation.Calendar`. The conversions use Howard
/// Hinnant's `days_from_civil` / `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html).
public struct CalendarDay: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01 (which is 0); negative before it.
    public var daysSinceEpoch: Int32

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Parses exactly `YYYY-MM-DD`: ten characters, a real calendar date, year 1900 through 9999.
    ///
    /// Rejects anything else: "2024-1-01", "2024-01-01T00:00", "2023-02-29", " 2024-01-01".
    public init?(parsing text: String) {
        let bytes = text.utf8
        guard bytes.count == 10 else { return nil }
        var digits: [Int32] = []
        digits.reserveCapacity(8)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                digits.append(Int32(byte - UInt8(ascii: "0")))
            }
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[4] * 10 + digits[5]
        let day = digits[6] * 10 + digits[7]
        guard (1900...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        self.init(daysSinceEpoch: Self.daysFromCivil(year: year, month: month, day: day))
    }

    /// The UTC day containing the instant `unixMilliseconds` after 1970-01-01T00:00Z.
    ///
    /// Instants before the epoch round down: -1 ms is 1969-12-31.
    public init(unixMilliseconds: Int64) {
        let millisecondsPerDay: Int64 = 86_400_000
        var days = unixMilliseconds / millisecondsPerDay
        if unixMilliseconds % millisecondsPerDay < 0 { days -= 1 }  // floor, not truncation
        // Int64.min / 86_400_000 is about -1.07e11 days, outside Int32: clamp instead of trapping.
        self.init(daysSinceEpoch: Int32(clamping: days))
    }

    /// Today, as a UTC day.
    public static var today: CalendarDay {
        CalendarDay(unixMilliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// The date as `YYYY-MM-DD` (years outside 0...9999 keep their sign and digits).
    public var text: String {
        let (year, month, day) = Self.civilFromDays(daysSinceEpoch)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(11)
        if year < 0 { bytes.append(UInt8(ascii: "-")) }
        let absoluteYear = year.magnitude
        if absoluteYear < 1000 {
            Self.appendDigits(of: absoluteYear, width: 4, to: &bytes)
        } else {
            bytes.append(contentsOf: String(absoluteYear).utf8)
        }
        bytes.append(UInt8(ascii: "-"))
        Self.appendDigits(of: UInt32(month), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendDigits(of: UInt32(day), width: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first day of this day's month.
    public var monthStart: CalendarDay {
        let (year, month, _) = Self.civilFromDays(daysSinceEpoch)
        return CalendarDay(daysSinceEpoch: Self.daysFromCivil(year: Int32(year), month: Int32(month), day: 1))
    }

    /// The same day of the month `months` months later (earlier when negative), for the first
    /// day of a month; a later day is clamped to the end of the month (Jan 31 + 1 → Feb 28).
    public func addingMonths(_ months: Int) -> CalendarDay {
        let (year, month, day) = Self.civilFromDays(daysSinceEpoch)
        let index = year * 12 + Int64(month - 1) + Int64(months)
        let (newYear, newMonth) = (Int32(index >= 0 ? index / 12 : (index - 11) / 12), Int32(((index % 12) + 12) % 12) + 1)
        let clamped = min(Int32(day), Self.daysInMonth(year: newYear, month: newMonth))
        return CalendarDay(daysSinceEpoch: Self.daysFromCivil(year: newYear, month: newMonth, day: clamped))
    }

    /// The instant 00:00:00 UTC of this day, in milliseconds since the Unix epoch.
    public var startUnixMilliseconds: Int64 {
        Int64(daysSinceEpoch) * 86_400_000
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    // MARK: Civil calendar arithmetic

    private static func isLeapYear(_ year: Int32) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysInMonth(year: Int32, month: Int32) -> Int32 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Hinnant's `days_from_civil`, for a valid date.
    private static func daysFromCivil(year: Int32, month: Int32, day: Int32) -> Int32 {
        let y = month <= 2 ? year - 1 : year  // the computational year starts in March
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400  // [0, 399]
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // [0, 365]
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // [0, 146096]
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Hinnant's `civil_from_days`; 64-bit inside so every `Int32` day count works.
    private static func civilFromDays(_ days: Int32) -> (year: Int64, month: Int, day: Int) {
        let z = Int64(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097  // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365  // [0, 399]
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // [0, 365]
        let monthIndex = (5 * dayOfYear + 2) / 153  // [0, 11], March first
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, Int(month), Int(day))
    }

    private static func appendDigits(of value: some UnsignedInteger, width: Int, to bytes: inout [UInt8]) {
        var divisor: UInt64 = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = UInt64(value)
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
