import RPC
import Store
import Synchronization

/// The shop's base currency, stored once in `clv_settings` and remembered once read.
public final class BaseCurrencySetting: Sendable {
    static let settingKey = "base_currency"
    private let known = Mutex<String?>(nil)

    public init() {}

    /// The base currency, or nil when not set yet.
    public func current(on connection: PGConnection) throws(StoreError) -> String? {
        if let currency = known.withLock({ $0 }) { return currency }
        let rows = try connection.query("SELECT value FROM clv_settings WHERE key = $1", [.text(Self.settingKey)])
        guard let currency = rows.first?["value"] else { return nil }
        known.withLock { $0 = currency }
        return currency
    }

    /// The base currency and its minor-unit digits; FAILED_PRECONDITION when not set.
    func require(on connection: PGConnection) throws -> (code: String, digits: Int) {
        guard let code = try current(on: connection), let digits = CurrencyCatalog.minorUnitDigits(of: code) else {
            throw RPCError(
                code: .failedPrecondition,
                message: "the base currency is not set; call SetBaseCurrency (clv base-currency CODE) first")
        }
        return (code, digits)
    }

    /// Sets the base currency unless it is set; answers whether this call set it.
    func set(_ currency: String, on connection: PGConnection) throws -> Bool {
        let inserted = try connection.execute(
            "INSERT INTO clv_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
            [.text(Self.settingKey), .text(currency)])
        guard let stored = try current(on: connection) else {
            throw StoreError(.query, message: "base currency vanished after it was set")
        }
        if stored != currency {
            throw RPCError(
                code: .failedPrecondition,
                message: "the base currency is already \(stored); it is set once and cannot change")
        }
        return inserted == 1
    }
}
