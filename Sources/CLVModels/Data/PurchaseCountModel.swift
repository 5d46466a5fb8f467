/// Either purchase-count model, applied through one interface.
public enum PurchaseCountModel: Sendable {
    case bgNBD(BGNBDModel)
    case paretoNBD(ParetoNBDModel)

    /// "bg_nbd" or "pareto_nbd".
    public var name: String {
        switch self {
        case .bgNBD: "bg_nbd"
        case .paretoNBD: "pareto_nbd"
        }
    }

    /// The parameters in the model's order (r, α, a, b or r, α, s, β).
    public var parameterValues: [Double] {
        switch self {
        case .bgNBD(let model): [model.parameters.r, model.parameters.alpha, model.parameters.a, model.parameters.b]
        case .paretoNBD(let model): [model.parameters.r, model.parameters.alpha, model.parameters.s, model.parameters.beta]
        }
    }

    /// The model named `name` with `values` in its order; nil for another name or count.
    public init?(name: String, values: [Double]) {
        guard values.count == 4 else { return nil }
        switch name {
        case "bg_nbd": self = .bgNBD(BGNBDModel(parameters: BGNBDParameters(r: values[0], alpha: values[1], a: values[2], b: values[3])))
        case "pareto_nbd":
            self = .paretoNBD(ParetoNBDModel(parameters: ParetoNBDParameters(r: values[0], alpha: values[1], s: values[2], beta: values[3])))
        default: return nil
        }
    }

    public func probabilityAlive(_ history: PurchaseHistory) -> Double {
        switch self {
        case .bgNBD(let model): model.probabilityAlive(history)
        case .paretoNBD(let model): model.probabilityAlive(history)
        }
    }

    public func expectedPurchases(_ history: PurchaseHistory, horizon: Double) -> Double {
        switch self {
        case .bgNBD(let model): model.expectedPurchases(history, horizon: horizon)
        case .paretoNBD(let model): model.expectedPurchases(history, horizon: horizon)
        }
    }

    /// Fits the model named `name` ("bg_nbd" or "pareto_nbd") to `data`.
    public static func fit(_ name: String, _ data: GroupedHistories, timeUnit: TimeUnit) throws(ModelError) -> (PurchaseCountModel, FitSummary) {
        switch name {
        case "bg_nbd":
            let fit = try BGNBDFitter().fit(data, timeUnit: timeUnit)
            return (.bgNBD(fit.model), fit.summary)
        case "pareto_nbd":
            let fit = try ParetoNBDFitter().fit(data, timeUnit: timeUnit)
            return (.paretoNBD(fit.model), fit.summary)
        default:
            throw .invalidInput("unknown purchase model \(name)")
        }
    }
}
