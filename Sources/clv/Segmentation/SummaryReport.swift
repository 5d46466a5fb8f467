import CLVProto

/// A segment summary as `clv segments summary` prints it: money in base-currency minor units.
struct SummaryReport: Encodable {
    struct Row: Encodable {
        let name: String
        /// The market or channel; empty for the overall rows.
        let group: String
        let customers: UInt64
        let customerShare: Double
        let valueBaseMinor: Double
        let valueShare: Double
        let averageValueBaseMinor: Double

        init(_ row: SummaryRow) {
            name = row.name
            group = row.group
            customers = row.customers
            customerShare = row.customerShare
            valueBaseMinor = row.value
            valueShare = row.valueShare
            averageValueBaseMinor = row.averageValue
        }
    }
    let refresh: RefreshReport
    /// "market", "channel", or "unspecified" for overall rows only.
    let by: String
    let segments: [Row]
    let stages: [Row]
    let tiers: [Row]
    let drivers: [Row]
    let warnings: [Row]

    init(_ response: SegmentSummaryResponse) {
        refresh = RefreshReport(response.refresh ?? Refresh())
        by = response.by.name
        segments = response.segments.map(Row.init)
        stages = response.stages.map(Row.init)
        tiers = response.tiers.map(Row.init)
        drivers = response.drivers.map(Row.init)
        warnings = response.warnings.map(Row.init)
    }

    var text: String {
        var lines = ["\(refresh.title); value: \(refresh.valueBasis.text)"]
        for (facet, rows) in [("segment", segments), ("stage", stages), ("tier", tiers), ("driver", drivers), ("warning", warnings)] {
            lines.append("")
            lines.append(contentsOf: table(facet, rows).lines)
        }
        return lines.joined(separator: "\n")
    }

    /// One facet's rows; `facet` heads the name column.
    func table(_ facet: String, _ rows: [Row]) -> TextTable {
        let currency = refresh.valueBasis.baseCurrency.isEmpty ? "" : " (\(refresh.valueBasis.baseCurrency))"
        var table = TextTable([
            (facet, .left), ("group", .left), ("customers", .right), ("customers %", .right), ("value" + currency, .right),
            ("value %", .right), ("average" + currency, .right),
        ])
        for row in rows {
            table.append([
                SegmentationNames.display(row.name), row.group.isEmpty ? "all" : row.group, String(row.customers),
                Format.percent(row.customerShare), refresh.valueBasis.money(row.valueBaseMinor), Format.percent(row.valueShare),
                refresh.valueBasis.money(row.averageValueBaseMinor),
            ])
        }
        return table
    }
}
