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

    /// The server's line (which speaks of minor units, as the wire does), and how the tables
    /// print the money: in major units.
    var text: String {
        let shown = baseCurrency.isEmpty ? "major units" : "\(baseCurrency) major units"
        return (description.isEmpty ? kind.replacingOccurrences(of: "_", with: " ") : description) + "; shown in \(shown)"
    }

    /// Minor units of the base currency as people read them, without the code.
    func money(_ minor: Double) -> String {
        Format.money(minor, currency: baseCurrency, named: false)
    }
}
