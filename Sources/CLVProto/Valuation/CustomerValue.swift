/// `clv.valuation.v1.CustomerValue`: one customer's value card, computed at the call from their
/// current history, so it reflects every order stored before the call, scored or not.
///
/// Money is in minor units of the base currency; times are in `timeUnit`.
public struct CustomerValue: Sendable, Hashable {
    public var customerID: String
    public var market: String
    public var acquisitionChannel: String
    /// Meaningful only when `hasAcquisitionCost`.
    public var acquisitionCostBaseMinor: Int64
    public var hasAcquisitionCost: Bool
    public var baseCurrency: String

    // History.
    public var completedOrders: UInt64
    public var revenueBaseMinor: Int64
    public var averageOrderBaseMinor: Double
    /// YYYY-MM-DD; empty without a purchase.
    public var firstPurchase: String
    public var lastPurchase: String
    /// x: days with a purchase after the first.
    public var repeatPurchaseDays: UInt32
    /// t_x.
    public var recency: Double
    /// T, to today.
    public var age: Double

    // The model: the run's parameters applied to the current history.
    public var runID: Int64
    public var timeUnit: ProtoTimeUnit
    /// In `timeUnit`; `terms.horizonDays` in days.
    public var horizon: Double
    /// BG/NBD gives 1 to a customer without a repeat purchase, by construction.
    public var probabilityAlive: Double
    public var expectedPurchases: Double
    public var expectedAverageOrderBaseMinor: Double
    /// As `terms.marginRate`.
    public var marginRate: Double
    /// Discounted margin over the horizon.
    public var clvBaseMinor: Double
    /// The terms of the model figures, defaults filled in.
    public var terms: ValueTerms

    // The classic formulas, per year: lifespan = 1 / (1 − annual retention), churn at least 1 %.
    public var annualRetentionRate: Double
    public var lifespanYears: Double
    /// Revenue over the lifespan, undiscounted.
    public var historicalCLVBaseMinor: Double
    /// Margin over `retentionDiscountedYears` whole years, discounted.
    public var retentionDiscountedCLVBaseMinor: Double
    public var retentionDiscountedYears: UInt32
    /// Revenue over the lifespan less the acquisition cost; `nil` when that cost is unknown.
    public var netCLVBaseMinor: Double?

    /// Whether the customer was scored; the last stored score follows.
    public var hasStoredScore: Bool
    public var storedScoringID: Int64
    public var storedCLVBaseMinor: Double
    /// The terms of the stored score's scoring.
    public var storedTerms: ValueTerms?

    public init(
        customerID: String = "", market: String = "", acquisitionChannel: String = "",
        acquisitionCostBaseMinor: Int64 = 0, hasAcquisitionCost: Bool = false, baseCurrency: String = "",
        completedOrders: UInt64 = 0, revenueBaseMinor: Int64 = 0, averageOrderBaseMinor: Double = 0,
        firstPurchase: String = "", lastPurchase: String = "", repeatPurchaseDays: UInt32 = 0,
        recency: Double = 0, age: Double = 0, runID: Int64 = 0, timeUnit: ProtoTimeUnit = .unspecified,
        horizon: Double = 0, probabilityAlive: Double = 0, expectedPurchases: Double = 0,
        expectedAverageOrderBaseMinor: Double = 0, marginRate: Double = 0, clvBaseMinor: Double = 0,
        terms: ValueTerms = ValueTerms(), annualRetentionRate: Double = 0, lifespanYears: Double = 0,
        historicalCLVBaseMinor: Double = 0, retentionDiscountedCLVBaseMinor: Double = 0,
        retentionDiscountedYears: UInt32 = 0, netCLVBaseMinor: Double? = nil, hasStoredScore: Bool = false,
        storedScoringID: Int64 = 0, storedCLVBaseMinor: Double = 0, storedTerms: ValueTerms? = nil
    ) {
        self.customerID = customerID
        self.market = market
        self.acquisitionChannel = acquisitionChannel
        self.acquisitionCostBaseMinor = acquisitionCostBaseMinor
        self.hasAcquisitionCost = hasAcquisitionCost
        self.baseCurrency = baseCurrency
        self.completedOrders = completedOrders
        self.revenueBaseMinor = revenueBaseMinor
        self.averageOrderBaseMinor = averageOrderBaseMinor
        self.firstPurchase = firstPurchase
        self.lastPurchase = lastPurchase
        self.repeatPurchaseDays = repeatPurchaseDays
        self.recency = recency
        self.age = age
        self.runID = runID
        self.timeUnit = timeUnit
        self.horizon = horizon
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
        self.expectedAverageOrderBaseMinor = expectedAverageOrderBaseMinor
        self.marginRate = marginRate
        self.clvBaseMinor = clvBaseMinor
        self.terms = terms
        self.annualRetentionRate = annualRetentionRate
        self.lifespanYears = lifespanYears
        self.historicalCLVBaseMinor = historicalCLVBaseMinor
        self.retentionDiscountedCLVBaseMinor = retentionDiscountedCLVBaseMinor
        self.retentionDiscountedYears = retentionDiscountedYears
        self.netCLVBaseMinor = netCLVBaseMinor
        self.hasStoredScore = hasStoredScore
        self.storedScoringID = storedScoringID
        self.storedCLVBaseMinor = storedCLVBaseMinor
        self.storedTerms = storedTerms
    }
}
