import CLVProto

/// Everything the demo shop sends to the ingestion service.
public struct DemoShopData: Sendable {
    public var rates: [ExchangeRate] = []
    public var customers: [Customer] = []
    public var orders: [Order] = []
    public var events: [Event] = []
}
