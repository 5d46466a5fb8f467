extension IngestResponse {
    /// Records stored or already stored: inserted, updated or unchanged.
    public var accepted: UInt32 { inserted + updated + unchanged }
}
