import CLVProto

/// What "value" means in a refresh's tiers and summaries, as `--json` prints it.
struct ValueBasisReport: Encodable {
    /// "predicted_clv" or "historical_revenue".
    let kind: String
    let scoringId: Int64
    let horizonDays: Double
    let annualDiscountRate: Double
    let marginRate: Double
    let baseCurrency: String
    let description: String

    init(_ basis: ValueBasis?) {
        let basis = basis ?? ValueBasis()
        kind = basis.kind
        scoringId = basis.scoringID
        horizonDays = basis.horizonDays
        annualDiscountRate = basis.annualDiscountRate
        marginRate = basis.marginRate
        baseCurrency = basis.baseCurrency
        description = basis.description
    }

    /// The server's line, with where the tables' money is printed: major units, not minor.
    var text: String {
        let money = baseCurrency.isEmpty ? "money in major units" : "money in \(baseCurrency) (major units)"
        return (description.isEmpty ? kind.replacingOccurrences(of: "_", with: " ") : description) + "; tables show \(money)"
    }

    /// Minor units of the base currency as people read them, without the code.
    func money(_ minor: Double) -> String {
        Format.money(minor, currency: baseCurrency, named: false)
    }
}
