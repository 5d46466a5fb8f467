import CLVProtoC

extension RecordRejection: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.RecordRejection"
    static let unpack = clv__ingestion__v1__record_rejection__unpack
    static let freeUnpacked = clv__ingestion__v1__record_rejection__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__RecordRejection>) {
        let c = pointer.pointee
        index = c.index
        recordID = CRead.string(c.record_id)
        field = CRead.string(c.field)
        reason = CRead.string(c.reason)
        code = c.code
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__RecordRejection> {
        let rejection = arena.message(Clv__Ingestion__V1__RecordRejection.self, clv__ingestion__v1__record_rejection__init)
        rejection.pointee.index = index
        rejection.pointee.record_id = arena.string(recordID)
        rejection.pointee.field = arena.string(field)
        rejection.pointee.reason = arena.string(reason)
        rejection.pointee.code = code
        return rejection
    }
}
