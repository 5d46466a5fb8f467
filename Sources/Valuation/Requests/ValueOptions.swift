import CLVModels
import RPC

/// How values are computed from a run: horizon, discounting and margin, defaults filled in.
struct ValueOptions: Sendable {
    /// In the run's time unit.
    let horizon: Double
    let annualDiscountRate: Double
    let marginRate: Double
    let discounting: DiscountedValue

    static let maximumHorizonYears = 100.0

    /// Validates the request's values for `run`; zero means the default.
    init(horizon: Double, annualDiscountRate: Double, marginRate: Double, run: ModelRunRecord) throws(RPCError) {
        let unit = run.timeUnit
        guard horizon.isFinite, horizon >= 0 else { throw RPCError.invalidArgument(field: "horizon", "must be a positive number of time units") }
        // Beyond a century the figures mean nothing, and the yearly sums would run for ever.
        guard unit.days * horizon <= Self.maximumHorizonYears * 365.2425 else {
            throw RPCError.invalidArgument(
                field: "horizon", "must be at most \(Int(Self.maximumHorizonYears)) years (\(Int(unit.fromDays(Self.maximumHorizonYears * 365.2425))) \(unit.rawValue)s)")
        }
        guard annualDiscountRate.isFinite, annualDiscountRate >= 0, annualDiscountRate < 10 else {
            throw RPCError.invalidArgument(field: "annual_discount_rate", "must be between 0 and 10 (1000 %)")
        }
        guard marginRate.isFinite, marginRate >= 0, marginRate <= 1 else {
            throw RPCError.invalidArgument(field: "margin_rate", "must be between 0 and 1")
        }
        self.horizon = horizon == 0 ? unit.fromDays(365.2425) : horizon
        self.annualDiscountRate = annualDiscountRate == 0 ? 0.1 : annualDiscountRate
        self.marginRate = marginRate != 0 ? marginRate : run.observedMarginRate > 0 ? run.observedMarginRate : 1
        discounting = DiscountedValue(
            horizon: self.horizon, discountRatePerUnit: DiscountedValue.ratePerUnit(annualRate: self.annualDiscountRate, unit: unit))
    }
}
