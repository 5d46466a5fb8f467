/// One customer's repeat-purchase history as the count models see it.
///
/// Time starts at the customer's first purchase. Purchases on the same day count once, so
/// `frequency` is the number of distinct purchase periods after the first.
public struct PurchaseHistory: Hashable, Sendable {
    /// x: repeat purchase periods.
    public var frequency: Int
    /// t_x: time from the first to the last purchase (0 when `frequency` is 0).
    public var recency: Double
    /// T: time from the first purchase to the end of the calibration period.
    public var age: Double

    public init(frequency: Int, recency: Double, age: Double) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
    }

    /// Why this history cannot be used, or nil when it can.
    public var problem: String? {
        if frequency < 0 { return "frequency is negative" }
        if !recency.isFinite || !age.isFinite { return "recency and age must be finite" }
        if recency < 0 { return "recency is negative" }
        if age < recency { return "age is shorter than recency" }
        if frequency == 0 && recency != 0 { return "recency must be 0 without repeat purchases" }
        if frequency > 0 && recency <= 0 { return "recency must be positive with repeat purchases" }
        return nil
    }
}
