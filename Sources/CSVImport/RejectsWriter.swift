import Foundation

/// The rejects file: one CSV row per rejected input row — `line, column, reason, code`, then the
/// row's own cells under the input's header — in line order, so a person can fix the rows.
///
/// Written fresh each run: `removeStale()` deletes an earlier run's file, and the file is created
/// with the first rejected row, so a clean import leaves none behind. Batches settle out of
/// order; `settle(sequence:rows:)` holds a batch's rows until the batches before it have settled.
/// Reasons name the CSV column with the record field in parentheses, and speak the CLI's
/// language. E-mail and phone cells (by field or header) are masked. Not `Sendable`: the importer
/// writes from one task.
public final class RejectsWriter {
    public let path: String
    private let layout: ColumnLayout
    private let personalColumns: Set<Int>
    private var handle: FileHandle?
    private var pending: [Int: [RejectedRow]] = [:]
    private var nextSequence = 0
    /// Rows written so far.
    public private(set) var count = 0
    /// Problems by reason, values left out, for the terminal's summary.
    public private(set) var reasonCounts: [String: Int] = [:]

    /// A writer for rows of a file laid out as `layout`.
    public init(path: String, layout: ColumnLayout) {
        self.path = path
        self.layout = layout
        let personalFields = ["email", "phone"].compactMap { layout.index(of: $0) }
        let personalNames = layout.header.indices.filter { index in
            let name = layout.header[index].lowercased()
            return ["email", "e-mail", "mail", "phone", "mobile", "tel"].contains { name.contains($0) }
        }
        self.personalColumns = Set(personalFields + personalNames)
    }

    /// Whether the file was created: some row was rejected.
    public var created: Bool { count > 0 }

    /// Deletes a rejects file left by an earlier run; true when there was one.
    @discardableResult
    public func removeStale() -> Bool {
        guard handle == nil, FileManager.default.fileExists(atPath: path) else { return false }
        return (try? FileManager.default.removeItem(atPath: path)) != nil
    }

    /// The rejected rows of batch `sequence`; written once every earlier batch has settled.
    public func settle(sequence: Int, rows: [RejectedRow]) throws {
        pending[sequence] = rows
        while let rows = pending.removeValue(forKey: nextSequence) {
            nextSequence += 1
            try write(rows.sorted { $0.line < $1.line })
        }
    }

    /// Appends `rows` as they are.
    public func write(_ rows: [RejectedRow]) throws {
        guard !rows.isEmpty else { return }
        var text = ""
        if count == 0 { Self.appendRow(["line", "column", "reason", "code"] + layout.header, to: &text) }
        for row in rows {
            var cells = row.cells
            var reasons: [String] = []
            var columns: [String] = []
            for problem in row.problems {
                // Only the service's reasons name its methods.
                var reason = row.clientSide ? problem.reason : Self.inCLIWords(problem.reason)
                // A short value (a placeholder like "n/a") would mask unrelated words of the reason.
                for index in personalColumns where index < cells.count && cells[index].count >= 5 {
                    reason = reason.replacingOccurrences(of: cells[index], with: Self.mask(cells[index]))
                }
                let column = layout.column(of: problem.field) ?? problem.field
                if !column.isEmpty && !columns.contains(column) { columns.append(column) }
                let named = problem.field.isEmpty ? reason : "\(layout.describe(field: problem.field)): \(reason)"
                reasons.append(named)
                reasonCounts[Self.withoutValues(named), default: 0] += 1
            }
            for index in personalColumns where index < cells.count { cells[index] = Self.mask(cells[index]) }
            Self.appendRow(
                [String(row.line), columns.joined(separator: "; "), reasons.joined(separator: "; "), String(row.code)] + cells,
                to: &text)
        }
        try fileHandle().write(contentsOf: Data(text.utf8))
        count += rows.count
    }

    /// Writes the rows still held (after a failed import) and closes the file, if it was created.
    public func close() throws {
        for sequence in pending.keys.sorted() { try write(pending[sequence]!.sorted { $0.line < $1.line }) }
        pending.removeAll()
        try handle?.close()
        handle = nil
    }

    private func fileHandle() throws -> FileHandle {
        if let handle { return handle }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let opened = FileHandle(forWritingAtPath: path)
        else { throw ImportSetupError("cannot create the rejects file \(path)") }
        handle = opened
        return opened
    }

    /// The default rejects file of `input`: `orders.csv` → `orders.rejects.csv`, beside it.
    public static func defaultPath(for input: String) -> String {
        let base = input.lowercased().hasSuffix(".csv") ? String(input.dropLast(4)) : input
        return base + ".rejects.csv"
    }

    /// One CSV row, RFC 4180 quoting, LF-terminated.
    static func appendRow(_ cells: [String], to text: inout String) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text += "," }
            if cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
                // Bytes, not Characters: a quote is ASCII and never part of a longer UTF-8 sequence.
                var escaped: [UInt8] = [UInt8(ascii: "\"")]
                escaped.reserveCapacity(cell.utf8.count + 4)
                for byte in cell.utf8 {
                    if byte == UInt8(ascii: "\"") { escaped.append(byte) }
                    escaped.append(byte)
                }
                escaped.append(UInt8(ascii: "\""))
                text += String(decoding: escaped, as: UTF8.self)
            } else {
                text += cell
            }
        }
        text += "\n"
    }

    /// `anna.schmidt@example.de` → `a***@***.de`, `+49 170 1234567` → `***67`.
    public static func mask(_ value: String) -> String {
        let value = value.trimmingASCIISpaces
        guard !value.isEmpty else { return value }
        if let at = value.firstIndex(of: "@") {
            let domain = value[value.index(after: at)...]
            let top = domain.lastIndex(of: ".").map { String(domain[$0...]) } ?? ""
            return "\(value.first!)***@***\(top)"
        }
        let digits = value.filter(\.isNumber)
        return digits.count > 4 ? "***" + digits.suffix(2) : "***"
    }

    /// The service's hints in the words of the CLI: `clv import rates`, not `UpsertExchangeRates`.
    public static func inCLIWords(_ reason: String) -> String {
        var text = reason.replacingOccurrences(of: "send it with UpsertExchangeRates first", with: "import it first with clv import rates")
        for (method, command) in [
            ("UpsertExchangeRates", "clv import rates"), ("UpsertCustomers", "clv import customers"),
            ("IngestOrders", "clv import orders"), ("IngestEvents", "clv import events"),
            ("SetBaseCurrency", "clv base-currency"), ("ForgetCustomer", "clv forget"),
        ] {
            text = text.replacingOccurrences(of: method, with: command)
        }
        return text
    }

    /// The reason with each quoted value shown as `'…'`, so that alike problems count together.
    public static func withoutValues(_ reason: String) -> String {
        // On UTF-8 bytes: quotes, spaces and brackets are ASCII, never inside a longer sequence.
        let quote = UInt8(ascii: "'"), ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        var result: [UInt8] = []
        result.reserveCapacity(reason.utf8.count)
        var inQuote = false
        var previous = UInt8(ascii: " ")
        for byte in reason.utf8 {
            if byte == quote {
                // An opening quote follows a space or bracket; an apostrophe inside a word is text.
                if inQuote {
                    inQuote = false
                    result += ellipsis
                    result.append(byte)
                } else {
                    inQuote = previous == UInt8(ascii: " ") || previous == UInt8(ascii: "(")
                    result.append(byte)
                }
            } else if !inQuote {
                result.append(byte)
            }
            previous = byte
        }
        if inQuote { result += ellipsis }
        return String(decoding: result, as: UTF8.self)
    }
}
