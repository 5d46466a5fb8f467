import CLVProto
import CSVImport
import Foundation
import Testing

/// Whole imports through a fake service: every line and record accounted for, real exports
/// imported with options.
@Suite struct ImportAccountingTests {
    private static let noWait = RetryPolicy(maxRetries: 3, initialBackoff: .zero, maxBackoff: .zero)

    /// The rejects file's rows, as cells.
    private func rejectedRows(_ summary: ImportSummary) throws -> [[String]] {
        let source = try CSVRowSource(path: try #require(summary.rejectsFile))
        var rows: [[String]] = []
        while let row = try source.next() { rows.append(row.cells) }
        return rows
    }

    /// The issue's file: 10 customers, row 5 `SQ-5,DE,"5 inch`. Today: rows read 5, rejected 0,
    /// exit 0, rows 6–10 never stored.
    @Test func aStrayQuoteRejectsItsLineAndTheOtherNineAreStored() async throws {
        var text = "customer_id,market,attr.note\n"
        for number in 1...10 { text += number == 5 ? "SQ-5,DE,\"5 inch\n" : "SQ-\(number),DE,n\(number)\n" }
        let file = try TemporaryFile(text, name: "customers.csv")
        let service = FakeIngestion<Customer>()
        let options = ImportOptions(kind: .customers, input: .file(path: file.path), retry: Self.noWait)
        let summary = try await CSVImporter<CustomerRowMapper>(options: options, send: service.send).run()
        #expect(summary.rowsRead == 10)
        #expect(summary.inserted == 9)
        #expect(summary.rejected == 1)
        #expect(summary.reconciles)
        #expect(summary.lines == LineCounts(header: 1, inRecords: 10, blank: 0))
        #expect(await service.batches.flatMap { $0 }.map(\.customerID) == [1, 2, 3, 4, 6, 7, 8, 9, 10].map { "SQ-\($0)" })
        let rejected = try rejectedRows(summary)
        #expect(rejected.map { Array($0[0...2]) } == [["6", "", "the quote opened on line 6 is never closed"]])
    }

    /// The orders file: a stray quote opens a platform cell and another, rows later, closes
    /// it at a line end, so the cell counts match. Today the rows between vanish into one platform
    /// (and that row is rejected for an over-long platform).
    @Test func aQuotedCellSpanningLinesInAColumnOfOneLineIsAStrayQuote() async throws {
        var text = "order_id,customer_id,placed_at,amount,currency,platform\n"
        for number in 1...10 {
            let platform = number == 4 ? "\"web" : number == 9 ? "web\"" : "web"
            text += "o\(number),c1,2024-03-05,1.00,EUR,\(platform)\n"
        }
        let file = try TemporaryFile(text, name: "orders.csv")
        let service = FakeIngestion<Order>()
        let options = ImportOptions(kind: .orders, input: .file(path: file.path), retry: Self.noWait)
        let summary = try await CSVImporter<OrderRowMapper>(options: options, send: service.send).run()
        #expect(summary.rowsRead == 10)
        #expect(summary.inserted == 9)
        #expect(summary.reconciles)
        let stored = await service.batches.flatMap { $0 }
        #expect(stored.map(\.orderID) == [1, 2, 3, 5, 6, 7, 8, 9, 10].map { "o\($0)" })
        let rejected = try rejectedRows(summary)
        #expect(rejected.count == 1)
        #expect(rejected[0][0] == "5")
        #expect(rejected[0][2] == "the quote opened on line 5 closes only on line 10, but column 'platform' takes no line breaks; is a closing quote missing?")
    }

    @Test func theSummaryReconcilesInTextAndJSON() async throws {
        let text = "order_id,customer_id,placed_at,amount,currency,status\n\n"
            + "o1,c1,2024-03-05,1.00,EUR,paid\no2,c1,2024-03-05,x,EUR,paid\no3,c1,2024-03-05,1.00,EUR,pending\n"
            + "o4,c1,2024-03-05,1.00,EUR,paid\n\n"
        let file = try TemporaryFile(text, name: "orders.csv")
        let service = FakeIngestion<Order>(rejectField: "customer_id", reject: { $0.orderID == "o4" ? "unknown customer" : nil })
        let options = ImportOptions(
            kind: .orders, input: .file(path: file.path), retry: Self.noWait,
            valueMapping: try ValueMapping(parsing: ["status:paid=completed", "status:PENDING=skip"]))
        let summary = try await CSVImporter<OrderRowMapper>(options: options, send: service.send).run()
        #expect(summary.rowsRead == 4)
        #expect(summary.inserted == 1)
        #expect(summary.skipped == 1)
        #expect(summary.rejected == 2)
        #expect(summary.recordsText == "4 = 1 inserted + 0 updated + 0 unchanged + 1 skipped + 2 rejected (reconciled)")
        #expect(summary.rows.contains { $0 == ("lines", "7 = 1 header + 4 in records + 2 blank") })
        #expect(summary.rows.contains { $0.0 == "times" && $0.1.contains("UTC") })
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as! [String: Any]
        #expect(json["records"] as? Int == 4)
        #expect(json["skipped"] as? Int == 1)
        #expect(json["reconciles"] as? Bool == true)
        #expect((json["lines"] as? [String: Any])?["total"] as? Int == 7)
        #expect(json["timezone"] as? String == "UTC")
    }

    @Test func mapValueNamesAFieldTheFileHas() throws {
        let source = try CSVRowSource(text: "order_id,customer_id,placed_at,amount,currency\n")
        let options = ImportOptions(kind: .orders, input: .text(""), valueMapping: try ValueMapping(parsing: ["status:paid=completed"]))
        let error = #expect(throws: ImportSetupError.self) { try BatchReader<OrderRowMapper>(source: source, options: options) }
        #expect(error?.message.contains("--map-value names field status, which the file does not have") == true)
        #expect(throws: ImportSetupError.self) { try ValueMapping(parsing: ["status=paid"]) }
    }

    /// A Shopify-style export, which fails on every row today, imports with options and no edits.
    @Test func aShopifyStyleOrdersExportImportsWithOptions() async throws {
        let orders = ShopifyExport.orders(60)
        let file = try TemporaryFile(ShopifyExport.ordersCSV(orders), name: "orders_export.csv")
        let service = FakeIngestion<Order>()
        let options = ImportOptions(
            kind: .orders, input: .file(path: file.path), mapping: try ColumnMapping(parsing: ShopifyExport.columnMaps),
            ignoreUnknownColumns: true, batchSize: 16, retry: Self.noWait,
            valueMapping: try ValueMapping(parsing: ShopifyExport.valueMaps),
            formats: ValueFormats(time: Timestamp(zone: try #require(TimeZone(identifier: "America/New_York")))))
        let summary = try await CSVImporter<OrderRowMapper>(options: options, send: service.send).run()
        let pending = orders.filter { $0.status == "pending" }.count
        #expect(summary.rejected == 0)
        #expect(summary.skipped == pending)
        #expect(summary.inserted == orders.count - pending)
        #expect(summary.apostrophesRemoved == orders.count)
        #expect(summary.timezone == "America/New_York")
        #expect(summary.reconciles)
        let stored = await service.batches.flatMap { $0 }
        let first = try #require(stored.first)
        #expect(first.orderID == "#1001")
        #expect(first.customerID == "7012345678900")
        #expect(first.amount == Money(minorUnits: 100_050, currency: "USD"))
        #expect(first.placedAtUnixMs == 1_709_652_000_000)
        #expect(stored[1].amount == Money(minorUnits: 2190, currency: "EUR"))
        #expect(stored[2].amount == Money(minorUnits: 700, currency: "GBP"))
        // Index 3 has no offset: read in New York, the same instant as -0500.
        #expect(stored[3].placedAtUnixMs == 1_709_652_003_000)
        #expect(stored.first { $0.orderID == "#1007" }?.status == .refunded)
    }

    @Test func aLineItemExportIsRefusedSayingWhatToDo() async throws {
        let file = try TemporaryFile(ShopifyExport.lineItemsCSV(ShopifyExport.orders(5)), name: "line_items.csv")
        let service = FakeIngestion<Order>()
        let options = ImportOptions(
            kind: .orders, input: .file(path: file.path), mapping: try ColumnMapping(parsing: ShopifyExport.columnMaps),
            ignoreUnknownColumns: true, retry: Self.noWait, valueMapping: try ValueMapping(parsing: ShopifyExport.valueMaps))
        let error = await #expect(throws: ImportSetupError.self) {
            try await CSVImporter<OrderRowMapper>(options: options, send: service.send).run()
        }
        #expect(error?.message.contains("lines 2 and 3 are both order #1001 (the second without a currency)") == true)
        #expect(error?.message.contains("line-item export") == true)
        #expect(error?.message.contains("keep only the first row of each order") == true)
        #expect(await service.batches.isEmpty)
    }
}
