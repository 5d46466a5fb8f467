import CSVImport
import Foundation
import Testing

@Suite struct RejectsWriterTests {
    @Test func writesLineFieldReasonCodeThenTheRowQuotedProperly() throws {
        let file = try TemporaryFile("", name: "orders.csv")
        let layout = try ColumnLayout(header: ["customer_id", "note"], kind: .customers, ignoreUnknownColumns: true)
        let writer = RejectsWriter(path: RejectsWriter.defaultPath(for: file.path), layout: layout)
        try writer.write([
            RejectedRow(line: 2, field: "amount", reason: "'1,5' is not a decimal amount", code: 3, cells: ["o1", "say \"hi\""], clientSide: true),
        ])
        try writer.write([
            RejectedRow(line: 7, field: "", reason: "x", code: 9, cells: ["o2", "two\nlines"], clientSide: false),
        ])
        try writer.close()
        #expect(writer.path == file.sibling("orders.rejects.csv"))
        #expect(writer.count == 2)
        let text = try String(contentsOfFile: writer.path, encoding: .utf8)
        #expect(text == #"""
            line,column,reason,code,customer_id,note
            2,amount,"amount: '1,5' is not a decimal amount",3,o1,"say ""hi"""
            7,,x,9,o2,"two
            lines"

            """#)
        // And it reads back as the same cells.
        let source = try CSVRowSource(path: writer.path)
        #expect(try source.next()?.cells == ["2", "amount", "amount: '1,5' is not a decimal amount", "3", "o1", "say \"hi\""])
    }

    @Test func noRejectedRowNoFile() throws {
        let file = try TemporaryFile("", name: "rates.csv")
        let writer = RejectsWriter(path: file.sibling("rates.rejects.csv"), layout: try ColumnLayout(header: ["currency", "date", "rate"], kind: .rates))
        try writer.write([])
        try writer.close()
        #expect(!writer.created)
        #expect(!FileManager.default.fileExists(atPath: writer.path))
    }

    @Test func defaultPathSitsBesideTheInput() {
        #expect(RejectsWriter.defaultPath(for: "/data/orders.csv") == "/data/orders.rejects.csv")
        #expect(RejectsWriter.defaultPath(for: "/data/orders.CSV") == "/data/orders.rejects.csv")
        #expect(RejectsWriter.defaultPath(for: "export.txt") == "export.txt.rejects.csv")
    }

    @Test func personalDataIsMaskedAndReasonsCountTogetherWithoutTheirValues() {
        #expect(RejectsWriter.mask("anna.schmidt@example.de") == "a***@***.de")
        #expect(RejectsWriter.mask("+49 170 1234567") == "***67")
        #expect(RejectsWriter.mask("n/a") == "***")
        #expect(RejectsWriter.withoutValues("Total (amount): '1,5' has a ',' that does not group thousands; the currency's 2")
            == "Total (amount): '…' has a '…' that does not group thousands; the currency's 2")
        #expect(RejectsWriter.inCLIWords("no exchange rate for USD on 2024-03-05 (to EUR); send it with UpsertExchangeRates first")
            == "no exchange rate for USD on 2024-03-05 (to EUR); import it first with clv import rates")
    }
}
