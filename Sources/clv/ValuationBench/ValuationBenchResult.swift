import Foundation
import CLVModels
import CLVProto

/// What `clv bench valuation` measured.
struct ValuationBenchResult: Encodable {
    struct InProcess: Encodable {
        let purchase: BGNBDParameters
        let purchaseSummary: FitSummary
        let purchaseSeconds: Double
        let spend: GammaGammaParameters
        let spendSummary: FitSummary
        let spendSeconds: Double
        /// Both: what the comparison uses.
        let seconds: Double
    }
    struct Comparison: Encodable {
        let lifetimesVersion: String
        let lifetimesBgnbdSeconds: Double
        let lifetimesGammaGammaSeconds: Double
        let lifetimesParameters: [String: Double]
        /// Largest |ours / theirs − 1| over the seven parameters.
        let largestRelativeDifference: Double
        /// Every parameter the same when both are rounded to 3 significant figures.
        let equalTo3SignificantFigures: Bool
        let speedup: Double
    }

    /// FitModel and ScoreCustomers through the server.
    struct Server: Encodable {
        let fitSeconds: Double
        let runId: Int64
        let parameters: [String: Double]
        let scoreSeconds: Double
        let scored: UInt64
        /// ScoreCustomers' phases as the server reported them: each phase's name and the
        /// seconds from the call's start to the phase's start; `done` ends the last.
        let scorePhases: [ScorePhase]

        struct ScorePhase: Encodable {
            let phase: String
            let startSeconds: Double
        }

        init(fitSeconds: Double, run: ModelRun, scoreSeconds: Double, scoreProgress: [ScoreProgress]) {
            self.fitSeconds = fitSeconds
            runId = run.runID
            parameters = Dictionary(run.fits.flatMap { fit in fit.parameters.map { ("\(fit.model).\($0.name)", $0.value) } }, uniquingKeysWith: { $1 })
            self.scoreSeconds = scoreSeconds
            scored = scoreProgress.last(where: \.done)?.scored ?? 0
            scorePhases = scoreProgress.map { ScorePhase(phase: $0.phase, startSeconds: $0.seconds) }
        }

        /// Each phase with how long it took on the server, e.g. `reading 0.9 s`.
        var phaseDurations: [String] {
            zip(scorePhases, scorePhases.dropFirst()).map { phase, next in
                "\(phase.phase) \(Format.number(next.startSeconds - phase.startSeconds, significant: 2)) s"
            }
        }
    }

    let customers: Int
    let inProcess: InProcess
    let comparison: Comparison?
    let server: Server?

    init(customers: Int, inProcess: InProcess, peer: LifetimesPeer.Result?, server: Server?) {
        self.customers = customers
        self.inProcess = inProcess
        self.server = server
        comparison = peer.map { peer in
            let ours = [
                inProcess.purchase.r, inProcess.purchase.alpha, inProcess.purchase.a, inProcess.purchase.b,
                inProcess.spend.p, inProcess.spend.q, inProcess.spend.gamma / 100,
            ]
            let theirs = [peer.bgnbd.r, peer.bgnbd.alpha, peer.bgnbd.a, peer.bgnbd.b, peer.gammaGamma.p, peer.gammaGamma.q, peer.gammaGamma.gamma / 100]
            let names = ["r", "alpha", "a", "b", "p", "q", "gamma"]
            return Comparison(
                lifetimesVersion: peer.lifetimesVersion, lifetimesBgnbdSeconds: peer.bgnbd.seconds,
                lifetimesGammaGammaSeconds: peer.gammaGamma.seconds,
                lifetimesParameters: Dictionary(uniqueKeysWithValues: zip(names, [peer.bgnbd.r, peer.bgnbd.alpha, peer.bgnbd.a, peer.bgnbd.b, peer.gammaGamma.p, peer.gammaGamma.q, peer.gammaGamma.gamma])),
                largestRelativeDifference: zip(ours, theirs).map { abs($0 / $1 - 1) }.max() ?? 0,
                equalTo3SignificantFigures: zip(ours, theirs).allSatisfy { Self.round3($0) == Self.round3($1) },
                speedup: (peer.bgnbd.seconds + peer.gammaGamma.seconds) / inProcess.seconds)
        }
    }

    static func round3(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, 2 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }

    var report: String {
        func s(_ value: Double) -> String { Format.number(value, significant: 3) + " s" }
        let p = inProcess.purchase
        let g = inProcess.spend
        var lines = [
            "customers              \(customers) (simulated, weeks; spend in cents)",
            "fit in-process         \(s(inProcess.seconds)): BG/NBD \(s(inProcess.purchaseSeconds)) (\(inProcess.purchaseSummary.distinctInputs) distinct (x, t_x, T), \(inProcess.purchaseSummary.iterations) iterations), Gamma-Gamma \(s(inProcess.spendSeconds)) (\(inProcess.spendSummary.distinctInputs) distinct (x, x·m̄), \(inProcess.spendSummary.iterations) iterations); grouping included",
            "  parameters           r \(Format.number(p.r)) alpha \(Format.number(p.alpha)) a \(Format.number(p.a)) b \(Format.number(p.b)); p \(Format.number(g.p)) q \(Format.number(g.q)) gamma \(Format.number(g.gamma))",
        ]
        if let comparison {
            let l = comparison.lifetimesParameters
            lines += [
                "lifetimes \(comparison.lifetimesVersion)        BG/NBD \(s(comparison.lifetimesBgnbdSeconds)), Gamma-Gamma \(s(comparison.lifetimesGammaGammaSeconds))",
                "  parameters           r \(Format.number(l["r"]!)) alpha \(Format.number(l["alpha"]!)) a \(Format.number(l["a"]!)) b \(Format.number(l["b"]!)); p \(Format.number(l["p"]!)) q \(Format.number(l["q"]!)) gamma \(Format.number(l["gamma"]!))",
                "  lifetimes / ours     \(Format.number(comparison.speedup, significant: 3))×; parameters equal to 3 significant figures: \(comparison.equalTo3SignificantFigures ? "yes" : "no") (largest difference \(Format.number(comparison.largestRelativeDifference * 100, significant: 2)) %)",
            ]
        }
        if let server {
            lines += [
                "FitModel over RPC      \(s(server.fitSeconds)) (run \(server.runId): reading the store, both fits, storing the run)",
                "ScoreCustomers         \(s(server.scoreSeconds)) (\(server.scored) customers scored and stored)",
                "  on the server        \(server.phaseDurations.joined(separator: ", "))",
            ]
        }
        return lines.joined(separator: "\n")
    }
}
