import CLVModels

/// A fit with the model it is of, as stored in a run's `fits` column.
struct NamedFit: Codable, Sendable {
    /// "bg_nbd", "pareto_nbd" or "gamma_gamma".
    let model: String
    let summary: FitSummary
}
