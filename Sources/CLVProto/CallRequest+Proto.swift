import CLVProtoC

extension CallRequest {
    init(c: Clv__Rpc__V1__Request) {
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

extension CallRequest: ProtoMessage {
    public init(decoding bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError) {
        self = try CRead.unpack(
            bytes, messageName: "clv.rpc.v1.Request",
            unpack: clv__rpc__v1__request__unpack, free: clv__rpc__v1__request__free_unpacked
        ) { CallRequest(c: $0.pointee) }
    }

    public func withEncoder<R>(_ body: (borrowing ProtoEncoder) throws -> R) rethrows -> R {
        let arena = CArena()
        return try arena.encode(cMessage(in: arena), body)
    }
}
