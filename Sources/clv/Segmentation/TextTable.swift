import Foundation

/// Columns aligned for people: text left, figures right, each as wide as its widest cell.
struct TextTable {
    enum Alignment { case left, right }

    let headers: [String]
    let alignments: [Alignment]
    private(set) var rows: [[String]] = []

    /// `columns` are (header, alignment) pairs.
    init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    mutating func append(_ cells: [String]) {
        rows.append(cells)
    }

    /// The header (none when every header is empty) and the rows, two spaces between columns,
    /// no trailing blanks.
    var lines: [String] {
        let all = (headers.allSatisfy(\.isEmpty) ? [] : [headers]) + rows
        let widths = headers.indices.map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { cells in
            headers.indices.map { column in
                let cell = column < cells.count ? cells[column] : ""
                let pad = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return alignments[column] == .left ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    var text: String { lines.joined(separator: "\n") }
}
