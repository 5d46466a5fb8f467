import CSV
import Foundation

/// The rows of a CSV file, streamed: the file is never held in memory.
///
/// Parsing is CSV.swift's (RFC 4180: quoted cells with `,`, `""` and line breaks; CRLF, LF or
/// CR line ends; a UTF-8 BOM is dropped when reading a stream). This adds what it lacks: line
/// numbers, skipping blank lines, and turning a decoding error into a thrown error instead of a
/// silent end of file. Not `Sendable`: one thread reads it.
public final class CSVRowSource {
    /// The header row as read.
    public let header: [String]
    private let reader: CSVReader
    /// The line the next row starts on.
    private var nextLine: Int

    /// Opens the file at `path` and reads its header.
    public convenience init(path: String, counters: ImportCounters = ImportCounters()) throws(ImportSetupError) {
        guard let stream = CountingInputStream(path: path, counters: counters) else {
            throw ImportSetupError("cannot open \(path)")
        }
        do {
            try self.init(reader: CSVReader(stream: stream, hasHeaderRow: true))
        } catch let error as ImportSetupError {
            throw error
        } catch {
            throw ImportSetupError("cannot read the header of \(path): \(error)")
        }
    }

    /// Reads CSV text held in memory (tests, small inputs).
    public convenience init(text: String) throws(ImportSetupError) {
        do {
            try self.init(reader: CSVReader(string: text, hasHeaderRow: true))
        } catch let error as ImportSetupError {
            throw error
        } catch {
            throw ImportSetupError("cannot read the header: \(error)")
        }
    }

    private init(reader: CSVReader) throws(ImportSetupError) {
        guard let header = reader.headerRow else { throw ImportSetupError("the file has no header row") }
        if let error = reader.error { throw ImportSetupError("cannot read the header: \(error)") }
        self.reader = reader
        self.header = header
        self.nextLine = 1 + Self.lineCount(of: header)
    }

    /// The next row that is not blank, or nil at the end of the file.
    public func next() throws(CSVSourceError) -> SourceRow? {
        while let cells = reader.next() {
            // On a decoding error CSVReader ends the row early and then the file: the row is cut short.
            if let error = reader.error { throw CSVSourceError(line: nextLine, underlying: "\(error)") }
            let line = nextLine
            nextLine += Self.lineCount(of: cells)
            // CSVReader gives a blank line as one empty cell; it is no record.
            if cells.count == 1 && cells[0].isEmpty { continue }
            return SourceRow(line: line, cells: cells)
        }
        if let error = reader.error { throw CSVSourceError(line: nextLine, underlying: "\(error)") }
        return nil
    }

    /// Lines a row spans: one, plus each line break inside its quoted cells (CRLF counts once).
    static func lineCount(of cells: [String]) -> Int {
        var lines = 1
        for cell in cells {
            var previousWasCR = false
            for byte in cell.utf8 {
                if byte == UInt8(ascii: "\r") {
                    lines += 1
                } else if byte == UInt8(ascii: "\n") && !previousWasCR {
                    lines += 1
                }
                previousWasCR = byte == UInt8(ascii: "\r")
            }
        }
        return lines
    }
}
