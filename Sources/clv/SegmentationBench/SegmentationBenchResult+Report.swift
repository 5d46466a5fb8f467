import Foundation

extension SegmentationBenchResult {
    /// The result for people: each figure with its unit, then the goals.
    var report: String {
        func s(_ value: Double) -> String { Format.number(value, significant: 3) + " s" }
        func auc(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "n/a" }
        var lines = [
            "customers              \(load.customers) (\(load.purchasers) purchasers), \(load.events) events; loaded by COPY in \(s(load.loadSeconds)), not timed",
            "FitModel, ScoreCustomers \(s(load.fitSeconds)), \(s(load.scoreSeconds)) (not timed: P(alive) and CLV for the refresh)",
            "RefreshSegments        \(s(refresh.seconds)) (refresh \(refresh.refreshId) as of \(refresh.asOf): \(refresh.customers) customers, \(refresh.customersWithWarnings) with warnings)",
            "  on the server        " + refresh.phases.map { "\($0.phase) \(s($0.seconds))" }.joined(separator: ", "),
            "ListSegmentMembers     \(s(listing.seconds)) (\(listing.members) members in \(listing.pages) pages of up to 10,000, to the last page on the client)",
            "TrainChurnModel        \(s(churn.seconds)) (fit \(s(churn.trainSeconds)); \(churn.trainCustomers) train, \(churn.validateCustomers) validate customers; converged \(churn.converged ? "yes" : "no"))",
            "  validation AUC       " + churn.auc.sorted { $0.key < $1.key }.map { "\($0.key) \(auc($0.value))" }.joined(separator: ", "),
            "peak server RSS        " + (peakServerRSSKilobytes.map { "\(Format.number(Double($0) / 1_024, significant: 4)) MiB (VmHWM)" } ?? "n/a (no --server-pid)"),
        ]
        if let rfm {
            lines += [
                "RFM peer (pandas)      \(s(rfm.peerSeconds)) for \(rfm.customers) purchasers; ours in-process \(s(rfm.oursSeconds)): \(Format.number(rfm.speedup, significant: 3))× faster (best of \(rfm.runs) each)",
                "  labels vs stored     \(rfm.identical) identical, \(rfm.differing) differ, \(rfm.unmatched) unmatched; ours in-process \(rfm.inProcessIdentical) identical",
            ] + rfm.examples.map { "    \($0)" }
        }
        if let churnPeer {
            let peer = churnPeer.peer
            lines += [
                "churn peer (sklearn)   on the exported \(churnPeer.exportedTrain) train + \(churnPeer.exportedValidate) validate rows",
                "  logistic             AUC \(auc(peer.logistic.auc)), fit \(s(peer.logistic.trainSeconds))",
                "  gradient boosting    AUC \(auc(peer.gradientBoosting.auc)), fit \(s(peer.gradientBoosting.trainSeconds))",
            ]
        }
        lines.append("goals")
        lines += goals.map { "  \($0.met ? "met   " : "MISSED") \($0.goal): \($0.measured)" }
        return lines.joined(separator: "\n")
    }
}
