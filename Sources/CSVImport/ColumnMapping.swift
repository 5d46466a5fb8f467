/// `--map column=field` options: file headers renamed to record fields.
public struct ColumnMapping: Sendable, Hashable {
    /// Field name by file column name.
    public private(set) var fieldByColumn: [String: String] = [:]

    public init() {}

    /// Parses `column=field` options. The column may itself contain `=`: the last `=` splits.
    public init(parsing options: [String]) throws(ImportSetupError) {
        for option in options {
            guard let split = option.lastIndex(of: "=") else {
                throw ImportSetupError("--map takes COLUMN=FIELD, got '\(option)'")
            }
            let column = String(option[..<split]).trimmingASCIISpaces
            let field = String(option[option.index(after: split)...]).trimmingASCIISpaces
            guard !column.isEmpty, !field.isEmpty else {
                throw ImportSetupError("--map takes COLUMN=FIELD, got '\(option)'")
            }
            guard fieldByColumn[column] == nil else {
                throw ImportSetupError("--map names column '\(column)' twice")
            }
            fieldByColumn[column] = field
        }
    }

    /// The field `column` stands for: its mapping, or its own name.
    func field(for column: String) -> String {
        fieldByColumn[column] ?? column
    }
}
