import CLVProto
import CSVImport
import Foundation
import Synchronization
import Testing

/// The rejects file as a person uses it: fresh each run, in line order, columns named as in the
/// file, hints in the CLI's words, no personal data in clear, and a summary of the reasons.
@Suite struct RejectsFileTests {
    private static let noWait = RetryPolicy(maxRetries: 3, initialBackoff: .zero, maxBackoff: .zero)

    private func rows(_ path: String) throws -> [[String]] {
        let source = try CSVRowSource(path: path)
        var rows: [[String]] = [source.header]
        while let row = try source.next() { rows.append(row.cells) }
        return rows
    }

    /// Today a clean run leaves the previous run's rejects file in place, as if it were its own.
    @Test func aCleanRunRemovesAnEarlierRunsFile() async throws {
        let file = try TemporaryFile("currency,date,rate\nUSD,2024-03-05,0.92\n", name: "rates.csv")
        let stale = file.sibling("rates.rejects.csv")
        try Data("line,field,reason,code\n9,rate,old,3\n".utf8).write(to: URL(fileURLWithPath: stale))
        let options = ImportOptions(kind: .rates, input: .file(path: file.path), retry: Self.noWait)
        let summary = try await CSVImporter<ExchangeRateRowMapper>(options: options, send: FakeIngestion<ExchangeRate>().send).run()
        #expect(summary.rejectsFile == nil)
        #expect(summary.staleRejectsRemoved)
        #expect(!FileManager.default.fileExists(atPath: stale))
    }

    /// Batch 2 is all client-side rejects and settles while batch 1 is still at the service;
    /// today its rows are written first.
    @Test func rowsAreWrittenInLineOrderWhateverOrderBatchesSettleIn() async throws {
        let counters = ImportCounters()
        let firstCall = Mutex(true)
        let service = FakeIngestion<Customer>(
            onCall: {
                guard firstCall.withLock({ let first = $0; $0 = false; return first }) else { return }
                // Hold batch 1 until batch 2 (rows 3 and 4, both without an id) has settled.
                while counters.rowsDone.load(ordering: .relaxed) < 2 { await Task.yield() }
            },
            reject: { $0.customerID == "c2" ? "unknown market XX" : nil })
        let file = try TemporaryFile("customer_id,market\nc1,DE\nc2,XX\n,DE\n,FR\nc5,DE\n", name: "customers.csv")
        let options = ImportOptions(kind: .customers, input: .file(path: file.path), batchSize: 2, inFlight: 4, retry: Self.noWait)
        let summary = try await CSVImporter<CustomerRowMapper>(options: options, counters: counters, send: service.send).run()
        #expect(summary.rejected == 3)
        #expect(try rows(try #require(summary.rejectsFile)).dropFirst().map(\.[0]) == ["3", "4", "5"])
    }

    @Test func reasonsNameTheColumnHintsSpeakTheCLIAndPersonalDataIsMasked() async throws {
        let text = "Kunde,Land,E-Mail,Telefon,Kosten,Waehrung\n"
            + "k1,DE,anna.schmidt@example.de,+49 170 1234567,12.505,EUR\n"
            + "k2,US,bob@example.com,555-0100,1.00,USD\n"
        let file = try TemporaryFile(text, name: "kunden.csv")
        let service = FakeIngestion<Customer>(
            rejectField: "acquisition_cost.currency",
            reject: { $0.customerID == "k2" ? "no exchange rate for USD on 2024-03-05 (to EUR); send it with UpsertExchangeRates first" : nil })
        let options = ImportOptions(
            kind: .customers, input: .file(path: file.path),
            mapping: try ColumnMapping(parsing: [
                "Kunde=customer_id", "Land=market", "E-Mail=email", "Telefon=phone", "Kosten=acquisition_cost",
                "Waehrung=acquisition_cost_currency",
            ]),
            retry: Self.noWait)
        let summary = try await CSVImporter<CustomerRowMapper>(options: options, send: service.send).run()
        let written = try rows(try #require(summary.rejectsFile))
        #expect(written[0] == ["line", "column", "reason", "code", "Kunde", "Land", "E-Mail", "Telefon", "Kosten", "Waehrung"])
        #expect(written[1] == [
            "2", "Kosten", "Kosten (acquisition_cost): '12.505' has more decimals than the currency's 2", "3",
            "k1", "DE", "a***@***.de", "***67", "12.505", "EUR",
        ])
        #expect(written[2][1] == "Kosten")
        #expect(written[2][2] == "Kosten (acquisition_cost.currency): no exchange rate for USD on 2024-03-05 (to EUR); import it first with clv import rates")
        #expect(written[2][6] == "b***@***.com")
        let all = try String(contentsOfFile: try #require(summary.rejectsFile), encoding: .utf8)
        #expect(!all.contains("anna.schmidt") && !all.contains("1234567") && !all.contains("bob@"))
    }

    @Test func theSummaryCountsRejectedRowsByReason() async throws {
        var text = "order_id,customer_id,placed_at,amount,currency\n"
        for number in 1...9 {
            text += number % 3 == 0 ? "o\(number),c1,2024-03-05,\(number).999,EUR\n" : "o\(number),c1,yesterday \(number),1.00,EUR\n"
        }
        let file = try TemporaryFile(text, name: "orders.csv")
        let options = ImportOptions(kind: .orders, input: .file(path: file.path), batchSize: 4, retry: Self.noWait)
        let summary = try await CSVImporter<OrderRowMapper>(options: options, send: FakeIngestion<Order>().send).run()
        #expect(summary.rejectReasons.map(\.count) == [6, 3])
        #expect(summary.rejectReasons[0].reason.hasPrefix("placed_at: '…' is not an instant"))
        #expect(summary.rejectReasons[1].reason == "amount: '…' has more decimals than the currency's 2")
    }
}
