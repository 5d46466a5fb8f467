import Foundation

/// The real current time, for records the service checks against its own clock.
enum WallClock {
    static let hour: Int64 = 3_600_000

    /// Now, in milliseconds since 1970-01-01T00:00:00Z.
    static var nowMilliseconds: Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
