extension IngestionStats {
    /// The figures of one kind (`orders`), if reported.
    public subscript(kind: String) -> RecordKindStats? {
        kinds.first { $0.kind == kind }
    }
}
