import Foundation
import Ingestion

/// Instants and days as a file writes them, read exactly.
///
/// Hand-rolled rather than `ISO8601DateFormatter`: it runs once per row on files of millions of
/// rows, and this accepts exactly the forms below, nothing lenient.
public struct Timestamp: Sendable {
    /// How the file writes its times (`--time-format`).
    public var format: TimeFormat
    /// The zone of times written without an offset (`--timezone`).
    public var zone: TimeZone

    public init(format: TimeFormat = .iso, zone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.format = format
        self.zone = zone
    }

    /// The zone's name for people: its IANA identifier, UTC for UTC (Foundation calls it GMT).
    public var zoneName: String {
        zone.identifier == "GMT" ? "UTC" : zone.identifier
    }

    /// The instant `text` names, in milliseconds since the Unix epoch.
    ///
    /// - `iso`: `YYYY-MM-DD`, or `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]]` optionally followed
    ///   (after an optional space) by `Z`, `±HH:MM`, `±HHMM` or `±HH`; 1 to 9 fraction digits,
    ///   truncated to milliseconds.
    /// - `dd/mm/yyyy`, `mm/dd/yyyy`: that day (1- or 2-digit day and month), optionally followed
    ///   by a space and the time and offset as above.
    /// - `epoch-s`, `epoch-ms`: an integer (seconds may carry up to 3 decimals).
    ///
    /// A day alone is its midnight, and a time without an offset is a wall-clock time, both in `zone`.
    public func unixMilliseconds(parsing text: String) -> Int64? {
        switch format {
        case .epochMilliseconds:
            return Int64(text)
        case .epochSeconds:
            guard let milliseconds = try? DecimalAmount.minorUnits(text, digits: 3, field: "") else { return nil }
            return milliseconds
        case .iso, .dayMonthYear, .monthDayYear:
            guard let local = LocalTime(parsing: text, format: format) else { return nil }
            let wallClock = local.day.startUnixMilliseconds + local.millisecondsOfDay
            if let offset = local.offsetMinutes { return wallClock - offset * 60_000 }
            return wallClock - Int64(offsetSeconds(atWallClock: wallClock)) * 1000
        }
    }

    /// The calendar day `text` names, as `YYYY-MM-DD`: a day in this format, or the day of a
    /// time written with it (the day as written, whatever its offset; an epoch's day in `zone`).
    public func day(parsing text: String) -> String? {
        switch format {
        case .epochMilliseconds, .epochSeconds:
            guard let instant = unixMilliseconds(parsing: text) else { return nil }
            let local = instant + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant) / 1000))) * 1000
            return CalendarDay(unixMilliseconds: local).text
        case .iso, .dayMonthYear, .monthDayYear:
            return LocalTime(parsing: text, format: format)?.day.text
        }
    }

    /// What `zone`'s clocks are ahead of UTC at the wall-clock time `wallClock` (as if it were UTC).
    /// In the hour a clock change skips or repeats, it is one of the two offsets around it.
    private func offsetSeconds(atWallClock wallClock: Int64) -> Int {
        if zone.identifier == "UTC" || zone.identifier == "GMT" { return 0 }
        let guess = Date(timeIntervalSince1970: Double(wallClock) / 1000)
        let first = zone.secondsFromGMT(for: guess)
        let second = zone.secondsFromGMT(for: guess.addingTimeInterval(-Double(first)))
        return max(first, second)
    }
}

/// The forms of `--time-format`.
public enum TimeFormat: String, Sendable, CaseIterable {
    case iso
    case epochMilliseconds = "epoch-ms"
    case epochSeconds = "epoch-s"
    case dayMonthYear = "dd/mm/yyyy"
    case monthDayYear = "mm/dd/yyyy"

    /// How an instant looks in this format, for messages.
    var example: String {
        switch self {
        case .iso: "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS with an optional Z or ±HH:MM"
        case .epochMilliseconds: "milliseconds since 1970-01-01 UTC"
        case .epochSeconds: "seconds since 1970-01-01 UTC"
        case .dayMonthYear: "DD/MM/YYYY with an optional HH:MM[:SS]"
        case .monthDayYear: "MM/DD/YYYY with an optional HH:MM[:SS]"
        }
    }
}

/// A day, a time of day and maybe an offset, as written.
private struct LocalTime {
    var day: CalendarDay
    var millisecondsOfDay: Int64 = 0
    var offsetMinutes: Int64?

    init?(parsing text: String, format: TimeFormat) {
        var reader = ASCIIScanner(bytes: Array(text.utf8))
        switch format {
        case .dayMonthYear, .monthDayYear:
            guard let first = reader.digits(1...2), reader.take("/"), let second = reader.digits(1...2), reader.take("/"),
                let year = reader.digits(4...4)
            else { return nil }
            let (day, month) = format == .dayMonthYear ? (first, second) : (second, first)
            let iso = String(format: "%04d-%02d-%02d", Int(year), Int(month), Int(day))
            guard let parsed = CalendarDay(parsing: iso) else { return nil }
            self.day = parsed
            if reader.atEnd { return }
            guard reader.take(" ") else { return nil }
        default:
            guard text.utf8.count >= 10, let parsed = CalendarDay(parsing: String(decoding: text.utf8.prefix(10), as: UTF8.self)) else { return nil }
            self.day = parsed
            reader.position = 10
            if reader.atEnd { return }
            guard reader.take("T") || reader.take("t") || reader.take(" ") else { return nil }
        }
        guard let hour = reader.digits(2...2), hour < 24, reader.take(":"), let minute = reader.digits(2...2), minute < 60
        else { return nil }
        var second: Int64 = 0
        var milliseconds: Int64 = 0
        if reader.take(":") {
            guard let value = reader.digits(2...2), value < 60 else { return nil }
            second = value
            if reader.take(".") || reader.take(",") {
                var count = 0
                while let digit = reader.digit() {
                    count += 1
                    if count <= 3 { milliseconds = milliseconds * 10 + digit }
                }
                guard (1...9).contains(count) else { return nil }
                for _ in min(count, 3)..<3 { milliseconds *= 10 }
            }
        }
        millisecondsOfDay = ((hour * 60 + minute) * 60 + second) * 1000 + milliseconds
        if reader.atEnd { return }
        _ = reader.take(" ")
        if reader.take("Z") || reader.take("z") {
            offsetMinutes = 0
        } else if let sign: Int64 = reader.take("+") ? 1 : reader.take("-") ? -1 : nil,
            let offsetHour = reader.digits(2...2), offsetHour < 24
        {
            var offsetMinute: Int64 = 0
            if !reader.atEnd {
                let colon = reader.take(":")
                guard let value = reader.digits(2...2), value < 60, colon || reader.atEnd else { return nil }
                offsetMinute = value
            }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
        } else {
            return nil
        }
        guard reader.atEnd else { return nil }
    }
}

/// A cursor over ASCII bytes.
private struct ASCIIScanner {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    mutating func digit() -> Int64? {
        guard position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") else {
            return nil
        }
        position += 1
        return Int64(bytes[position - 1] - UInt8(ascii: "0"))
    }

    /// A number of `count` digits (as many as there are, up to the upper bound).
    mutating func digits(_ count: ClosedRange<Int>) -> Int64? {
        let start = position
        var value: Int64 = 0
        while position - start < count.upperBound, let digit = digit() { value = value * 10 + digit }
        guard count.contains(position - start) else { position = start; return nil }
        return value
    }
}
