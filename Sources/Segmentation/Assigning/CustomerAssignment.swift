import CLVModels
import CLVProto

/// Where one customer stands under a refresh's rules.
struct CustomerAssignment: Sendable {
    var customerID: String
    var market: String
    var channel: String
    /// Nil without a purchase.
    var rfm: RFMScores?
    var composite: Double?
    var segment: RFMSegment?
    var stage: CLVModels.LifecycleStage
    var tier: CLVModels.ValueTier
    var value: Double
    var probabilityAlive: Double?
    var warnings: [ChurnWarning]
    var driver: CLVModels.ChurnDriver?

    func proto(asOf: String, churnRisk: Double?) -> Assignment {
        Assignment(
            asOf: asOf,
            rfm: rfm.map { RFMScore(recency: UInt32($0.recency), frequency: UInt32($0.frequency), monetary: UInt32($0.monetary), composite: composite ?? 0) },
            segment: segment.map(Segment.init) ?? .unspecified, stage: CLVProto.LifecycleStage(stage), tier: CLVProto.ValueTier(tier),
            warnings: warnings.map(Warning.init), driver: driver.map(CLVProto.ChurnDriver.init) ?? .unspecified,
            churnRisk: churnRisk ?? 0, hasChurnRisk: churnRisk != nil, value: value)
    }
}

/// The rules' names on the wire: the generated enums share the rules' raw names.
extension Segment {
    init(_ segment: RFMSegment) { self = Segment(name: segment.rawValue) ?? .unspecified }
}

extension CLVProto.LifecycleStage {
    init(_ stage: CLVModels.LifecycleStage) { self = CLVProto.LifecycleStage(name: stage.rawValue) ?? .unspecified }
}

extension CLVProto.ValueTier {
    init(_ tier: CLVModels.ValueTier) { self = CLVProto.ValueTier(name: tier.rawValue) ?? .unspecified }
}

extension CLVProto.ChurnDriver {
    init(_ driver: CLVModels.ChurnDriver) { self = CLVProto.ChurnDriver(name: driver.rawValue) ?? .unspecified }
}

extension CLVProto.WarningCode {
    init(_ code: CLVModels.WarningCode) { self = CLVProto.WarningCode(name: code.rawValue) ?? .unspecified }
}

extension Warning {
    init(_ warning: ChurnWarning) {
        self.init(
            code: CLVProto.WarningCode(warning.code), severity: Severity(name: warning.severity.rawValue) ?? .unspecified,
            baseline: warning.baseline, current: warning.current, windowDays: UInt32(warning.windowDays), detail: warning.detail)
    }
}
