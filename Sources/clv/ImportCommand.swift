import ArgumentParser
import CSVImport
import Foundation
import RPC

/// `clv import KIND FILE`: streams a CSV file to the ingestion service.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Stream a CSV file of customers, orders, events or exchange rates to the server.",
        discussion: """
            The first row names the columns (UTF-8, comma-separated, RFC 4180 quoting; a BOM and \
            CRLF line ends are fine). Columns by kind:
              customers  customer_id, market, acquisition_channel, acquisition_cost \
            (or acquisition_cost_minor), acquisition_cost_currency, acquired_on, email, phone, attr.NAME
              orders     order_id, customer_id, placed_at, amount (or amount_minor), currency, \
            gross_margin (or gross_margin_minor), cost (or cost_minor), platform, item_count, \
            status (completed|cancelled|refunded|returned; default completed)
              events     event_id, customer_id, occurred_at, type (email_opened, ...), score, attr.NAME
              rates      currency, date, rate
            Amounts are decimal major units ("12.50"; no more decimals than the currency has); \
            *_minor columns take integer minor units. Times are YYYY-MM-DD (midnight UTC) or \
            YYYY-MM-DDTHH:MM:SS[.fff] with Z or ±HH:MM. An empty cell is an absent value.

            Rejected rows go to a CSV file (line, field, reason, code, then the row), created only \
            when some row is rejected. Exits 0 when every row was stored, 3 when some were \
            rejected, 1 when the import failed.
            """)

    @Argument(help: "customers, orders, events or rates.", transform: ImportCommand.parseKind)
    var kind: RecordKind

    @Argument(help: "The CSV file.")
    var file: String

    @Option(name: .customLong("map"), help: "Read column COLUMN as field FIELD (repeatable), e.g. \"Order Number=order_id\".")
    var maps: [String] = []

    @Option(help: "Rows per call.")
    var batchSize = 5000

    @Option(help: "Calls in flight at once on the connection.")
    var inFlight = 4

    @Option(help: "Times a batch is sent again after UNAVAILABLE or DEADLINE_EXCEEDED.")
    var retries = 5

    @Option(help: "Seconds one batch call may take.")
    var timeout: Double = 120

    @Option(help: "Where to write rejected rows (default: beside FILE, orders.csv → orders.rejects.csv).")
    var rejects: String?

    @Flag(help: "Skip columns that are no field instead of refusing the file.")
    var ignoreUnknownColumns = false

    @OptionGroup var connection: ConnectionOptions

    static func parseKind(_ text: String) throws -> RecordKind {
        guard let kind = RecordKind(rawValue: text.lowercased()) else {
            throw ValidationError("KIND must be one of \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
        }
        return kind
    }

    func validate() throws {
        guard batchSize > 0, inFlight > 0, retries >= 0, timeout > 0 else {
            throw ValidationError("--batch-size, --in-flight and --timeout must be > 0, --retries >= 0")
        }
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        do {
            _ = try ColumnMapping(parsing: maps)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let options = ImportOptions(
            kind: kind, input: .file(path: file), mapping: try ColumnMapping(parsing: maps),
            ignoreUnknownColumns: ignoreUnknownColumns, batchSize: batchSize, inFlight: inFlight,
            retry: RetryPolicy(maxRetries: retries), rejectsPath: rejects)
        do {
            // Check the header before connecting: a typo needs no server to be reported.
            _ = try ColumnLayout(
                header: CSVRowSource(path: file).header, kind: kind, mapping: options.mapping,
                ignoreUnknownColumns: ignoreUnknownColumns)
        } catch {
            Output.fail(error)
        }
        let summary: ImportSummary
        do {
            let connection = self.connection
            let slot = ConnectionSlot(client: try await connection.connect()) { try await connection.connect() }
            defer { Task { await slot.close() } }
            summary = try await kind.runImport(
                options, over: slot, callOptions: CallOptions(timeout: .milliseconds(Int(timeout * 1000))),
                progress: .forStandardError)
        } catch let failure as ImportFailure {
            try print(failure.summary)
            Output.fail(failure.underlying)
        } catch {
            Output.fail(error)
        }
        try print(summary)
        if summary.rejected > 0 { throw ExitCode(3) }
    }

    private func print(_ summary: ImportSummary) throws {
        if connection.json {
            try Output.json(summary)
        } else {
            Output.table(summary.rows)
        }
    }
}
