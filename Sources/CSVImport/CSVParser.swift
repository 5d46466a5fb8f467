#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A strict, streaming RFC 4180 reader that accounts for every physical line.
///
/// Cells are separated by `,`, records by CRLF, LF or CR. A cell that starts with `"` is quoted:
/// it may hold `,`, line breaks and `""` (one quote); after its closing quote only spaces may come
/// before the next `,` or line end. A `"` inside an unquoted cell is kept as a character.
///
/// A malformed quote never swallows the rest of the file: a quote that is never closed, is still
/// open after `maxRecordBytes`, or is closed and followed by something other than a separator
/// makes the lines from the record's start to the end of the line where that quote opened one
/// malformed record (its cells split at every comma, quotes kept), and reading resumes on the
/// next line. So does a quoted cell that spans lines in a column that takes no line breaks (an id,
/// a time, an amount: `singleLineColumns`), which a later stray quote closed. Bytes that are not UTF-8 stop the read with the line. Not `Sendable`: one thread
/// reads it.
final class CSVParser {
    /// One record as read.
    enum Record {
        case cells([String], line: Int, lineCount: Int)
        /// Lines that cannot be read as a record; `reason` says why, naming the line of the quote.
        case malformed([String], line: Int, lineCount: Int, reason: String)
        case blank(line: Int)
    }

    /// A quoted cell may not run longer than this: past it, the quote is taken for a stray one.
    static let maxRecordBytes = 1 << 20
    private static let chunkSize = 64 * 1024

    private var buffer: [UInt8]
    /// Start of the next record in `buffer`.
    private var position = 0
    private var atEnd: Bool
    private let descriptor: Int32?
    private let name: String
    private let counters: ImportCounters?
    /// The line `position` is on (1-based).
    private(set) var line = 1
    /// Columns (by index, with their header) whose cells never hold a line break: ids, times,
    /// amounts, codes. A quoted cell there that spans lines is a stray quote's doing.
    var singleLineColumns: [Int: String] = [:]
    /// Cells of the previous record, to reserve capacity.
    private var expectedCells = 8
    private var scratch: [UInt8] = []

