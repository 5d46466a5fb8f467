import CLVProtoC

extension HealthCheckRequest: ProtoMessage {
    public init(decoding bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError) {
        self = try CRead.unpack(
            bytes, messageName: "clv.health.v1.HealthCheckRequest",
            unpack: clv__health__v1__health_check_request__unpack,
            free: clv__health__v1__health_check_request__free_unpacked
        ) { HealthCheckRequest(service: CRead.string($0.pointee.service)) }
    }

    public func withEncoder<R>(_ body: (borrowing ProtoEncoder) throws -> R) rethrows -> R {
        let arena = CArena()
        let request = arena.message(
            Clv__Health__V1__HealthCheckRequest.self, clv__health__v1__health_check_request__init)
        request.pointee.service = arena.string(service)
        return try arena.encode(request, body)
    }
}
