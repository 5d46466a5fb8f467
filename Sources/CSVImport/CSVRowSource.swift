/// The rows of a CSV file, streamed: the file is never held in memory.
///
/// Parsing is `CSVParser`'s (RFC 4180). This adds the file as a whole: a UTF-8 byte order mark
/// is dropped, UTF-16 and UTF-32 files and empty files are refused with what to do, the header is
/// the first line that is not blank, and `lines` accounts for every physical line read.
/// Not `Sendable`: one thread reads it.
public final class CSVRowSource {
    /// The header row as read (a UTF-8 BOM removed).
    public let header: [String]
    /// Where the lines read so far went; complete once `next()` has returned nil.
    public private(set) var lines = LineCounts()
    private let parser: CSVParser

    /// Opens the file at `path` and reads its header.
    public convenience init(path: String, counters: ImportCounters = ImportCounters()) throws(ImportSetupError) {
        try self.init(parser: CSVParser(path: path, counters: counters), name: path)
    }

    /// Reads CSV text held in memory (tests, small inputs).
    public convenience init(text: String) throws(ImportSetupError) {
        try self.init(bytes: Array(text.utf8), name: "(text)")
    }

    /// Reads CSV bytes held in memory.
    public convenience init(bytes: [UInt8], name: String) throws(ImportSetupError) {
        try self.init(parser: CSVParser(bytes: bytes, name: name), name: name)
    }

    private init(parser: CSVParser, name: String) throws(ImportSetupError) {
        let leading = Array(parser.leadingBytes)
        if let encoding = Self.wideEncoding(leading) {
            throw ImportSetupError(
                "\(name) is not UTF-8 text: \(encoding). Convert it first, e.g. "
                    + "iconv -f UTF-16 -t UTF-8 '\(name)' > converted.csv (or save it as \"CSV UTF-8\")")
        }
        if leading.starts(with: [0xEF, 0xBB, 0xBF]) { parser.skipLeadingBytes(3) }
        var lines = LineCounts()
        var header: [String]?
        do {
            reading: while let record = try parser.next() {
                switch record {
                case .blank:
                    lines.blank += 1
                case .cells(let cells, _, let lineCount):
                    lines.header = lineCount
                    header = cells
                    break reading
                case .malformed(_, _, _, let reason):
                    throw ImportSetupError("cannot read the header of \(name): \(reason)")
                }
            }
        } catch let error as CSVSourceError {
            throw ImportSetupError("cannot read the header of \(name): \(error.message)")
        } catch let error as ImportSetupError {
            throw error
        } catch {
            throw ImportSetupError("cannot read the header of \(name): \(error)")
        }
        guard let header else {
            throw ImportSetupError(
                "\(name) is empty\(lines.blank > 0 ? " (only blank lines)" : ""): a CSV file starts with a header row naming its columns")
        }
        self.parser = parser
        self.header = header
        self.lines = lines
    }

    /// Names the columns whose cells never hold a line break (by index): a quoted cell there that
    /// spans lines is read as a stray quote (see `CSVParser`).
    public func setSingleLineColumns(_ columns: [Int: String]) {
        parser.singleLineColumns = columns
    }

    /// The next row that is not blank, or nil at the end of the file. A row whose lines cannot
    /// be read (a stray quote) comes with `malformed` set: it is rejected, and reading goes on.
    public func next() throws(CSVSourceError) -> SourceRow? {
        while let record = try parser.next() {
            switch record {
            case .blank:
                lines.blank += 1
            case .cells(let cells, let line, let lineCount):
                lines.inRecords += lineCount
                return SourceRow(line: line, lineCount: lineCount, cells: cells)
            case .malformed(let cells, let line, let lineCount, let reason):
                lines.inRecords += lineCount
                return SourceRow(line: line, lineCount: lineCount, cells: cells, malformed: reason)
            }
        }
        return nil
    }

    /// "it is UTF-16 (little-endian, …)" and the like when the first bytes say the text is not 8-bit.
    private static func wideEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return "it is UTF-32 (little-endian, by its byte order mark)" }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "it is UTF-32 (big-endian, by its byte order mark)" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "it is UTF-16 (little-endian, by its byte order mark)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "it is UTF-16 (big-endian, by its byte order mark)" }
        // No BOM, but NUL bytes in the first line: UTF-16 or UTF-32 without a mark (or not text).
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        if firstLine.contains(0) { return "its first line holds NUL bytes (UTF-16 or UTF-32 without a byte order mark, or not text at all)" }
        return nil
    }
}
