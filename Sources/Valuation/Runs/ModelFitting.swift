import CLVModels
import RPC

/// Fits a run's models to calibration data, turning what the models report into call errors.
enum ModelFitting {
    struct Fitted: Sendable {
        let purchaseModel: PurchaseCountModel
        let spendModel: GammaGammaModel?
        let fits: [NamedFit]
    }

    static func fit(_ options: FitOptions, data: CalibrationData) throws(RPCError) -> Fitted {
        let purchase = try fitPurchases(options, histories: data.histories)
        var fits = [NamedFit(model: options.purchaseModel, summary: purchase.1)]
        var spendModel: GammaGammaModel?
        if options.spendModel == "gamma_gamma" {
            let spend: GammaGammaFit
            do {
                spend = try GammaGammaFitter().fit(data.spends)
            } catch {
                throw RPCError(code: .failedPrecondition, message: "cannot fit gamma_gamma: \(error)")
            }
            try requireConverged(spend.summary, model: "gamma_gamma")
            guard spend.parameters.q > 1 else {
                throw RPCError(
                    code: .failedPrecondition,
                    message: "gamma_gamma fitted q = \(spend.parameters.q) ≤ 1: the expected spend is unbounded; fit without a spend model")
            }
            fits.append(NamedFit(model: "gamma_gamma", summary: spend.summary))
            spendModel = spend.model
        }
        return Fitted(purchaseModel: purchase.0, spendModel: spendModel, fits: fits)
    }

    /// The purchase model alone, fitted to `histories`.
    static func fitPurchases(_ options: FitOptions, histories: GroupedHistories) throws(RPCError) -> (PurchaseCountModel, FitSummary) {
        guard histories.customers > 0 else {
            throw RPCError(
                code: .failedPrecondition,
                message: "no completed order on or before \(options.calibrationEnd.text): nothing to fit")
        }
        let purchase: (PurchaseCountModel, FitSummary)
        do {
            purchase = try PurchaseCountModel.fit(options.purchaseModel, histories, timeUnit: options.timeUnit)
        } catch {
            throw RPCError(code: .failedPrecondition, message: "cannot fit \(options.purchaseModel): \(error)")
        }
        try requireConverged(purchase.1, model: options.purchaseModel)
        return purchase
    }

    private static func requireConverged(_ summary: FitSummary, model: String) throws(RPCError) {
        guard !summary.converged else { return }
        let parameters = summary.parameters.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")
        throw RPCError(
            code: .failedPrecondition,
            message: "\(model) did not converge (\(summary.status.name) after \(summary.iterations) iterations: "
                + "\(summary.status.reason ?? "")); last parameters \(parameters); the run was not stored")
    }
}
