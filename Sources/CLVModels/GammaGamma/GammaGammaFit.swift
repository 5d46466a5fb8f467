/// A fitted Gamma-Gamma model.
public struct GammaGammaFit: Sendable {
    public let parameters: GammaGammaParameters
    public let summary: FitSummary

    public var model: GammaGammaModel { GammaGammaModel(parameters: parameters) }
}
