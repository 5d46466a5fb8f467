/// One early sign that a customer is slipping away, with the numbers that fired it.
/// `ChurnWarning.evaluate` (WarningRules.swift) produces them.
public struct ChurnWarning: Sendable, Hashable, Codable {
    public var code: WarningCode
    public var severity: WarningSeverity
    /// The comparison value: before the recent window, or 0 where there is none (see `detail`).
    public var baseline: Double
    /// The value in the recent window.
    public var current: Double
    /// The length of the window the rule looked at.
    public var windowDays: Int
    /// Set only when the sentence was given (decoded, or passed to `init`); otherwise `detail`
    /// is written from the numbers on demand. A refresh evaluates a million customers and
    /// reads few sentences: building them all would cost more than the rules themselves.
    private var givenDetail: String?

    /// One human sentence with the numbers and units.
    public var detail: String {
        get { givenDetail ?? Self.sentence(code, baseline: baseline, current: current, windowDays: windowDays) }
        set { givenDetail = newValue }
    }

    /// `detail` nil: the standard sentence for the numbers.
    public init(
        code: WarningCode, severity: WarningSeverity, baseline: Double, current: Double, windowDays: Int,
        detail: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.baseline = baseline
        self.current = current
        self.windowDays = windowDays
        self.givenDetail = detail
    }

    private enum CodingKeys: String, CodingKey {
        case code, severity, baseline, current, windowDays, detail
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(WarningCode.self, forKey: .code),
            severity: try container.decode(WarningSeverity.self, forKey: .severity),
            baseline: try container.decode(Double.self, forKey: .baseline),
            current: try container.decode(Double.self, forKey: .current),
            windowDays: try container.decode(Int.self, forKey: .windowDays),
            detail: try container.decodeIfPresent(String.self, forKey: .detail))
    }

    /// Always writes `detail`, given or not.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(severity, forKey: .severity)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(current, forKey: .current)
        try container.encode(windowDays, forKey: .windowDays)
        try container.encode(detail, forKey: .detail)
    }

    /// Equal when the numbers and the sentence are: a given sentence equal to the standard one
    /// makes no difference.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.code == rhs.code && lhs.severity == rhs.severity && lhs.baseline == rhs.baseline
            && lhs.current == rhs.current && lhs.windowDays == rhs.windowDays && lhs.detail == rhs.detail
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(severity)
        hasher.combine(baseline)
        hasher.combine(current)
        hasher.combine(windowDays)
        hasher.combine(detail)
    }
}
