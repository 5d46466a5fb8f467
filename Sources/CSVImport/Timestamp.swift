import Ingestion

/// Strict ISO 8601 / RFC 3339 instants as milliseconds since the Unix epoch.
///
/// Hand-rolled rather than `ISO8601DateFormatter`: it runs once per row on files of millions of
/// rows, and this accepts exactly the forms below, nothing lenient.
public enum Timestamp {
    /// Parses one of:
    /// - `YYYY-MM-DD`: midnight UTC of that day;
    /// - `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, `T` or a space between date and time,
    ///   1 to 9 fraction digits (truncated to milliseconds).
    ///
    /// A time without `Z` or an offset is refused: its instant would depend on a time zone the
    /// file does not name.
    public static func unixMilliseconds(parsing text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let day = CalendarDay(parsing: String(decoding: bytes[0..<10], as: UTF8.self)) else {
            return nil
        }
        if bytes.count == 10 { return day.startUnixMilliseconds }
        var reader = Scanner(bytes: bytes, position: 10)
        guard reader.take("T") || reader.take("t") || reader.take(" "),
            let hour = reader.twoDigits(), hour < 24, reader.take(":"),
            let minute = reader.twoDigits(), minute < 60, reader.take(":"),
            let second = reader.twoDigits(), second < 60
        else { return nil }
        var milliseconds: Int64 = 0
        if reader.take(".") {
            var count = 0
            while let digit = reader.digit() {
                count += 1
                if count <= 3 { milliseconds = milliseconds * 10 + Int64(digit) }
            }
            guard (1...9).contains(count) else { return nil }
            for _ in min(count, 3)..<3 { milliseconds *= 10 }
        }
        var offsetMinutes: Int64 = 0
        if reader.take("Z") || reader.take("z") {
            // UTC
        } else if let sign: Int64 = reader.take("+") ? 1 : reader.take("-") ? -1 : nil,
            let offsetHour = reader.twoDigits(), offsetHour < 24, reader.take(":"),
            let offsetMinute = reader.twoDigits(), offsetMinute < 60
        {
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
        } else {
            return nil
        }
        guard reader.atEnd else { return nil }
        let secondsOfDay = hour * 3600 + minute * 60 + second
        return day.startUnixMilliseconds + secondsOfDay * 1000 + milliseconds - offsetMinutes * 60_000
    }

    /// A cursor over ASCII bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var position: Int

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

        mutating func twoDigits() -> Int64? {
            guard let tens = digit(), let units = digit() else { return nil }
            return tens * 10 + units
        }
    }
}
