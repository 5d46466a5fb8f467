/// One data row of a CSV file and the line it starts on (the header is line 1).
public struct SourceRow: Sendable, Hashable {
    /// 1-based line number of the row's first line; a quoted cell can span several lines.
    public var line: Int
    public var cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}
