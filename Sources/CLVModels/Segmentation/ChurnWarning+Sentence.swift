extension ChurnWarning {
    /// The standard `detail` of a warning: what was measured, in which window, with units.
    static func sentence(_ code: WarningCode, baseline: Double, current: Double, windowDays: Int) -> String {
        let window = "in the last \(windowDays) days"
        switch code {
        case .frequencyDrop:
            return "\(text(current)) purchase days per 30 days \(window), down from \(text(baseline)) before "
                + "(\(percentChange(baseline, current)))"
        case .orderValueDrop:
            return "average order \(text(current)) base-currency minor units \(window), down from \(text(baseline)) "
                + "before (\(percentChange(baseline, current)))"
        case .engagementDrop:
            return "\(text(current)) email opens, clicks and site visits \(window), down from \(text(baseline)) "
                + "in the \(windowDays) days before"
        case .issuesRising:
            return "\(text(current)) complaints, returns and negative reviews \(window), up from \(text(baseline)) "
                + "in the \(windowDays) days before"
        case .paymentTrouble:
            return "\(counted(current, "failed payment or cancelled order", "failed payments or cancelled orders")) "
                + window
        case .abandonedCart:
            let ago = current == 0 ? "today" : "\(counted(current, "day", "days")) ago"
            return "cart abandoned \(ago) with no order since"
        }
    }

    /// One decimal, without a trailing ".0"; no Foundation formatter needed.
    private static func text(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        guard rounded.isFinite, abs(rounded) < 1e15 else { return "\(value)" }
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }

    private static func counted(_ count: Double, _ one: String, _ many: String) -> String {
        count == 1 ? "1 \(one)" : "\(text(count)) \(many)"
    }

    private static func percentChange(_ baseline: Double, _ current: Double) -> String {
        guard baseline > 0 else { return "new" }
        return "\(Int(((current / baseline - 1) * 100).rounded())) %"
    }
}
