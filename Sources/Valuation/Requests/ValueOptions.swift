import CLVModels
import CLVProto
import RPC

/// How values are computed from a run: horizon, discounting and margin, defaults filled in.
struct ValueOptions: Sendable {
    /// In the run's time unit.
    let horizon: Double
    let horizonDays: Double
    let annualDiscountRate: Double
    let marginRate: Double
    let discounting: DiscountedValue

    /// Validates the request's terms for `run`; an unset one takes its default (one year, 10 %,
    /// the run's observed margin or 1), a zero is used as zero.
    init(_ terms: ValueTerms?, run: ModelRunRecord) throws(RPCError) {
        let terms = terms ?? ValueTerms()
        let horizonDays = terms.setHorizonDays ?? ValueTerms.daysPerYear
        guard horizonDays.isFinite, horizonDays > 0, horizonDays <= Horizon.maximumDays else {
            throw RPCError.invalidArgument(field: "terms.horizon_days", "must be more than 0 and at most 100 years (36524.25 days)")
        }
        let annualDiscountRate = terms.setAnnualDiscountRate ?? 0.1
        guard annualDiscountRate.isFinite, annualDiscountRate >= 0, annualDiscountRate <= 1 else {
            throw RPCError.invalidArgument(field: "terms.annual_discount_rate", "must be a fraction from 0 to 1 (100 %)")
        }
        let marginRate = terms.setMarginRate ?? (run.observedMarginRate > 0 ? run.observedMarginRate : 1)
        guard marginRate.isFinite, marginRate >= 0, marginRate <= 1 else {
            throw RPCError.invalidArgument(field: "terms.margin_rate", "must be a fraction from 0 to 1 (100 %)")
        }
        self.horizonDays = horizonDays
        self.annualDiscountRate = annualDiscountRate
        self.marginRate = marginRate
        horizon = run.timeUnit.fromDays(horizonDays)
        discounting = DiscountedValue(
            horizon: horizon, discountRatePerUnit: DiscountedValue.ratePerUnit(annualRate: annualDiscountRate, unit: run.timeUnit))
    }

    /// The terms used, every one set.
    var terms: ValueTerms {
        ValueTerms.setting(horizonDays: horizonDays, annualDiscountRate: annualDiscountRate, marginRate: marginRate)
    }

    /// The horizon in whole years, at least one: the periods of the classic retention formula.
    /// (Three years in days divided back may exceed 3 by a rounding bit: that is not a fourth year.)
    var horizonYears: Int {
        max(Int((horizonDays / ValueTerms.daysPerYear - 1e-9).rounded(.up)), 1)
    }
}
