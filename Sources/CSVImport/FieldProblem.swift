/// What is wrong with one cell of a row: the row is rejected on the client and never sent.
public struct FieldProblem: Error, Sendable, Hashable {
    /// The record field (column name after `--map`), or empty for the row as a whole.
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}
