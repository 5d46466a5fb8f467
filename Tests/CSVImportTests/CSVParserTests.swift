import CSVImport
import Foundation
import Testing

/// The reader on its own: malformed quotes, encodings, empty and missing files, line accounting.
@Suite struct CSVParserTests {
    private func rows(_ source: CSVRowSource) throws -> [SourceRow] {
        var rows: [SourceRow] = []
        while let row = try source.next() { rows.append(row) }
        return rows
    }

    /// The issue's case: row 5 of 10 is `SQ-5,DE,"5 inch`. Today rows 6–10 vanish into its cell.
    @Test func aQuoteNeverClosedIsOneMalformedLineAndReadingGoesOn() throws {
        var text = "customer_id,market,attr.note\n"
        for number in 1...10 { text += number == 5 ? "SQ-5,DE,\"5 inch\n" : "SQ-\(number),DE,n\(number)\n" }
        let file = try TemporaryFile(text)
        let source = try CSVRowSource(path: file.path)
        let read = try rows(source)
        #expect(read.count == 10)
        #expect(read.map(\.cells[0]) == (1...10).map { "SQ-\($0)" })
        let bad = try #require(read.first { $0.malformed != nil })
        #expect(bad.line == 6)
        #expect(bad.cells == ["SQ-5", "DE", "\"5 inch"])
        #expect(bad.malformed == "the quote opened on line 6 is never closed")
        #expect(read.filter { $0.malformed == nil }.map(\.line) == [2, 3, 4, 5, 7, 8, 9, 10, 11])
        #expect(source.lines == LineCounts(header: 1, inRecords: 10, blank: 0))
    }

    /// A stray quote closed by another stray quote lines later: both lines are malformed, the
    /// lines between are rows (today they are one cell, and 150 orders vanished that way).
    @Test func aStrayQuoteClosedByALaterOneDoesNotSwallowTheLinesBetween() throws {
        let text = "id,x\n1,\"a\n2,b\n3,c\n4,d\"e\n5,f\n"
        let read = try rows(CSVRowSource(text: text))
        #expect(read.map(\.cells[0]) == ["1", "2", "3", "4", "5"])
        #expect(read[0].malformed?.contains("the quote opened on line 2 closes on line 5 and is followed by 'e'") == true)
        #expect(read[1...].allSatisfy { $0.malformed == nil })
    }

    @Test func anUnterminatedQuoteOnTheLastLineNamesItsLine() throws {
        let read = try rows(CSVRowSource(text: "id,x\n1,a\n2,\"b"))
        #expect(read.count == 2)
        #expect(read[1].malformed == "the quote opened on line 3 is never closed")
        #expect(read[1].cells == ["2", "\"b"])
    }

    @Test func quotedLineBreaksSpanLinesAndCountOnce() throws {
        let source = try CSVRowSource(text: "id,x\r\n\r\n1,\"a\r\nb\nc\"\r\n\n2,\"\"\"q\"\"\"  \r\n3,x\"y\n")
        let read = try rows(source)
        #expect(read.map(\.cells) == [["1", "a\r\nb\nc"], ["2", "\"q\""], ["3", "x\"y"]])
        #expect(read.map(\.line) == [3, 7, 8])
        #expect(read.map(\.lineCount) == [3, 1, 1])
        #expect(source.lines == LineCounts(header: 1, inRecords: 5, blank: 2))
    }

    /// Chunk edges (64 KiB) inside quoted cells, CRLF pairs and `""` pairs change nothing.
    @Test func recordsAcrossChunkEdgesReadTheSame() throws {
        var text = "id,note\r\n"
        var expected: [[String]] = []
        for number in 0..<3000 {
            let note = String(repeating: "x", count: number % 97) + "\"\"" + "\r\n" + "y"
            text += "\(number),\"\(note)\"\r\n"
            expected.append([String(number), String(repeating: "x", count: number % 97) + "\"\r\ny"])
        }
        let file = try TemporaryFile(text)
        let source = try CSVRowSource(path: file.path)
        let read = try rows(source)
        #expect(read.map(\.cells) == expected)
        #expect(read.last?.line == 2 + 2 * 2999)
        #expect(source.lines.total == 1 + 6000)
    }

    @Test func anEmptyFileSaysSo() throws {
        for content in ["", "\n\n  \n"] {
            let file = try TemporaryFile(content)
            let error = #expect(throws: ImportSetupError.self) { try CSVRowSource(path: file.path) }
            #expect(error?.message.contains("is empty") == true)
            #expect(error?.message.contains("header row") == true)
        }
    }

    @Test func aUTF16FileIsRefusedByItsByteOrderMark() throws {
        let text = "order_id,customer_id\no1,c1\n"
        let littleEndian = [UInt8]([0xFF, 0xFE]) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let file = try TemporaryFile(littleEndian)
        let error = #expect(throws: ImportSetupError.self) { try CSVRowSource(path: file.path) }
        #expect(error?.message.contains("UTF-16 (little-endian") == true)
        #expect(error?.message.contains("iconv -f UTF-16 -t UTF-8") == true)
        let noMark = try TemporaryFile(Array(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let guess = #expect(throws: ImportSetupError.self) { try CSVRowSource(path: noMark.path) }
        #expect(guess?.message.contains("NUL bytes") == true)
    }

    @Test func aMissingOrUnreadableFileSaysWhy() throws {
        let missing = #expect(throws: ImportSetupError.self) { try CSVRowSource(path: "/nonexistent/orders.csv") }
        #expect(missing?.message == "cannot open /nonexistent/orders.csv: No such file or directory")
        let directory = try TemporaryFile("")
        let isDirectory = #expect(throws: ImportSetupError.self) { try CSVRowSource(path: directory.directory) }
        #expect(isDirectory?.message.contains("Is a directory") == true)
    }

    @Test func aMalformedHeaderIsASetupError() throws {
        let error = #expect(throws: ImportSetupError.self) { try CSVRowSource(text: "id,\"x\n1,a\n") }
        #expect(error?.message.contains("quote opened on line 1") == true)
    }
}
