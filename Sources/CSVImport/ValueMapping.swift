/// `--map-value FIELD:FROM=TO` options: cell values of a field replaced before the row is read,
/// such as `status:paid=completed`. `TO` may be `skip`: rows with that value are left out on
/// purpose and counted as skipped. `FROM` matches the cell without surrounding spaces, in any
/// case; an empty `FROM` matches an empty cell.
public struct ValueMapping: Sendable, Hashable {
    /// What a matching cell becomes.
    public enum Replacement: Sendable, Hashable {
        case value(String)
        case skip
    }

    /// Replacement by lower-cased value, by field.
    public private(set) var replacements: [String: [String: Replacement]] = [:]

    public init() {}

    public init(parsing options: [String]) throws(ImportSetupError) {
        for option in options {
            guard let colon = option.firstIndex(of: ":"), let equals = option[colon...].firstIndex(of: "=") else {
                throw ImportSetupError("--map-value takes FIELD:FROM=TO (e.g. status:paid=completed), got '\(option)'")
            }
            let field = String(option[..<colon]).trimmingASCIISpaces
            let from = String(option[option.index(after: colon)..<equals]).trimmingASCIISpaces.lowercased()
            let to = String(option[option.index(after: equals)...]).trimmingASCIISpaces
            guard !field.isEmpty else {
                throw ImportSetupError("--map-value takes FIELD:FROM=TO (e.g. status:paid=completed), got '\(option)'")
            }
            guard replacements[field]?[from] == nil else {
                throw ImportSetupError("--map-value maps \(field) value '\(from)' twice")
            }
            replacements[field, default: [:]][from] = to.lowercased() == "skip" ? .skip : .value(to)
        }
    }

    public var isEmpty: Bool { replacements.isEmpty }

    /// The replacements by column index of `layout`; throws when a field is not in the file.
    public func byColumn(in layout: ColumnLayout) throws(ImportSetupError) -> [(index: Int, replacements: [String: Replacement])] {
        var columns: [(index: Int, replacements: [String: Replacement])] = []
        for (field, replacements) in replacements.sorted(by: { $0.key < $1.key }) {
            let index = layout.index(of: field) ?? layout.attributeColumns.first { "attr." + $0.name == field }?.index
            guard let index else {
                throw ImportSetupError(
                    "--map-value names field \(field), which the file does not have; its fields: "
                        + layout.indexByField.sorted { $0.value < $1.value }.map(\.key).joined(separator: ", "))
            }
            columns.append((index, replacements))
        }
        return columns
    }
}
