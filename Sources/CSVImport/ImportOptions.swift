import Foundation

/// How to import one file.
public struct ImportOptions: Sendable {
    public var kind: RecordKind
    public var input: ImportInput
    public var mapping: ColumnMapping
    /// Leave columns that are no field out instead of refusing the file.
    public var ignoreUnknownColumns: Bool
    /// Rows per call.
    public var batchSize: Int
    /// Calls in flight at once on the connection.
    public var inFlight: Int
    public var retry: RetryPolicy
    /// Where rejected rows go; nil for the default beside the input (see `RejectsWriter.defaultPath`).
    public var rejectsPath: String?
    /// `--map-value` replacements.
    public var valueMapping: ValueMapping
    /// How times and amounts are written.
    public var formats: ValueFormats

    public init(
        kind: RecordKind, input: ImportInput, mapping: ColumnMapping = ColumnMapping(),
        ignoreUnknownColumns: Bool = false, batchSize: Int = 5000, inFlight: Int = 4,
        retry: RetryPolicy = RetryPolicy(), rejectsPath: String? = nil, valueMapping: ValueMapping = ValueMapping(),
        formats: ValueFormats = ValueFormats()
    ) {
        self.valueMapping = valueMapping
        self.formats = formats
        self.kind = kind
        self.input = input
        self.mapping = mapping
        self.ignoreUnknownColumns = ignoreUnknownColumns
        self.batchSize = batchSize
        self.inFlight = inFlight
        self.retry = retry
        self.rejectsPath = rejectsPath
    }

    /// The rejects file this import writes, if it rejects anything.
    public var resolvedRejectsPath: String {
        if let rejectsPath { return rejectsPath }
        switch input {
        case .file(let path): return RejectsWriter.defaultPath(for: path)
        case .text: return FileManager.default.currentDirectoryPath + "/import.rejects.csv"
        }
    }
}
