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
            Amounts are decimal major units ("12.50", "$1,234.50", "120.00 EUR"; a symbol or code \
            must agree with the row's currency; no more decimals than the currency has; \
            --decimal-comma for "1.234,50"); *_minor columns take integer minor units. Times are \
            ISO 8601 (YYYY-MM-DD, or YYYY-MM-DD[T ]HH:MM[:SS[.fff]] with Z, ±HH:MM, ±HHMM or no \
            offset: then read in --timezone, default UTC), or as --time-format says. Currency and \
            market codes may be in any case; a leading apostrophe of an id is removed. An empty \
            cell is an absent value.

            Every line of the file is accounted for: the summary shows lines = header + in records \
            + blank, and records = inserted + updated + unchanged + skipped + rejected. A quote \
            that is never closed rejects the line where it opened, and reading goes on. \
            Rejected rows go to a CSV file (line, column, reason, code, then the row; e-mail and \
            phone masked), in line order, written fresh each run. Exits 0 when every row was \
            stored or skipped, 3 when some were rejected, 1 when the import failed.
            """)

    @Argument(help: "customers, orders, events or rates.", transform: ImportCommand.parseKind)
    var kind: RecordKind

    @Argument(help: "The CSV file.")
    var file: String

    @Option(name: .customLong("map"), help: "Read column COLUMN as field FIELD (repeatable), e.g. \"Order Number=order_id\".")
    var maps: [String] = []

    @Option(
        name: .customLong("map-value"),
        help: "Replace value FROM of field FIELD by TO (repeatable), e.g. status:paid=completed; TO=skip leaves such rows out.")
    var valueMaps: [String] = []

    @Option(help: "The time zone of times written without an offset (an IANA name such as Europe/Berlin).")
    var timezone = "UTC"

    @Option(help: "How times are written: iso (the default), epoch-ms, epoch-s, dd/mm/yyyy or mm/dd/yyyy.", transform: ImportCommand.parseTimeFormat)
    var timeFormat: TimeFormat = .iso

    @Flag(help: "Amounts use a decimal comma and group thousands with '.' (1.234,50).")
    var decimalComma = false

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

    static func parseTimeFormat(_ text: String) throws -> TimeFormat {
        guard let format = TimeFormat(rawValue: text.lowercased()) else {
            throw ValidationError("--time-format must be one of \(TimeFormat.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
        }
        return format
    }

    func validate() throws {
        guard batchSize > 0, inFlight > 0, retries >= 0, timeout > 0 else {
            throw ValidationError("--batch-size, --in-flight and --timeout must be > 0, --retries >= 0")
        }
        guard TimeZone(identifier: timezone) != nil else {
            throw ValidationError("--timezone: unknown time zone '\(timezone)'; use an IANA name such as UTC, Europe/Berlin or America/New_York")
        }
        do {
            _ = try ColumnMapping(parsing: maps)
            _ = try ValueMapping(parsing: valueMaps)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let options = ImportOptions(
            kind: kind, input: .file(path: file), mapping: try ColumnMapping(parsing: maps),
            ignoreUnknownColumns: ignoreUnknownColumns, batchSize: batchSize, inFlight: inFlight,
            retry: RetryPolicy(maxRetries: retries), rejectsPath: rejects, valueMapping: try ValueMapping(parsing: valueMaps),
            formats: ValueFormats(
                time: Timestamp(format: timeFormat, zone: TimeZone(identifier: timezone)!), decimalComma: decimalComma))
        do {
            // Check the file and header before connecting: a typo needs no server to be reported.
            let layout = try ColumnLayout(
                header: CSVRowSource(path: file).header, kind: kind, mapping: options.mapping,
                ignoreUnknownColumns: ignoreUnknownColumns)
            _ = try options.valueMapping.byColumn(in: layout)
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
            return
        }
        Output.table(summary.rows)
        guard !summary.rejectReasons.isEmpty else { return }
        Swift.print("\nrejected rows by reason (every problem of a row counts):")
        let shown = summary.rejectReasons.prefix(10)
        let width = String(shown.map(\.count).max() ?? 0).count
        for reason in shown {
            Swift.print("  " + String(repeating: " ", count: width - String(reason.count).count) + "\(reason.count)  \(reason.reason)")
        }
        if summary.rejectReasons.count > shown.count {
            Swift.print("  … \(summary.rejectReasons.count - shown.count) more reasons in \(summary.rejectsFile ?? "the rejects file")")
        }
    }
}
