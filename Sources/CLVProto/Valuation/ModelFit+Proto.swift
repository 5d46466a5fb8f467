import CLVProtoC

extension ModelFit: CMessageConvertible {
    static let protoName = "clv.valuation.v1.ModelFit"
    static let unpack = clv__valuation__v1__model_fit__unpack
    static let freeUnpacked = clv__valuation__v1__model_fit__free_unpacked

    init(c pointer: UnsafePointer<Clv__Valuation__V1__ModelFit>) {
        let c = pointer.pointee
        model = CRead.string(c.model)
        parameters = CRead.array(c.parameters, count: c.n_parameters, Parameter.init(c:))
        logLikelihood = c.log_likelihood
        iterations = c.iterations
        converged = c.converged != 0
        status = CRead.string(c.status)
        reason = CRead.string(c.reason)
        customers = c.customers
        distinctInputs = c.distinct_inputs
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Valuation__V1__ModelFit> {
        let fit = arena.message(Clv__Valuation__V1__ModelFit.self, clv__valuation__v1__model_fit__init)
        fit.pointee.model = arena.string(model)
        fit.pointee.n_parameters = parameters.count
        fit.pointee.parameters = arena.pointerArray(parameters.map { $0.cMessage(in: arena) })
        fit.pointee.log_likelihood = logLikelihood
        fit.pointee.iterations = iterations
        fit.pointee.converged = converged ? 1 : 0
        fit.pointee.status = arena.string(status)
        fit.pointee.reason = arena.string(reason)
        fit.pointee.customers = customers
        fit.pointee.distinct_inputs = distinctInputs
        return fit
    }
}
