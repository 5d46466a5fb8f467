import CLVProto
import Foundation
import Testing

@testable import clv

/// What the segmentation commands print: units on every figure, money in the currency's own
/// digits, CSV that survives any id.
@Suite struct SegmentationTablesTests {
    static func refresh(currency: String) -> Refresh {
        Refresh(
            refreshID: 7, asOf: "2026-12-01", cutPoints: RFMCutPoints(recencyDays: [14, 30, 61, 120], frequency: [1, 1, 2, 4], monetary: [2_500, 4_000, 6_050, 12_000]),
            highTierFrom: 123_456, mediumTierFrom: 50_000,
            valueBasis: ValueBasis(kind: "historical_revenue", baseCurrency: currency, description: "historical revenue to date, \(currency) minor units"),
            customers: 100, purchasers: 80, customersWithWarnings: 12, stageChanges: 5, previousRefreshID: 6, seconds: 0.25)
    }

    static func rows(_ refresh: Refresh) -> [String: String] {
        Dictionary(RefreshReport(refresh).rows, uniquingKeysWith: { first, _ in first })
    }

    @Test func cutPointsAndTiersCarryTheirUnits() {
        let euro = Self.rows(Self.refresh(currency: "EUR"))
        #expect(euro["recency cut points"] == "14, 30, 61, 120 days since the last purchase (R steps up below each)", "\(euro)")
        #expect(euro["frequency cut points"] == "1, 1, 2, 4 purchase days")
        #expect(euro["monetary cut points"] == "25.00, 40.00, 60.50, 120.00 EUR (average order)", "\(euro)")
        #expect(euro["high tier from"] == "1,234.56 EUR" && euro["medium tier from"] == "500.00 EUR")
        #expect(euro["customers"] == "100: 80 with a purchase, 12 with warnings, 5 changed stage")
        #expect(euro["value basis"]?.hasPrefix("historical revenue to date") == true && euro["value basis"]?.hasSuffix("; shown in EUR major units") == true)
        // The yen has no minor unit: 2,500 minor units are 2,500 yen.
        let yen = Self.rows(Self.refresh(currency: "JPY"))
        #expect(yen["monetary cut points"] == "2,500, 4,000, 6,050, 12,000 JPY (average order)", "\(yen)")
    }

    @Test func summaryRowsShowSharesAndMajorUnits() throws {
        let response = SegmentSummaryResponse(
            refresh: Self.refresh(currency: "EUR"),
            segments: [
                SummaryRow(name: "cant_lose_them", customers: 3, value: 123_450, valueShare: 0.5, averageValue: 41_150, customerShare: 0.125),
                SummaryRow(name: "champions", group: "DE", customers: 21, value: 1_000, valueShare: 0.0004, averageValue: 47.619, customerShare: 1),
            ])
        let report = SummaryReport(response)
        let lines = report.table("segment", report.segments).lines
        #expect(lines[0].hasPrefix("segment") && lines[0].contains("value (EUR)"), "\(lines)")
        let cant = try #require(lines.first { $0.hasPrefix("Can't Lose Them") })
        for cell in ["all", "12.5 %", "1,234.50", "50.0 %", "411.50"] { #expect(cant.contains(cell), "\(cant)") }
        let champions = try #require(lines.first { $0.hasPrefix("Champions") })
        for cell in [" DE ", "100.0 %", "10.00", "0.0 %", "0.48"] { #expect(champions.contains(cell), "\(champions)") }
        #expect(report.text.hasPrefix("refresh 7 as of 2026-12-01; value: historical revenue to date"))
        let json = try FiguresTests.json(report)
        #expect(json.contains("\"value_base_minor\" : 123450") && json.contains("\"customer_share\" : 0.125"), "\(json)")
    }

    @Test func tablesAlignTextLeftAndFiguresRight() {
        var table = TextTable([("name", .left), ("customers", .right)])
        table.append(["Lost", "7"])
        table.append(["About to Sleep", "1,024"])
        #expect(table.lines == ["name            customers", "Lost                    7", "About to Sleep      1,024"])
    }

    /// Ids with commas, quotes and line breaks stay one field; absent figures are empty fields.
    @Test func csvQuotesEveryTextField() {
        #expect(MembersCSV.quoted("a,\"b\"\nc") == "\"a,\"\"b\"\"\nc\"")
        #expect(MembersCSV.header.hasPrefix("\"customer_id\",\"market\",") && MembersCSV.header.hasSuffix("\"probability_alive\"\r\n"))
        let scored = MemberReport(
            SegmentMember(
                customerID: "x,\"1\"", market: "DE", acquisitionChannel: "", rfm: RFMScore(recency: 5, frequency: 4, monetary: 3, composite: 3.8),
                segment: .cantLoseThem, stage: .churned, tier: .high, value: 1_250, warnings: [.frequencyDrop, .abandonedCart], driver: .price,
                churnRisk: 0.75, hasChurnRisk: true))
        #expect(MembersCSV.line(scored) == "\"x,\"\"1\"\"\",\"DE\",\"\",5,4,3,3.8,\"cant_lose_them\",\"churned\",\"high\",1250.0,\"frequency_drop;abandoned_cart\",\"price\",0.75,\r\n")
        let prospect = MemberReport(SegmentMember(customerID: "p", stage: .prospect))
        #expect(MembersCSV.line(prospect) == "\"p\",\"\",\"\",,,,,\"\",\"prospect\",\"unspecified\",0.0,\"\",\"\",,\r\n")
        #expect(MembersCSV.header.split(separator: ",").count == MembersCSV.line(prospect).split(separator: ",", omittingEmptySubsequences: false).count)
    }

    @Test func memberCellsUseDisplayNamesAndPercent() {
        let member = MemberReport(
            SegmentMember(customerID: "c1", rfm: RFMScore(recency: 1, frequency: 5, monetary: 5, composite: 4), segment: .cantLoseThem, stage: .dormant,
                tier: .medium, value: 99_900, driver: .productQuality, churnRisk: 0.5, hasChurnRisk: true))
        let cells = member.cells { Format.money($0, currency: "EUR", named: false) }
        #expect(cells == ["c1", "—", "—", "1 5 5", "Can't Lose Them", "Dormant", "Medium", "999.00", "—", "Product quality", "50.0 %"])
    }
}
