/// The values at which the high and medium tiers start.
public struct ValueTierThresholds: Sendable, Hashable, Codable {
    /// A value at least this is high.
    public var high: Double
    /// A value at least this (and below `high`) is medium.
    public var medium: Double

    public init(high: Double, medium: Double) {
        self.high = high
        self.medium = medium
    }

    /// The tier of `value`.
    public func tier(_ value: Double) -> ValueTier {
        if value >= high { return .high }
        return value >= medium ? .medium : .low
    }
}
