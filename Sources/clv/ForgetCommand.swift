import ArgumentParser
import CLVProto
import CLVStubs
import Foundation
import Ingestion
import RPC

/// `clv forget`: erases customers, every stored row that names them, in chunks of one
/// transaction each through `ForgetCustomers`.
struct ForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase customers: every stored row that names them, in every table.",
        usage: """
            clv forget CUSTOMER_ID ...
            clv forget --file IDS.txt
            clv forget -                  (ids on standard input, one per line)
            clv forget --prefix PREFIX [--yes]
            """,
        discussion: """
            Ids are erased in chunks of 1,000, each chunk in its own transaction; a run cut short \
            leaves whole chunks erased and can be run again (ids already erased are reported as not \
            found). Prints the rows removed per table, the customers erased, and the ids that no row \
            named. --prefix erases every customer whose id starts with PREFIX, after showing how \
            many and asking for confirmation (--yes skips the question; without a terminal, --yes \
            is required). Exits 1 when no id named any stored row.
            """)

    @Argument(help: ArgumentHelp("Customer ids; '-' reads them from standard input, one per line.", valueName: "customer-id"))
    var customerIDs: [String] = []

    @Option(help: "A file of customer ids, one per line (blank lines are skipped).")
    var file: String?

    @Option(help: "Erase every customer whose id starts with this text.")
    var prefix: String?

    @Flag(help: "With --prefix: erase without asking.")
    var yes = false

    @OptionGroup var connection: ConnectionOptions

    /// Ids per call: one server chunk, so each call is one transaction and one progress line.
    static let idsPerCall = 1_000
    /// Ids per `ListCustomerIds` page (the most the server gives): a shorter page is the last.
    static let idsPerPage: UInt32 = 10_000

    func validate() throws {
        let sources = [!customerIDs.isEmpty, file != nil, prefix != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError("give customer ids, '-', --file FILE or --prefix PREFIX (exactly one of them)")
        }
        if customerIDs.contains("-") && customerIDs.count > 1 {
            throw ValidationError("'-' reads the ids from standard input; give no other id with it")
        }
        if let prefix, prefix.isEmpty {
            throw ValidationError("--prefix must not be empty (it would erase every customer)")
        }
        if yes && prefix == nil { throw ValidationError("--yes only applies to --prefix") }
    }

    /// The JSON form of the answer.
    struct Report: Encodable {
        let customersErased: UInt64
        let notFound: [String]
        let removed: [String: UInt64]
        let totalRows: UInt64
        let chunks: UInt64
        let seconds: Double
    }

    func run() async throws {
        let ids: [String]
        do {
            ids = try readIDs()
        } catch {
            Output.fail(error)
        }
        var tally = Tally()
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            let ingestion = IngestionRPC.Client(client: client)
            let targets: [String]
            if let prefix {
                targets = try await Self.listAll(prefix: prefix, ingestion)
                guard try confirm(targets, prefix: prefix) else {
                    Self.note("nothing erased")
                    return
                }
            } else {
                targets = ids
            }
            let started = ContinuousClock.now
            var lastNote = started
            var start = 0
            while start < targets.count {
                let chunk = Array(targets[start..<min(start + Self.idsPerCall, targets.count)])
                let response = try await Self.forget(chunk, offset: start, ingestion)
                tally.add(response)
                // A line per chunk, at most one a second (and the last), when there is more than one.
                let now = ContinuousClock.now
                let last = start + Self.idsPerCall >= targets.count
                if targets.count > Self.idsPerCall && (now - lastNote >= .seconds(1) || last) {
                    lastNote = now
                    Self.note(
                        "chunk \(tally.chunks): \(response.erasedCustomers) erased, \(response.notFoundCustomers) not found"
                            + " (\(tally.erased + UInt64(tally.notFound.count)) of \(targets.count) ids done)")
                }
                start += Self.idsPerCall
            }
            tally.seconds = (ContinuousClock.now - started).inSeconds
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Output.fail(error)
        }
        try report(tally)
        if tally.erased == 0 { throw ExitCode(1) }
    }

    private func report(_ tally: Tally) throws {
        if connection.json {
            try Output.json(
                Report(
                    customersErased: tally.erased, notFound: tally.notFound, removed: tally.removed,
                    totalRows: tally.totalRows, chunks: tally.chunks, seconds: tally.seconds))
            return
        }
        let perSecond = tally.seconds > 0 ? Double(tally.erased) / tally.seconds : 0
        Output.table(
            tally.removed.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value) rows") } + [
                ("total rows", String(tally.totalRows)),
                ("customers erased", String(tally.erased)),
                ("not found", String(tally.notFound.count)),
                ("chunks", "\(tally.chunks) (up to 1,000 ids each, one transaction each)"),
                ("time", String(format: "%.2f s, %.0f customers erased/s", tally.seconds, perSecond)),
            ])
        if !tally.notFound.isEmpty {
            Swift.print("ids that no stored row named:")
            for id in tally.notFound.prefix(50) { Swift.print("  \(id)") }
            if tally.notFound.count > 50 { Swift.print("  … and \(tally.notFound.count - 50) more (--json lists all)") }
        }
    }

    /// The ids from the arguments, the file or standard input: one per line, blank lines skipped,
    /// each id sent once.
    private func readIDs() throws -> [String] {
        let raw: [String]
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read the file '\(file)'")
            }
            raw = Self.lines(String(decoding: data, as: UTF8.self))
        } else if customerIDs == ["-"] {
            raw = Self.lines(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
        } else {
            raw = customerIDs
        }
        guard prefix != nil || !raw.isEmpty else { throw ValidationError("no customer id to erase") }
        var seen: Set<String> = []
        return raw.filter { seen.insert($0).inserted }
    }

    /// Lines without their line ends (LF or CRLF); blank lines dropped. Ids are kept as written
    /// otherwise: the server refuses one with leading or trailing white space, naming it.
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map(String.init)
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Every stored id that starts with `prefix`, page by page.
    static func listAll(prefix: String, _ ingestion: IngestionRPC.Client) async throws -> [String] {
        var ids: [String] = []
        var after = ""
        while true {
            let page = try await ingestion.listCustomerIDs(prefix: prefix, after: after, limit: idsPerPage).customerIDs
            ids += page
            guard let last = page.last, page.count == Int(idsPerPage) else { return ids }
            after = last
        }
    }

    /// One call: one chunk, one transaction.
    static func forget(_ chunk: [String], offset: Int, _ ingestion: IngestionRPC.Client) async throws -> ForgetCustomersResponse {
        do {
            return try await ingestion.forgetCustomers(chunk, options: CallOptions(timeout: .seconds(300)))
        } catch {
            guard error.code == .invalidArgument else { throw error }
            throw naming(error, in: chunk, offset: offset)
        }
    }

    /// The server names a bad id by its place in the call (`customer_ids[3]`); the user needs the id
    /// and its place among all the ids given, and to know that the chunks before it were erased.
    static func naming(_ error: RPCError, in chunk: [String], offset: Int) -> any Error {
        guard let field = error.fieldViolations.first?.field, field.hasPrefix("customer_ids["),
            let index = Int(field.dropFirst("customer_ids[".count).dropLast()), chunk.indices.contains(index)
        else { return error }
        let reason = error.fieldViolations.first?.description ?? error.message
        return ValidationError(
            "id number \(offset + index + 1), \(chunk[index].debugDescription), is not a customer id (\(reason)); "
                + (offset == 0 ? "nothing was erased" : "the \(offset) ids before its chunk were erased"))
    }

    /// Asks on the terminal, unless --yes; refuses without a terminal.
    private func confirm(_ ids: [String], prefix: String) throws -> Bool {
        if ids.isEmpty {
            Self.note("no stored customer id starts with '\(prefix)'")
            throw ExitCode(1)
        }
        if yes { return true }
        let sample = ids.prefix(3).joined(separator: ", ") + (ids.count > 3 ? ", …" : "")
        guard isatty(STDIN_FILENO) != 0 else {
            throw ValidationError(
                "\(ids.count) customers have an id starting with '\(prefix)' (\(sample)); not a terminal, so add --yes to erase them")
        }
        FileHandle.standardError.write(
            Data("Erase \(ids.count) customers whose id starts with '\(prefix)' (\(sample))? This cannot be undone. [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }

    static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// What the calls erased, summed.
    struct Tally {
        var erased: UInt64 = 0
        var notFound: [String] = []
        var removed: [String: UInt64] = [:]
        var totalRows: UInt64 = 0
        var chunks: UInt64 = 0
        var seconds: Double = 0

        mutating func add(_ response: ForgetCustomersResponse) {
            erased += UInt64(response.erasedCustomers)
            notFound += response.notFoundIDs
            for entry in response.removed { removed[entry.table, default: 0] += entry.rows }
            totalRows += response.totalRows
            chunks += UInt64(response.chunks)
        }
    }
}
