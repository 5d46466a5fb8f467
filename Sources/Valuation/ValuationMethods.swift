import RPC

/// The methods of `clv.valuation.v1.Valuation` and the scopes they need.
public enum ValuationMethods {
    public static let serviceName = "clv.valuation.v1.Valuation"

    public static let fitModel = MethodDescriptor(service: serviceName, method: "FitModel")
    public static let scoreCustomers = MethodDescriptor(service: serviceName, method: "ScoreCustomers")
    public static let getCustomerValue = MethodDescriptor(service: serviceName, method: "GetCustomerValue")
    public static let valueReport = MethodDescriptor(service: serviceName, method: "ValueReport")
    public static let evaluateModel = MethodDescriptor(service: serviceName, method: "EvaluateModel")

    /// Fitting models and storing scores.
    public static let writeScope: AuthorizationScope = "valuation.write"
    /// Reading values, reports and evaluations.
    public static let readScope: AuthorizationScope = "valuation.read"
}
