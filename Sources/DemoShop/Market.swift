import CLVModels

/// A market of the demo shop: where customers live, what they pay in, and how they behave.
public struct Market: Sendable {
    /// ISO 3166-1 alpha-2.
    public let country: String
    public let currency: String
    /// Units of the currency per euro, around which the daily rate moves.
    let perEuro: Double
    /// Share of new customers.
    let share: Double
    /// Purchases in weeks.
    let purchases: BGNBDParameters
    /// Spend per purchase day, in euro cents.
    let spend: GammaGammaParameters

    /// Cross-border: the home market buys most and stays longest; far markets buy less often,
    /// spend more per order and drop out sooner.
    static let all = [
        Market(country: "DE", currency: "EUR", perEuro: 1, share: 0.34,
               purchases: BGNBDParameters(r: 0.7, alpha: 9, a: 0.7, b: 3.2), spend: GammaGammaParameters(p: 6, q: 4, gamma: 3_750)),
        Market(country: "FR", currency: "EUR", perEuro: 1, share: 0.18,
               purchases: BGNBDParameters(r: 0.6, alpha: 10, a: 0.8, b: 2.8), spend: GammaGammaParameters(p: 6, q: 4, gamma: 3_500)),
        Market(country: "GB", currency: "GBP", perEuro: 0.85, share: 0.16,
               purchases: BGNBDParameters(r: 0.55, alpha: 10, a: 0.9, b: 2.6), spend: GammaGammaParameters(p: 5.5, q: 3.8, gamma: 4_250)),
        Market(country: "US", currency: "USD", perEuro: 1.08, share: 0.14,
               purchases: BGNBDParameters(r: 0.4, alpha: 12, a: 1.0, b: 2.2), spend: GammaGammaParameters(p: 5, q: 3.5, gamma: 5_500)),
        Market(country: "SE", currency: "SEK", perEuro: 11.4, share: 0.1,
               purchases: BGNBDParameters(r: 0.6, alpha: 11, a: 0.8, b: 3.0), spend: GammaGammaParameters(p: 6, q: 4, gamma: 3_250)),
        Market(country: "JP", currency: "JPY", perEuro: 160, share: 0.08,
               purchases: BGNBDParameters(r: 0.35, alpha: 14, a: 1.1, b: 2.0), spend: GammaGammaParameters(p: 4.5, q: 3.2, gamma: 6_500)),
    ]
}
