import CLVProto
import Foundation

/// What `clv bench segments` measured, with the goals of issue 12 checked against it.
struct SegmentationBenchResult: Encodable {
    struct Load: Encodable {
        let customers: Int
        let purchasers: Int
        let events: Int
        let loadSeconds: Double
        /// FitModel and ScoreCustomers, not part of any goal.
        let fitSeconds: Double
        let scoreSeconds: Double
    }

    struct Refresh: Encodable {
        let seconds: Double
        let refreshId: UInt64
        let asOf: String
        let customers: UInt64
        let purchasers: UInt64
        let customersWithWarnings: UInt64
        /// Each phase and how long it took on the server, from the progress messages.
        let phases: [Phase]

        struct Phase: Encodable {
            let phase: String
            let seconds: Double
        }

        init(seconds: Double, progress: [RefreshProgress]) {
            self.seconds = seconds
            let done = progress.last(where: \.done)?.refresh
            refreshId = done?.refreshID ?? 0
            asOf = done?.asOf ?? ""
            customers = done?.customers ?? 0
            purchasers = done?.purchasers ?? 0
            customersWithWarnings = done?.customersWithWarnings ?? 0
            // The last phase ("storing") ends when the call does.
            let ends = progress.dropFirst().map(\.seconds) + [seconds]
            phases = zip(progress.filter { !$0.done }, ends).map { Phase(phase: $0.phase, seconds: $1 - $0.seconds) }
        }
    }

    struct Listing: Encodable {
        let seconds: Double
        let members: Int
        let pages: Int
    }

    struct Churn: Encodable {
        let seconds: Double
        let trainSeconds: Double
        let trainCustomers: UInt64
        let validateCustomers: UInt64
        let converged: Bool
        /// Validation AUC of each scorer: the model and the service's baselines.
        let auc: [String: Double]
    }

    struct ChurnComparison: Encodable {
        let exportedTrain: Int
        let exportedValidate: Int
        let peer: ChurnPeer.Output
    }

    struct Goal: Encodable {
        let goal: String
        let measured: String
        let met: Bool
    }

    let load: Load
    let refresh: Refresh
    let listing: Listing
    let churn: Churn
    /// VmHWM of the server process, kB; nil without --server-pid.
    let peakServerRSSKilobytes: Int?
    let rfm: RFMPeer.Comparison?
    let churnPeer: ChurnComparison?

    var goals: [Goal] {
        func s(_ value: Double) -> String { Format.number(value, significant: 3) + " s" }
        var goals = [
            Goal(goal: "refresh < 10 s", measured: s(refresh.seconds), met: refresh.seconds < 10),
            Goal(
                goal: "stream all members < 3 s", measured: "\(s(listing.seconds)), \(listing.members) of \(load.customers)",
                met: listing.seconds < 3 && listing.members == load.customers),
            Goal(goal: "train churn model < 10 s", measured: s(churn.seconds), met: churn.seconds < 10),
        ]
        if let rfm {
            goals.append(Goal(goal: "RFM labels identical to pandas", measured: "\(rfm.identical) identical, \(rfm.differing) differ, \(rfm.unmatched) unmatched", met: rfm.differing == 0 && rfm.unmatched == 0))
            goals.append(Goal(goal: "RFM step ≥ 5× faster than pandas", measured: Format.number(rfm.speedup, significant: 3) + "×", met: rfm.speedup >= 5))
        }
        if let peer = churnPeer?.peer, let ours = churn.auc["churn_model"] {
            goals.append(Goal(
                goal: "AUC ≥ logistic peer − 0.002", measured: "\(auc(ours)) vs \(auc(peer.logistic.auc))", met: ours >= peer.logistic.auc - 0.002))
            goals.append(Goal(
                goal: "AUC within 0.02 of gradient boosting", measured: "\(auc(ours)) vs \(auc(peer.gradientBoosting.auc))",
                met: ours >= peer.gradientBoosting.auc - 0.02))
            goals.append(Goal(
                goal: "training no slower than scikit-learn logistic", measured: "\(s(churn.trainSeconds)) vs \(s(peer.logistic.trainSeconds))",
                met: churn.trainSeconds <= peer.logistic.trainSeconds))
        }
        return goals
    }

    private func auc(_ value: Double) -> String { String(format: "%.4f", value) }

    private enum CodingKeys: String, CodingKey {
        case load, refresh, listing, churn, peakServerRSSKilobytes = "peak_server_rss_kilobytes", rfm, churnPeer = "churn_peer", goals
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(load, forKey: .load)
        try container.encode(refresh, forKey: .refresh)
        try container.encode(listing, forKey: .listing)
        try container.encode(churn, forKey: .churn)
        try container.encode(peakServerRSSKilobytes, forKey: .peakServerRSSKilobytes)
        try container.encode(rfm, forKey: .rfm)
        try container.encode(churnPeer, forKey: .churnPeer)
        try container.encode(goals, forKey: .goals)
    }
}
