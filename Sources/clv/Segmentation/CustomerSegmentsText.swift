/// The segments card for people: current beside stored, then warnings, evidence, facts and the
/// stage history.
extension CustomerSegmentsReport {
    var text: String {
        let money = { (minor: Double) in Format.money(minor, currency: refresh.valueBasis.baseCurrency) }
        var sides = TextTable([("", .left), ("current (\(current?.asOf ?? "—"))", .left), ("stored (\(refresh.title))", .left)])
        let cells: [(String, (AssignmentReport) -> String)] = [
            ("RFM", { $0.rfm.map { "R \($0.recency) F \($0.frequency) M \($0.monetary)" } ?? "— (no purchase)" }),
            ("composite", { $0.rfm.map { Format.number($0.composite, significant: 3) } ?? "—" }),
            ("segment", { SegmentationNames.display($0.segment) }),
            ("stage", { SegmentationNames.display($0.stage) }),
            ("tier", { SegmentationNames.display($0.tier) }),
            ("value", { money($0.valueBaseMinor) }),
            ("churn risk", { $0.churnRisk.map(Format.percent) ?? "—" }),
            ("driver", { SegmentationNames.display($0.driver) }),
            ("warnings", { String($0.warnings.count) }),
        ]
        for (label, cell) in cells {
            sides.append([label, current.map(cell) ?? "—", stored.map(cell) ?? "not in the refresh"])
        }
        var lines = ["segments of \(customerId); value: \(refresh.valueBasis.text)"] + sides.lines
        let warnings = current?.warnings ?? []
        lines.append("")
        lines.append(warnings.isEmpty ? "warnings: none" : "warnings:")
        for warning in warnings {
            lines.append("  \(warning.severity.uppercased()) \(SegmentationNames.display(warning.code)): \(warning.detail)")
        }
        lines.append("dominant driver: \(SegmentationNames.display(current?.driver ?? ""))")
        let evidence = facts.evidence.sorted { $0.key < $1.key }.map { "\(SegmentationNames.display($0.key)) \(Format.count(Int($0.value), "event"))" }
        lines.append("evidence: " + (evidence.isEmpty ? "none" : evidence.joined(separator: ", ")))
        lines.append("")
        var factTable = TextTable([("facts", .left), ("", .left)])
        for row in factRows(money: money) { factTable.append([row.0, row.1]) }
        lines.append(contentsOf: factTable.lines)
        lines.append("")
        lines.append(stageHistory.isEmpty ? "stage history: no change recorded" : "stage history (most recent first):")
        for change in stageHistory {
            lines.append("  \(change.asOf) (refresh \(change.refreshId)): \(SegmentationNames.display(change.from)) → \(SegmentationNames.display(change.to))")
        }
        return lines.joined(separator: "\n")
    }

    private func factRows(money: (Double) -> String) -> [(String, String)] {
        [
            ("market / channel", "\(facts.market.isEmpty ? "—" : facts.market) / \(facts.acquisitionChannel.isEmpty ? "—" : facts.acquisitionChannel)"),
            ("purchases", facts.firstPurchaseOn.map { "first \($0), last \(facts.lastPurchaseOn ?? $0)" } ?? "none"),
            ("recency", Format.count(Int(facts.recencyDays), "day") + " since the last purchase"),
            ("tenure", Format.count(Int(facts.tenureDays), "day") + " since the first purchase"),
            ("frequency", Format.count(Int(facts.frequency), "purchase day")),
            ("orders", "\(Format.count(Int(facts.completedOrders), "completed order")), revenue \(money(Double(facts.revenueBaseMinor))), average \(money(facts.averageOrderBaseMinor))"),
            ("P(alive)", facts.probabilityAlive.map(Format.percent) ?? "— (no valuation run)"),
            ("churn model", churnModelId == 0 ? "none" : String(churnModelId)),
        ]
    }
}