    /// Reads the file at `path`; its bytes read are added to `counters.bytesRead`.
    init(path: String, counters: ImportCounters?) throws(ImportSetupError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ImportSetupError("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        self.name = path
        self.counters = counters
        self.buffer = []
        self.atEnd = false
        try refill()
    }

    /// Reads bytes held in memory.
    init(bytes: [UInt8], name: String) {
        self.descriptor = nil
        self.name = name
        self.counters = nil
        self.buffer = bytes
        self.atEnd = true
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// The first bytes of the input, before any record is read (encoding checks).
    var leadingBytes: ArraySlice<UInt8> { buffer[position..<min(buffer.count, position + 4096)] }

    /// Skips `count` bytes at the start (a byte order mark).
    func skipLeadingBytes(_ count: Int) {
        position += count
    }

    /// The next record, or nil at the end of the input.
    func next() throws(CSVSourceError) -> Record? {
        while true {
            if position == buffer.count {
                if atEnd { return nil }
                try refillOrFail()
                continue
            }
            let outcome = buffer.withUnsafeBufferPointer { scan($0, from: position) }
            switch outcome {
            case .complete(let cells, let end, let breaks, let terminated):
                let first = line
                position = end
                line += breaks + (terminated || position == buffer.count ? 1 : 0)
                expectedCells = cells.count
                if cells.count == 1 && cells[0].trimmingASCIISpaces.isEmpty && breaks == 0 {
                    return .blank(line: first)
                }
                return .cells(cells, line: first, lineCount: breaks + 1)
            case .needMore(let quote):
                if buffer.count - position > Self.maxRecordBytes {
                    let reason = "is still open 1 MiB later; is a closing quote missing?"
                    if let quote, let record = malformed(quote: quote, reason: reason) { return record }
                    throw tooLong(quote)
                }
                try refillOrFail()
            case .malformed(let quote, let reason):
                if let record = malformed(quote: quote, reason: reason) { return record }
                if buffer.count - position > Self.maxRecordBytes { throw tooLong(quote) }
                try refillOrFail()
            case .notUTF8(let breaks):
                throw CSVSourceError(
                    line: line + breaks,
                    "line \(line + breaks) is not UTF-8 text; save the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)")
            }
        }
    }

    /// A line without an end in sight: not CSV, or a quote gone astray on a line over 1 MiB.
    private func tooLong(_ quote: QuotePlace?) -> CSVSourceError {
        let at = line + (quote?.breaks ?? 0)
        return CSVSourceError(line: at, "line \(at) is longer than 1 MiB; is this a CSV file?")
    }

    /// Where a quoted cell opened: its byte in `buffer` and the line breaks before it in the record.
    struct QuotePlace {
        var index: Int
        var breaks: Int
    }

    private enum Scan {
        case complete([String], end: Int, breaks: Int, terminated: Bool)
        case needMore(quote: QuotePlace?)
        case malformed(quote: QuotePlace, reason: String)
        case notUTF8(breaks: Int)
    }

    /// The malformed record from `position` to the end of the line where `quote` opened, or nil
    /// when that line's end is not buffered yet.
    private func malformed(quote: QuotePlace, reason: String) -> Record? {
        var end = quote.index + 1
        while end < buffer.count, buffer[end] != UInt8(ascii: "\n"), buffer[end] != UInt8(ascii: "\r") { end += 1 }
        var resume = end
        if end < buffer.count {
            resume = end + 1
            if buffer[end] == UInt8(ascii: "\r") {
                guard resume < buffer.count || atEnd else { return nil }
                if resume < buffer.count, buffer[resume] == UInt8(ascii: "\n") { resume += 1 }
            }
        } else if !atEnd {
            return nil
        }
        let first = line
        let quoteLine = line + quote.breaks
        let cells = buffer[position..<end].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        position = resume
        line = quoteLine + 1
        return .malformed(
            cells, line: first, lineCount: quote.breaks + 1, reason: "the quote opened on line \(quoteLine) \(reason)")
    }

    private func refillOrFail() throws(CSVSourceError) {
        do {
            try refill()
        } catch {
            throw CSVSourceError(line: line, error.message)
        }
    }

    /// Appends the next chunk of the file, dropping the records already read.
    private func refill() throws(ImportSetupError) {
        guard let descriptor, !atEnd else { return }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        var count: Int
        repeat {
            count = buffer.withUnsafeMutableBufferPointer { read(descriptor, $0.baseAddress! + old, Self.chunkSize) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            let why = String(cString: strerror(errno))
            buffer.removeSubrange(old...)
            throw ImportSetupError("cannot read \(name): \(why)")
        }
        buffer.removeSubrange((old + count)...)
        if count == 0 { atEnd = true }
        counters?.bytesRead.add(Int64(count), ordering: .relaxed)
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Reads one record starting at `start`.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Scan {
        let count = bytes.count
        var cells: [String] = []
        cells.reserveCapacity(expectedCells)
        var index = start
        var breaks = 0
        while true {
            if index < count && bytes[index] == Self.quote {
                let place = QuotePlace(index: index, breaks: breaks)
                index += 1
                scratch.removeAll(keepingCapacity: true)
                var segment = index
                while true {
                    guard index < count else {
                        return atEnd ? .malformed(quote: place, reason: "is never closed") : .needMore(quote: place)
                    }
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 < count {
                            guard bytes[index + 1] == Self.quote else { break }
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment...index]))
                            index += 2
                            segment = index
                            continue
                        }
                        if atEnd { break }
                        return .needMore(quote: place)
                    }
                    if byte == Self.cr || (byte == Self.lf && bytes[index - 1] != Self.cr) { breaks += 1 }
                    index += 1
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<index]))
                index += 1
                while index < count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
                if index == count && !atEnd { return .needMore(quote: place) }
                if index < count && bytes[index] != Self.comma && bytes[index] != Self.cr && bytes[index] != Self.lf {
                    let shown = String(decoding: bytes[index..<min(count, index + 1)], as: UTF8.self)
                    let closeLine = line + breaks
                    return .malformed(
                        quote: place,
                        reason: "closes on line \(closeLine) and is followed by '\(shown)', not by a comma or the line end "
                            + "(inside a quoted cell a quote is written \"\")")
                }
                if breaks > place.breaks, let column = singleLineColumns[cells.count] {
                    return .malformed(
                        quote: place,
                        reason: "closes only on line \(line + breaks), but column '\(column)' takes no line breaks; is a closing quote missing?")
                }
                guard let cell = String(validating: scratch, as: UTF8.self) else { return .notUTF8(breaks: breaks) }
                cells.append(cell)
            } else {
                let cellStart = index
                while index < count {
                    let byte = bytes[index]
                    if byte == Self.comma || byte == Self.cr || byte == Self.lf { break }
                    index += 1
                }
                if index == count && !atEnd { return .needMore(quote: nil) }
                guard let cell = String(validating: UnsafeBufferPointer(rebasing: bytes[cellStart..<index]), as: UTF8.self)
                else { return .notUTF8(breaks: breaks) }
                cells.append(cell)
            }
            if index == count { return .complete(cells, end: index, breaks: breaks, terminated: false) }
            let byte = bytes[index]
            index += 1
            if byte == Self.comma { continue }
            if byte == Self.cr {
                if index == count && !atEnd { return .needMore(quote: nil) }
                if index < count && bytes[index] == Self.lf { index += 1 }
            }
            return .complete(cells, end: index, breaks: breaks, terminated: true)
        }
    }
}
