import Synchronization
import CLVProto
import CSVImport
import Foundation
import RPC
import Testing

@Suite struct CSVImporterTests {
    private static let noWait = RetryPolicy(maxRetries: 3, initialBackoff: .zero, maxBackoff: .zero)

    /// `count` customers c1, c2, ...; every fifth has market XX (the fake service rejects it),
    /// every seventh has no id (the client rejects it), and c3 has a note spanning three lines.
    private static func customers(_ count: Int) -> String {
        var text = "customer_id,market,attr.note\r\n"
        for number in 1...count {
            let id = number % 7 == 0 ? "" : "c\(number)"
            let market = number % 5 == 0 ? "XX" : "DE"
            let note = number == 3 ? "\"first\nsecond\nthird\"" : "n\(number)"
            text += "\(id),\(market),\(note)\r\n"
        }
        return text
    }

    /// The first line of row `number` in `customers(_:)`: rows after c3 start two lines later.
    private static func line(ofRow number: Int) -> Int { number + 1 + (number > 3 ? 2 : 0) }

    @Test func serverRejectionsLeadBackToTheirLinesThroughEachBatch() async throws {
        let file = try TemporaryFile(Self.customers(23), name: "customers.csv")
        let service = FakeIngestion<Customer>(reject: { $0.market == "XX" ? "unknown market XX" : nil })
        let options = ImportOptions(kind: .customers, input: .file(path: file.path), batchSize: 4, inFlight: 2, retry: Self.noWait)
        let summary = try await CSVImporter<CustomerRowMapper>(options: options, send: service.send).run()

        #expect(summary.rowsRead == 23)
        #expect(summary.rejectedClientSide == 3)  // 7, 14, 21
        #expect(summary.rejectedServerSide == 4)  // 5, 10, 15, 20
        #expect(summary.inserted == 16)
        #expect(summary.rejectsFile == file.sibling("customers.rejects.csv"))
        #expect(await service.batches.flatMap { $0 }.count == 20)
        #expect(await service.batches.flatMap { $0 }.first { $0.customerID == "c3" }?.attributes == ["note": "first\nsecond\nthird"])

        let source = try CSVRowSource(path: try #require(summary.rejectsFile))
        #expect(source.header == ["line", "column", "reason", "code", "customer_id", "market", "attr.note"])
        var rejected: [(line: String, field: String, id: String)] = []
        while let row = try source.next() { rejected.append((row.cells[0], row.cells[1], row.cells[4])) }
        let expected = [5, 7, 10, 14, 15, 20, 21].map { number in
            (String(Self.line(ofRow: number)), number % 7 == 0 ? "customer_id" : "market", number % 7 == 0 ? "" : "c\(number)")
        }
        #expect(rejected.sorted { Int($0.line)! < Int($1.line)! }.map { "\($0.line) \($0.field) \($0.id)" }
            == expected.map { "\($0.0) \($0.1) \($0.2)" })
    }

    @Test func aCleanImportWritesNoRejectsFile() async throws {
        let file = try TemporaryFile("currency,date,rate\nUSD,2024-03-05,0.92\nJPY,2024-03-05,0.0061\n", name: "rates.csv")
        let service = FakeIngestion<ExchangeRate>()
        let options = ImportOptions(kind: .rates, input: .file(path: file.path), retry: Self.noWait)
        let summary = try await CSVImporter<ExchangeRateRowMapper>(options: options, send: service.send).run()
        #expect(summary.inserted == 2)
        #expect(summary.rejected == 0)
        #expect(summary.rejectsFile == nil)
        #expect(!FileManager.default.fileExists(atPath: file.sibling("rates.rejects.csv")))
    }

    @Test func unavailableAndDeadlineExceededAreRetried() async throws {
        let service = FakeIngestion<ExchangeRate>(failFirstCallsWith: [
            RPCError(code: .unavailable, message: "connection closed"),
            RPCError(code: .deadlineExceeded, message: "deadline exceeded"),
        ])
        let options = ImportOptions(kind: .rates, input: .text("currency,date,rate\nUSD,2024-03-05,0.92\n"), retry: Self.noWait)
        let summary = try await CSVImporter<ExchangeRateRowMapper>(options: options, send: service.send).run()
        #expect(summary.retries == 2)
        #expect(summary.inserted == 1)
        #expect(await service.batches.count == 1)
    }

    @Test func retriesRunOutAndTheImportFails() async throws {
        let service = FakeIngestion<ExchangeRate>(
            failFirstCallsWith: Array(repeating: RPCError(code: .unavailable, message: "down"), count: 4))
        let options = ImportOptions(kind: .rates, input: .text("currency,date,rate\nUSD,2024-03-05,0.92\n"), retry: Self.noWait)
        let failure = await #expect(throws: ImportFailure.self) {
            try await CSVImporter<ExchangeRateRowMapper>(options: options, send: service.send).run()
        }
        #expect((failure?.underlying as? RPCError)?.code == .unavailable)
    }

    @Test func otherErrorsAreNotRetried() async throws {
        let service = FakeIngestion<ExchangeRate>(failFirstCallsWith: [RPCError(code: .permissionDenied, message: "no scope")])
        let options = ImportOptions(kind: .rates, input: .text("currency,date,rate\nUSD,2024-03-05,0.92\n"), retry: Self.noWait)
        let failure = await #expect(throws: ImportFailure.self) {
            try await CSVImporter<ExchangeRateRowMapper>(options: options, send: service.send).run()
        }
        #expect((failure?.underlying as? RPCError)?.code == .permissionDenied)
        #expect(await service.batches.isEmpty)
    }

    @Test func aBadHeaderStopsTheImportBeforeAnythingIsSent() async throws {
        let service = FakeIngestion<ExchangeRate>()
        let options = ImportOptions(kind: .rates, input: .text("currency,day,rate\nUSD,2024-03-05,0.92\n"))
        await #expect(throws: ImportSetupError.self) {
            try await CSVImporter<ExchangeRateRowMapper>(options: options, send: service.send).run()
        }
        #expect(await service.batches.isEmpty)
    }

    @Test func theReaderStaysWithinTheWindowOfBatchesInFlight() async throws {
        let counters = ImportCounters()
        let batchSize = 10
        let inFlight = 2
        let total = 2000
        let aheadAtFirstStall = Mutex<Int?>(nil)
        // Every call holds until the reader has run into the window (or, were there none, to the
        // end of the file); the first to pass notes how far it had read ahead of the settled rows.
        let service = FakeIngestion<Customer>(onCall: {
            while counters.readerStalls.load(ordering: .relaxed) == 0 && counters.rowsRead.load(ordering: .relaxed) < total {
                await Task.yield()
            }
            let ahead = counters.rowsRead.load(ordering: .relaxed) - counters.rowsDone.load(ordering: .relaxed)
            aheadAtFirstStall.withLock { $0 = $0 ?? ahead }
        })
        let rows = (1...total).map { "c\($0),DE" }.joined(separator: "\n")
        let options = ImportOptions(
            kind: .customers, input: .text("customer_id,market\n" + rows), batchSize: batchSize, inFlight: inFlight)
        let summary = try await CSVImporter<CustomerRowMapper>(options: options, counters: counters, send: service.send).run()
        #expect(summary.inserted == total)
        // In flight, handed over and waiting, and the one the reader is filling.
        let ahead = try #require(aheadAtFirstStall.withLock { $0 })
        #expect(ahead <= (inFlight + 2) * batchSize)
        #expect(counters.readerStalls.load(ordering: .relaxed) > 0)
    }
}
