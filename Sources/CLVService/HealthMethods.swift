import RPC

/// The methods of `clv.health.v1.Health`.
public enum HealthMethods {
    public static let serviceName = "clv.health.v1.Health"
    public static let check = MethodDescriptor(service: serviceName, method: "Check")
}
