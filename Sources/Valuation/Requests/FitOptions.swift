import CLVModels
import CLVProto
import Ingestion
import RPC

/// A FitModel or EvaluateModel request, validated, with its defaults filled in.
struct FitOptions: Sendable {
    /// "bg_nbd" or "pareto_nbd".
    let purchaseModel: String
    /// "gamma_gamma" or "none".
    let spendModel: String
    let calibrationEnd: CalendarDay
    let timeUnit: CLVModels.TimeUnit

    static func purchaseModel(_ model: PurchaseModel) throws(RPCError) -> String {
        switch model {
        case .unspecified, .bgNBD: "bg_nbd"
        case .paretoNBD: "pareto_nbd"
        case .unrecognized(let number):
            throw RPCError.invalidArgument(field: "purchase_model", "\(number) is no purchase model: 1 BG/NBD or 2 Pareto/NBD")
        }
    }

    static func spendModel(_ model: SpendModel) throws(RPCError) -> String {
        switch model {
        case .unspecified, .gammaGamma: "gamma_gamma"
        case .none: "none"
        case .unrecognized(let number):
            throw RPCError.invalidArgument(field: "spend_model", "\(number) is no spend model: 1 Gamma-Gamma or 2 none")
        }
    }

    static func timeUnit(_ unit: CLVProto.TimeUnit) throws(RPCError) -> CLVModels.TimeUnit {
        switch unit {
        case .unspecified, .week: .week
        case .day: .day
        case .month: .month
        case .unrecognized(let number):
            throw RPCError.invalidArgument(field: "time_unit", "\(number) is no time unit: 1 day, 2 week or 3 month")
        }
    }

    static func protoTimeUnit(_ unit: CLVModels.TimeUnit) -> CLVProto.TimeUnit {
        switch unit {
        case .day: .day
        case .week: .week
        case .month: .month
        }
    }

    /// The day `text` names, today (UTC) when empty; INVALID_ARGUMENT naming `field` otherwise.
    static func day(_ text: String, field: String, today: CalendarDay) throws(RPCError) -> CalendarDay {
        if text.isEmpty { return today }
        guard let day = CalendarDay(parsing: text) else {
            throw RPCError.invalidArgument(field: field, "must be a date YYYY-MM-DD, got \"\(text.prefix(40))\"")
        }
        guard day <= today else {
            throw RPCError.invalidArgument(field: field, "\(text) is in the future")
        }
        return day
    }
}
