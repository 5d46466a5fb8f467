import CSVImport
import Testing

@Suite struct CSVRowSourceTests {
    private func rows(_ source: CSVRowSource) throws -> [SourceRow] {
        var rows: [SourceRow] = []
        while let row = try source.next() { rows.append(row) }
        return rows
    }

    @Test func quotedCellsKeepCommasQuotesAndLineBreaks() throws {
        let source = try CSVRowSource(text: #"""
            id,note
            1,"a, b"
            2,"say ""hi"""
            3,"two
            lines"
            4,plain
            """#)
        let read = try rows(source)
        #expect(read.map(\.cells) == [["1", "a, b"], ["2", "say \"hi\""], ["3", "two\nlines"], ["4", "plain"]])
        // Row 3 spans lines 4 and 5, so row 4 starts on line 6.
        #expect(read.map(\.line) == [2, 3, 4, 6])
    }

    @Test func crlfLineEndsAreRowEndsAndCountOnce() throws {
        let file = try TemporaryFile("id,note\r\n1,x\r\n2,\"a\r\nb\"\r\n3,y\r\n")
        let read = try rows(CSVRowSource(path: file.path))
        #expect(read.map(\.cells) == [["1", "x"], ["2", "a\r\nb"], ["3", "y"]])
        #expect(read.map(\.line) == [2, 3, 5])
    }

    @Test func utf8ByteOrderMarkIsNotPartOfTheFirstHeader() throws {
        let file = try TemporaryFile([0xEF, 0xBB, 0xBF] + Array("customer_id,market\nc1,DE\n".utf8))
        let source = try CSVRowSource(path: file.path)
        let layout = try ColumnLayout(header: source.header, kind: .customers)
        #expect(layout.index(of: "customer_id") == 0)
        #expect(try rows(source).map(\.cells) == [["c1", "DE"]])
    }

    @Test func byteOrderMarkInTextIsDroppedByTheLayout() throws {
        let source = try CSVRowSource(text: "\u{FEFF}customer_id\nc1\n")
        #expect(try ColumnLayout(header: source.header, kind: .customers).header == ["customer_id"])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let read = try rows(CSVRowSource(text: "id,x\n1,a\n\n\n2,b\n"))
        #expect(read.map(\.cells) == [["1", "a"], ["2", "b"]])
        #expect(read.map(\.line) == [2, 5])
    }

    @Test func bytesThatAreNotUTF8StopTheReadWithTheLine() throws {
        let file = try TemporaryFile(Array("id,x\n1,a\n2,".utf8) + [0xFF, 0xFE, 0x41] + Array("\n3,c\n".utf8))
        let source = try CSVRowSource(path: file.path)
        #expect(try source.next()?.cells == ["1", "a"])
        let error = #expect(throws: CSVSourceError.self) { try source.next() }
        #expect(error?.line == 3)
    }

    @Test func anEmptyFileHasNoHeader() throws {
        let file = try TemporaryFile("")
        #expect(throws: ImportSetupError.self) { try CSVRowSource(path: file.path) }
    }
}
