import ArgumentParser
import CLVProto

extension PurchaseModel: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "bgnbd", "bg-nbd", "bg_nbd": self = .bgNBD
        case "pareto-nbd", "paretonbd", "pareto_nbd": self = .paretoNBD
        default: return nil
        }
    }
    public static var allValueStrings: [String] { ["bgnbd", "pareto-nbd"] }
}

extension SpendModel: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "gamma-gamma", "gammagamma", "gamma_gamma": self = .gammaGamma
        case "none": self = .none
        default: return nil
        }
    }
    public static var allValueStrings: [String] { ["gamma-gamma", "none"] }
}

extension ProtoTimeUnit: ExpressibleByArgument {
    public init?(argument: String) {
        guard let unit = ProtoTimeUnit(name: argument), unit != .unspecified else { return nil }
        self = unit
    }
    public static var allValueStrings: [String] { ["day", "week", "month"] }
}

extension Grouping: ExpressibleByArgument {
    public init?(argument: String) {
        guard let grouping = Grouping(name: argument), grouping != .unspecified else { return nil }
        self = grouping
    }
    public static var allValueStrings: [String] { ["market", "channel"] }
}

/// Horizon, discount and margin, shared by `clv score` and `clv value`.
struct ValueArguments: ParsableArguments {
    @Option(help: "Model run to use (default: the latest).")
    var run: Int64 = 0

    @Option(help: "Horizon in the run's time unit (default: one year).")
    var horizon: Double = 0

    @Option(help: "Annual discount rate, e.g. 0.1 for 10 % (default 0.1).")
    var discount: Double = 0

    @Option(help: "Margin over revenue, 0–1 (default: the margin observed on orders, else 1).")
    var margin: Double = 0
}
