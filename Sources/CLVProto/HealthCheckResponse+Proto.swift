import CLVProtoC

extension HealthCheckResponse: CMessageConvertible {
    static let protoName = "clv.health.v1.HealthCheckResponse"
    static let unpack = clv__health__v1__health_check_response__unpack
    static let freeUnpacked = clv__health__v1__health_check_response__free_unpacked

    init(c pointer: UnsafePointer<Clv__Health__V1__HealthCheckResponse>) {
        let c = pointer.pointee
        status = ServingStatus(rawValue: Int32(truncatingIfNeeded: c.status.rawValue)) ?? .unspecified
        databaseReachable = c.database_reachable != 0
        databaseCheckedMillisecondsAgo = c.database_checked_ms_ago
        services = (0..<c.n_services).map { CRead.string(c.services[$0]) }
        version = CRead.string(c.version)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Health__V1__HealthCheckResponse> {
        let response = arena.message(
            Clv__Health__V1__HealthCheckResponse.self, clv__health__v1__health_check_response__init)
        response.pointee.status = Clv__Health__V1__HealthCheckResponse__ServingStatus(
            rawValue: numericCast(status.rawValue))
        response.pointee.database_reachable = databaseReachable ? 1 : 0
        response.pointee.database_checked_ms_ago = databaseCheckedMillisecondsAgo
        response.pointee.n_services = services.count
        response.pointee.services = arena.pointerArray(services.map { arena.string($0) })
        response.pointee.version = arena.string(version)
        return response
    }
}
