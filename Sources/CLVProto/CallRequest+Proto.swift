import CLVProtoC

extension CallRequest: CMessageConvertible {
    static let protoName = "clv.rpc.v1.Request"
    static let unpack = clv__rpc__v1__request__unpack
    static let freeUnpacked = clv__rpc__v1__request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Rpc__V1__Request>) {
        let c = pointer.pointee
        method = CRead.string(c.method)
        timeoutMilliseconds = c.timeout_ms
        let entries = CRead.array(c.metadata, count: c.n_metadata) { entry in
            (CRead.string(entry.pointee.key), CRead.string(entry.pointee.value))
        }
        // A repeated key keeps its last value, as protobuf's map semantics say.
        metadata = Dictionary(entries, uniquingKeysWith: { _, last in last })
        payload = CRead.bytes(c.payload)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Rpc__V1__Request> {
        let request = arena.message(Clv__Rpc__V1__Request.self, clv__rpc__v1__request__init)
        request.pointee.method = arena.string(method)
        request.pointee.timeout_ms = timeoutMilliseconds
        // Sorted so that the same request always encodes to the same bytes.
        let entries = metadata.sorted { $0.key < $1.key }.map { key, value in
            let entry = arena.message(
                Clv__Rpc__V1__Request__MetadataEntry.self, clv__rpc__v1__request__metadata_entry__init)
            entry.pointee.key = arena.string(key)
            entry.pointee.value = arena.string(value)
            return entry
        }
        request.pointee.n_metadata = entries.count
        request.pointee.metadata = arena.pointerArray(entries)
        request.pointee.payload = arena.bytes(payload)
        return request
    }
}

