import CLVModels
import CLVProto

/// Everything the demo shop sends to the ingestion service.
public struct DemoShopData: Sendable {
    public var rates: [ExchangeRate] = []
    public var customers: [Customer] = []
    public var orders: [Order] = []
    public var events: [Event] = []
    /// Why each churner left: customer id → the cause their last months show. Churners are the
    /// customers who dropped out before the end of the history; survivors are not in it.
    public var trueCauses: [String: CLVModels.ChurnDriver] = [:]
}
