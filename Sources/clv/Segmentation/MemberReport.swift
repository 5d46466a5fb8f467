import CLVProto

/// A segment member as `clv segments members` prints it; value in base-currency minor units.
struct MemberReport: Encodable {
    let customerId: String
    let market: String
    let acquisitionChannel: String
    /// R, F and M scores 1-5 and the composite; null without a purchase.
    @NullWhenUnknown var rfm: RFMReport?
    let segment: String
    let stage: String
    let tier: String
    let valueBaseMinor: Double
    let warnings: [String]
    let driver: String
    @NullWhenUnknown var churnRisk: Double?
    @NullWhenUnknown var probabilityAlive: Double?

    init(_ member: SegmentMember) {
        customerId = member.customerID
        market = member.market
        acquisitionChannel = member.acquisitionChannel
        rfm = member.rfm.map(RFMReport.init)
        // Empty for none: a customer without a purchase has no segment, one without evidence no driver.
        segment = member.segment == .unspecified ? "" : member.segment.name
        stage = member.stage.name
        tier = member.tier.name
        valueBaseMinor = member.value
        warnings = member.warnings.map(\.name)
        driver = member.driver == .unspecified ? "" : member.driver.name
        churnRisk = member.hasChurnRisk ? member.churnRisk : nil
        probabilityAlive = member.hasProbabilityAlive ? member.probabilityAlive : nil
    }

    static let columns: [(String, TextTable.Alignment)] = [
        ("customer", .left), ("market", .left), ("channel", .left), ("R F M", .left), ("segment", .left), ("stage", .left),
        ("tier", .left), ("value", .right), ("warnings", .left), ("driver", .left), ("churn risk", .right),
    ]

    /// The table's cells; `money` formats the value.
    func cells(money: (Double) -> String) -> [String] {
        [
            customerId, market.isEmpty ? "—" : market, acquisitionChannel.isEmpty ? "—" : acquisitionChannel, rfm?.text ?? "—",
            SegmentationNames.display(segment), SegmentationNames.display(stage), SegmentationNames.display(tier), money(valueBaseMinor),
            warnings.isEmpty ? "—" : warnings.joined(separator: ","), SegmentationNames.display(driver),
            churnRisk.map(Format.percent) ?? "—",
        ]
    }
}

/// RFM scores 1-5 and the weighted composite on the same scale.
struct RFMReport: Encodable {
    let recency: UInt32
    let frequency: UInt32
    let monetary: UInt32
    let composite: Double

    init(_ score: RFMScore) {
        recency = score.recency
        frequency = score.frequency
        monetary = score.monetary
        composite = score.composite
    }

    /// "5 3 4".
    var text: String { "\(recency) \(frequency) \(monetary)" }
}
