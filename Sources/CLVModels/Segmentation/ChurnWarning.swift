/// One early sign that a customer is slipping away, with the numbers that fired it.
/// `ChurnWarning.evaluate` (WarningRules.swift) produces them.
public struct ChurnWarning: Sendable, Hashable, Codable {
    public var code: WarningCode
    public var severity: WarningSeverity
    /// The comparison value before the recent window (its unit depends on `code`; see `detail`).
    public var baseline: Double
    /// The value in the recent window.
    public var current: Double
    /// The length of the recent window the rule looked at.
    public var windowDays: Int
    /// One human sentence with the numbers and units.
    public var detail: String

    public init(
        code: WarningCode, severity: WarningSeverity, baseline: Double, current: Double, windowDays: Int,
        detail: String
    ) {
        self.code = code
        self.severity = severity
        self.baseline = baseline
        self.current = current
        self.windowDays = windowDays
        self.detail = detail
    }
}
