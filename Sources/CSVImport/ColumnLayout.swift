/// Where each record field sits in a file's rows, worked out once from the header.
///
/// Built before the first row is read, so a typo in a header or a `--map` stops the import at
/// once instead of rejecting every row.
public struct ColumnLayout: Sendable {
    public let kind: RecordKind
    /// The file's header as read (BOM and surrounding spaces removed).
    public let header: [String]
    /// Column index by field name, for the fields present.
    public let indexByField: [String: Int]
    /// `attr.NAME` columns: attribute name and column index, in file order.
    public let attributeColumns: [(name: String, index: Int)]
    /// Columns left out because of `ignoreUnknownColumns`.
    public let ignoredColumns: [String]

    public init(
        header rawHeader: [String], kind: RecordKind, mapping: ColumnMapping = ColumnMapping(),
        ignoreUnknownColumns: Bool = false
    ) throws(ImportSetupError) {
        let header = rawHeader.enumerated().map { index, name in
            // CSVRowSource drops a UTF-8 BOM; a header given as strings may still carry one.
            (index == 0 && name.hasPrefix("\u{FEFF}") ? String(name.dropFirst()) : name).trimmingASCIISpaces
        }
        let known = Set(kind.fields)
        var indexByField: [String: Int] = [:]
        var attributes: [(name: String, index: Int)] = []
        var unknown: [String] = []
        var ignored: [String] = []
        for (index, column) in header.enumerated() {
            let field = mapping.field(for: column)
            if known.contains(field) {
                if let previous = indexByField[field] {
                    throw ImportSetupError(
                        "columns '\(header[previous])' and '\(column)' both give field \(field)")
                }
                indexByField[field] = index
            } else if kind.acceptsAttributes, field.hasPrefix("attr."), field.count > "attr.".count {
                attributes.append((String(field.dropFirst("attr.".count)), index))
            } else if mapping.fieldByColumn[column] != nil {
                throw ImportSetupError("--map \(column)=\(field): \(kind.rawValue) have no field \(field); \(Self.knownText(kind))")
            } else if ignoreUnknownColumns {
                ignored.append(column)
            } else {
                unknown.append(column.isEmpty ? "(empty header)" : column)
            }
        }
        guard unknown.isEmpty else {
            throw ImportSetupError(
                "unknown column\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")); "
                    + "\(Self.knownText(kind)) (rename with --map COLUMN=FIELD, or pass --ignore-unknown-columns)")
        }
        let missingMaps = mapping.fieldByColumn.keys.filter { !header.contains($0) }.sorted()
        guard missingMaps.isEmpty else {
            throw ImportSetupError("--map names column\(missingMaps.count == 1 ? "" : "s") the file does not have: \(missingMaps.joined(separator: ", "))")
        }
        for alternatives in kind.requiredFields where !alternatives.contains(where: { indexByField[$0] != nil }) {
            throw ImportSetupError(
                "missing required column \(alternatives.joined(separator: " or ")); the header is: \(header.joined(separator: ","))")
        }
        for (first, second) in kind.exclusiveFields where indexByField[first] != nil && indexByField[second] != nil {
            throw ImportSetupError("columns \(first) and \(second) give the same value twice; keep one")
        }
        self.kind = kind
        self.header = header
        self.indexByField = indexByField
        self.attributeColumns = attributes
        self.ignoredColumns = ignored
    }

    /// The column index of `field`, or nil when the file does not have it.
    public func index(of field: String) -> Int? {
        indexByField[field]
    }

    private static func knownText(_ kind: RecordKind) -> String {
        "known columns: " + kind.fields.joined(separator: ", ") + (kind.acceptsAttributes ? ", attr.NAME" : "")
    }
}

extension ColumnLayout {
    /// The file's column that gives `field` (a record field, or a service's field path such as
    /// `amount.currency`), or nil when none does.
    public func column(of field: String) -> String? {
        let head = field.split(separator: ".", maxSplits: 1).first.map(String.init) ?? field
        if let index = indexByField[field] ?? indexByField[head] { return header[index] }
        if field.hasPrefix("attr."), let column = attributeColumns.first(where: { "attr." + $0.name == field }) {
            return header[column.index]
        }
        return nil
    }

    /// How a person finds `field` in the file: `Total (amount)`, or `amount` when the column has
    /// the field's name.
    public func describe(field: String) -> String {
        guard !field.isEmpty else { return "" }
        guard let column = column(of: field), column != field else { return field }
        return "\(column) (\(field))"
    }
}
