import Foundation
import Ingestion

/// Today as a UTC calendar day: ages are measured to it.
enum Today {
    static var day: CalendarDay {
        CalendarDay(unixMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
    }
}
