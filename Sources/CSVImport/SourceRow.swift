/// One data row of a CSV file and the lines it spans (the header is line 1).
public struct SourceRow: Sendable, Hashable {
    /// 1-based line number of the row's first line; a quoted cell can span several lines.
    public var line: Int
    /// Physical lines the row spans: 1, plus the line breaks inside its quoted cells.
    public var lineCount: Int
    public var cells: [String]
    /// Why the lines could not be read as a row (a stray quote), or nil for a well-formed row.
    public var malformed: String?

    public init(line: Int, lineCount: Int = 1, cells: [String], malformed: String? = nil) {
        self.line = line
        self.lineCount = lineCount
        self.cells = cells
        self.malformed = malformed
    }

    /// "line 5" or "lines 5–8".
    public var linesText: String {
        lineCount == 1 ? "line \(line)" : "lines \(line)–\(line + lineCount - 1)"
    }
}
