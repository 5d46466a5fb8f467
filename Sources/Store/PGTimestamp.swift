import struct Foundation.Date

/// `timestamptz` text in and out: ISO 8601 in UTC with microseconds, as PostgreSQL writes it with
/// `DateStyle=ISO` and `TimeZone=UTC` (set on every connection). Hand-written rather than a
/// formatter: it is on the hot path of every row and has to cope with years beyond 9999 and BC.
enum PGTimestamp {
    private static let microsPerDay: Int64 = 86_400_000_000
    /// 2001-01-01 (Date's reference) in microseconds since 1970. Arithmetic goes through the
    /// reference date, which Date stores, to avoid one rounding step.
    private static let referenceMicros: Int64 = 978_307_200_000_000

    /// `2024-01-02 03:04:05.123456+00`.
    static func format(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSinceReferenceDate * 1_000_000).rounded()) + referenceMicros
        let days = floorDivide(micros, microsPerDay)
        var rest = micros - days * microsPerDay
        let (year, month, day) = civil(fromDays: days)
        let hour = rest / 3_600_000_000
        rest %= 3_600_000_000
        let minute = rest / 60_000_000
        rest %= 60_000_000
        let second = rest / 1_000_000
        let fraction = rest % 1_000_000
        let isBC = year <= 0
        var text = pad(isBC ? 1 - year : year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        text += " " + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + "." + pad(fraction, 6) + "+00"
        return isBC ? text + " BC" : text
    }

    /// Reads `timestamptz`, `timestamp` (taken as UTC) or `date` text; nil when it is none of them.
    static func parse(_ text: String) -> Date? {
        switch text {
        case "infinity": return .distantFuture
        case "-infinity": return .distantPast
        default: break
        }
        var bytes = Array(text.utf8)
        var isBC = false
        if bytes.count > 3, bytes.suffix(3).elementsEqual(" BC".utf8) {
            isBC = true
            bytes.removeLast(3)
        }
        var scanner = Scanner(bytes: bytes)
        guard var year = scanner.number(minDigits: 4, maxDigits: 9), scanner.skip("-"),
            let month = scanner.number(minDigits: 2, maxDigits: 2), scanner.skip("-"),
            let day = scanner.number(minDigits: 2, maxDigits: 2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        if isBC { year = 1 - year }
        var micros = days(fromCivil: year, month, day) * microsPerDay
        if scanner.isAtEnd { return date(micros) }

        guard scanner.skip(" ") || scanner.skip("T"),
            let hour = scanner.number(minDigits: 2, maxDigits: 2), scanner.skip(":"),
            let minute = scanner.number(minDigits: 2, maxDigits: 2), scanner.skip(":"),
            let second = scanner.number(minDigits: 2, maxDigits: 2),
            hour <= 24, minute < 60, second <= 60
        else { return nil }
        micros += ((hour * 60 + minute) * 60 + second) * 1_000_000
        if scanner.skip(".") {
            guard let (fraction, digits) = scanner.fraction() else { return nil }
            micros += fraction * power10(6 - digits)
        }
        if scanner.skip("Z") {
            return scanner.isAtEnd ? date(micros) : nil
        }
        if let sign = scanner.sign() {
            guard let offsetHours = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
            var offsetSeconds = offsetHours * 3600
            if scanner.skip(":") || scanner.peekDigit {
                guard let offsetMinutes = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
                offsetSeconds += offsetMinutes * 60
                if scanner.skip(":") {
                    guard let offsetSecs = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
                    offsetSeconds += offsetSecs
                }
            }
            micros -= sign * offsetSeconds * 1_000_000
        }
        return scanner.isAtEnd ? date(micros) : nil
    }

    private static func date(_ micros: Int64) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(micros - referenceMicros) / 1_000_000)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func power10(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<max(exponent, 0) { result *= 10 }
        return result
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, year 0 = 1 BC).
    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// A cursor over ASCII bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }
        var peekDigit: Bool { index < bytes.count && (48...57).contains(bytes[index]) }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func sign() -> Int64? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }

        mutating func number(minDigits: Int, maxDigits: Int) -> Int64? {
            var value: Int64 = 0
            var count = 0
            while count < maxDigits, peekDigit {
                value = value * 10 + Int64(bytes[index] - 48)
                index += 1
                count += 1
            }
            return count >= minDigits ? value : nil
        }

        /// Up to six fractional digits (microseconds); further digits are dropped.
        mutating func fraction() -> (Int64, Int)? {
            var value: Int64 = 0
            var count = 0
            while peekDigit {
                if count < 6 {
                    value = value * 10 + Int64(bytes[index] - 48)
                    count += 1
                }
                index += 1
            }
            return count > 0 ? (value, count) : nil
        }
    }
}
