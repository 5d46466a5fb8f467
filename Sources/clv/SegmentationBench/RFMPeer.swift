import CLVModels
import Foundation
import Store

/// The pandas/numpy RFM peer (scripts/rfm-peer.py) on the refresh's own summary, its labels
/// compared with the segments the refresh stored, and its RFM step timed against ours. Both
/// sides run `runs` times and the fastest counts: on a shared machine a single run measures
/// the neighbours as much as the code.
struct RFMPeer {
    struct Output: Decodable {
        let customers: Int
        let rfmSeconds: Double
        let readSeconds: Double
    }

    /// What the comparison found.
    struct Comparison: Encodable {
        let customers: Int
        let runs: Int
        /// The fastest of the runs, each side.
        let peerSeconds: Double
        let oursSeconds: Double
        /// peer / ours.
        let speedup: Double
        /// Peer label equal to the stored segment.
        let identical: Int
        let differing: Int
        /// Purchasers one side has and the other has not.
        let unmatched: Int
        /// Our in-process labels on the same arrays equal to the stored segments.
        let inProcessIdentical: Int
        /// A few differences, `customer: peer ≠ stored`.
        let examples: [String]
    }

    let python: String
    let script: String
    var runs = 3

    func compare(_ summary: RFMSummary, refreshID: Int64, pool: PGPool) async throws -> Comparison {
        let directory = FileManager.default.temporaryDirectory
        let input = directory.appendingPathComponent("clv-rfm-\(UUID().uuidString).csv").path
        let output = directory.appendingPathComponent("clv-rfm-\(UUID().uuidString)-out.csv").path
        defer {
            try? FileManager.default.removeItem(atPath: input)
            try? FileManager.default.removeItem(atPath: output)
        }
        try summary.writeCSV(to: input)
        var peerSeconds = Double.infinity, oursSeconds = Double.infinity
        var peer: Output?
        var ours: (segments: [RFMSegment], seconds: Double)?
        for _ in 0..<max(1, runs) {
            let run = try PeerProcess.decode(Output.self, from: try PeerProcess.run(python: python, script: script, arguments: [input, output]))
            let mine = summary.segmentInProcess()
            peerSeconds = min(peerSeconds, run.rfmSeconds)
            oursSeconds = min(oursSeconds, mine.seconds)
            (peer, ours) = (run, mine)
        }
        guard let peer, let ours else { throw BenchError("the RFM peer did not run") }

        let stored = try await pool.withConnection { connection in
            var stored: [String: String] = [:]
            try connection.forEachRow(
                "SELECT customer_id, segment FROM segment_assignments WHERE refresh_id = $1 AND segment IS NOT NULL", [.int(refreshID)]
            ) { stored[try $0.string(at: 0)] = try $0.string(at: 1) }
            return stored
        }
        let inProcessIdentical = zip(summary.customerIDs, ours.segments).lazy.filter { stored[$0.0] == $0.1.rawValue }.count

        var identical = 0, differing = 0, seen = 0
        var examples: [String] = []
        // customer_id,r,f,m,segment; ids are ours ("sg-N"), so they hold no commas or quotes.
        let text = try String(contentsOfFile: output, encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            guard fields.count == 5, let want = stored[String(fields[0])] else { continue }
            seen += 1
            if want == fields[4] {
                identical += 1
            } else {
                differing += 1
                if examples.count < 5 { examples.append("\(fields[0]) (r\(fields[1]) f\(fields[2]) m\(fields[3])): peer \(fields[4]) ≠ stored \(want)") }
            }
        }
        return Comparison(
            customers: peer.customers, runs: max(1, runs), peerSeconds: peerSeconds, oursSeconds: oursSeconds, speedup: peerSeconds / oursSeconds,
            identical: identical, differing: differing, unmatched: (peer.customers - seen) + (stored.count - seen),
            inProcessIdentical: inProcessIdentical, examples: examples)
    }
}
