import ArgumentParser
import CLVProto
import Valuation

// The options' values by the names a user types. ArgumentParser prints a CaseIterable enum's raw
// value as its default and in its list, and the proto enums' raw values are wire numbers
// (`--model` showed "(default: 1)"), so each option has a small enum of names of its own.

/// `--model`.
enum PurchaseModelName: String, CaseIterable, ExpressibleByArgument {
    case bgnbd
    case paretoNBD = "pareto-nbd"

    init?(argument: String) {
        switch argument.lowercased() {
        case "bgnbd", "bg-nbd", "bg_nbd": self = .bgnbd
        case "pareto-nbd", "paretonbd", "pareto_nbd": self = .paretoNBD
        default: return nil
        }
    }

    var proto: PurchaseModel { self == .bgnbd ? .bgNBD : .paretoNBD }
}

/// `--spend`.
enum SpendModelName: String, CaseIterable, ExpressibleByArgument {
    case gammaGamma = "gamma-gamma"
    case none

    init?(argument: String) {
        switch argument.lowercased() {
        case "gamma-gamma", "gammagamma", "gamma_gamma": self = .gammaGamma
        case "none": self = .none
        default: return nil
        }
    }

    var proto: SpendModel { self == .none ? .none : .gammaGamma }
}

/// `--time-unit`.
enum TimeUnitName: String, CaseIterable, ExpressibleByArgument {
    case day, week, month

    init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    var proto: CLVProto.TimeUnit {
        switch self {
        case .day: .day
        case .week: .week
        case .month: .month
        }
    }
}

/// `--by`.
enum GroupingName: String, CaseIterable, ExpressibleByArgument {
    case market, channel

    init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    var proto: Grouping { self == .market ? .market : .channel }
}

/// Horizon, discount and margin, shared by `clv score` and `clv value`. Each is optional: left
/// out, the service's default applies (and is named in the answer); given, it is used as given,
/// zero included.
struct ValueArguments: ParsableArguments {
    @Option(help: "Model run to use (default: the latest).")
    var run: Int64?

    @Option(
        help: ArgumentHelp("Horizon with its unit: 3y, 36m, 156w or 1095d (default: 1y).", valueName: "span"),
        transform: { try Horizon(parsing: $0) })
    var horizon: Horizon?

    @Option(
        help: ArgumentHelp("Annual discount rate: 10% or 0.1; 0 for undiscounted (default: 10%).", valueName: "rate"),
        transform: { try Rate.parse($0, name: "discount") })
    var discount: Double?

    @Option(
        help: ArgumentHelp(
            "Gross margin over revenue: 35% or 0.35; 100% values revenue (default: the margin observed on orders, else 100%).",
            valueName: "rate"),
        transform: { try Rate.parse($0, name: "margin") })
    var margin: Double?

    var terms: ValueTerms {
        ValueTerms.setting(horizonDays: horizon?.days, annualDiscountRate: discount, marginRate: margin)
    }
}
