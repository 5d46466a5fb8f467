import CLVProtoC

extension HealthCheckResponse: ProtoMessage {
    public init(decoding bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError) {
        self = try CRead.unpack(
            bytes, messageName: "clv.health.v1.HealthCheckResponse",
            unpack: clv__health__v1__health_check_response__unpack,
            free: clv__health__v1__health_check_response__free_unpacked
        ) { c in
            HealthCheckResponse(
                status: ServingStatus(rawValue: Int32(c.pointee.status.rawValue)) ?? .unspecified,
                databaseReachable: c.pointee.database_reachable != 0,
                databaseCheckedMillisecondsAgo: c.pointee.database_checked_ms_ago,
                services: (0..<c.pointee.n_services).map { CRead.string(c.pointee.services[$0]) },
                version: CRead.string(c.pointee.version))
        }
    }

    public func withEncoder<R>(_ body: (borrowing ProtoEncoder) throws -> R) rethrows -> R {
        let arena = CArena()
        let response = arena.message(
            Clv__Health__V1__HealthCheckResponse.self, clv__health__v1__health_check_response__init)
        response.pointee.status = Clv__Health__V1__HealthCheckResponse__ServingStatus(
            rawValue: numericCast(status.rawValue))
        response.pointee.database_reachable = databaseReachable ? 1 : 0
        response.pointee.database_checked_ms_ago = databaseCheckedMillisecondsAgo
        response.pointee.n_services = services.count
        response.pointee.services = arena.pointerArray(services.map { arena.string($0) })
        response.pointee.version = arena.string(version)
        return try arena.encode(response, body)
    }
}
