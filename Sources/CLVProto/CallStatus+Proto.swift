import CLVProtoC

extension CallStatus: CMessageConvertible {
    static let protoName = "clv.rpc.v1.Status"
    static let unpack = clv__rpc__v1__status__unpack
    static let freeUnpacked = clv__rpc__v1__status__free_unpacked

    init(c pointer: UnsafePointer<Clv__Rpc__V1__Status>) {
        let c = pointer.pointee
        code = c.code
        message = CRead.string(c.message)
        fieldViolations = CRead.array(c.field_violations, count: c.n_field_violations) { violation in
            FieldViolation(
                field: CRead.string(violation.pointee.field),
                description: CRead.string(violation.pointee.description))
        }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Rpc__V1__Status> {
        let status = arena.message(Clv__Rpc__V1__Status.self, clv__rpc__v1__status__init)
        status.pointee.code = code
        status.pointee.message = arena.string(message)
        let violations = fieldViolations.map { violation in
            let c = arena.message(Clv__Rpc__V1__FieldViolation.self, clv__rpc__v1__field_violation__init)
            c.pointee.field = arena.string(violation.field)
            c.pointee.description = arena.string(violation.description)
            return c
        }
        status.pointee.n_field_violations = violations.count
        status.pointee.field_violations = arena.pointerArray(violations)
        return status
    }
}
