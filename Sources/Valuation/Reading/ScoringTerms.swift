import CLVModels
import CLVProto
import Store

/// The terms a stored scoring valued customers with, read back from `valuation_scorings` (alias
/// `g`) and its run (alias `r`): the horizon is stored in the run's time unit.
enum ScoringTerms {
    static let columns = "g.horizon, g.annual_discount_rate, g.margin_rate, r.time_unit"

    static func read(_ row: PGRow) throws -> ValueTerms {
        let unit = CLVModels.TimeUnit(rawValue: try row.string("time_unit")) ?? .week
        return ValueTerms.setting(
            horizonDays: try row.double("horizon") * unit.days, annualDiscountRate: try row.double("annual_discount_rate"),
            marginRate: try row.double("margin_rate"))
    }
}
