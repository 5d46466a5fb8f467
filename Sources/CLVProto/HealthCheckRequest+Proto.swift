import CLVProtoC

extension HealthCheckRequest: CMessageConvertible {
    static let protoName = "clv.health.v1.HealthCheckRequest"
    static let unpack = clv__health__v1__health_check_request__unpack
    static let freeUnpacked = clv__health__v1__health_check_request__free_unpacked

    init(c pointer: UnsafePointer<Clv__Health__V1__HealthCheckRequest>) {
        service = CRead.string(pointer.pointee.service)
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Health__V1__HealthCheckRequest> {
        let request = arena.message(
            Clv__Health__V1__HealthCheckRequest.self, clv__health__v1__health_check_request__init)
        request.pointee.service = arena.string(service)
        return request
    }
}
