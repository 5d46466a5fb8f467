import CLVProtoC

extension CallResponse: CMessageConvertible {
    static let protoName = "clv.rpc.v1.Response"
    static let unpack = clv__rpc__v1__response__unpack
    static let freeUnpacked = clv__rpc__v1__response__free_unpacked

    init(c pointer: UnsafePointer<Clv__Rpc__V1__Response>) {
        let c = pointer.pointee
        status = c.status.map { CallStatus(c: $0) } ?? CallStatus(code: 0)
        payload = CRead.bytes(c.payload)
        endOfStream = c.end_of_stream != 0
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Rpc__V1__Response> {
        let response = arena.message(Clv__Rpc__V1__Response.self, clv__rpc__v1__response__init)
        // An OK status with nothing else is left out: it is the default.
        if status != CallStatus(code: 0) {
            response.pointee.status = status.cMessage(in: arena)
        }
        response.pointee.payload = arena.bytes(payload)
        response.pointee.end_of_stream = endOfStream ? 1 : 0
        return response
    }
}
