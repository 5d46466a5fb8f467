/// A fitted BG/NBD model.
public struct BGNBDFit: Sendable {
    public let parameters: BGNBDParameters
    public let summary: FitSummary
    public let timeUnit: TimeUnit

    public var model: BGNBDModel { BGNBDModel(parameters: parameters) }
}
