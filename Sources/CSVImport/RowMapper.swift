/// Turns the cells of one CSV row into one record of a kind.
///
/// A mapper looks its columns up once, in `init(layout:)`, and then maps millions of rows; a
/// row it cannot map is rejected on the client with every offending field and never sent.
public protocol RowMapper: Sendable {
    associatedtype Record: Sendable

    init(layout: ColumnLayout)

    /// The record of `row`, whose cells are in the file's column order.
    func record(from row: RowCells) throws(RowProblems) -> Record
}
