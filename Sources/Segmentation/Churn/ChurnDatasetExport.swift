import CLVProto
import Foundation
import RPC
import Store

/// The churn model's training data as a CSV, for peers that must learn from exactly what
/// TrainChurnModel learns from: the same plan (cut-offs, window), the same rules and valuation,
/// the same feature rows and labels. Header `split,label,<ChurnFeatures names>`; `split` is
/// `train` or `validate`, `label` is 1 for a customer who bought nothing in the window (churned).
public enum ChurnDatasetExport {
    /// Rows written per split.
    public struct Counts: Sendable, Hashable, Codable {
        public var train: Int
        public var validate: Int
        /// The L2 penalty the plan resolved to, which a peer should use too.
        public var l2: Double
    }

    /// Reads both splits as `TrainChurnModel` would for `request` and writes them to `path`
    /// (replacing it). Nothing is stored; the same preconditions fail the same way.
    public static func write(_ request: TrainChurnModelRequest, pool: PGPool, to path: String) async throws -> Counts {
        let (plan, rules, valuation) = try await pool.withConnection { connection in
            let lastDay = try connection.query("SELECT max(day) - date '1970-01-01' AS last FROM customer_purchase_days")[0]
            guard !(try lastDay.isNull("last")) else {
                throw RPCError(code: .failedPrecondition, message: "no completed orders yet: a churn model learns from purchases")
            }
            let plan = try ChurnTrainer.plan(request, lastDataDay: Int32(try lastDay.int("last")))
            return (plan, try RefreshRecord.current(on: connection)?.rules ?? .standard, try ValuationSource.current(on: connection))
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw RPCError(code: .internal, message: "cannot write \(path)")
        }
        defer { try? file.close() }
        try file.write(contentsOf: Data(((["split", "label"] + ChurnFeatures.all.map(\.name)).joined(separator: ",") + "\n").utf8))
        var counts = Counts(train: 0, validate: 0, l2: plan.l2)
        let samples = try await ChurnSample.read(
            [.init(day: plan.trainCutoff, labelled: true), .init(day: plan.validateCutoff, labelled: true)],
            windowDays: plan.windowDays, rules: rules, valuation: valuation, pool: pool)
        for (split, sample) in zip(["train", "validate"], samples) {
            try write(sample, split: split, to: file)
            if split == "train" { counts.train = sample.churned.count } else { counts.validate = sample.churned.count }
        }
        return counts
    }

    /// Rows in blocks of a few MB: `description` is Double's shortest exact form, so a peer
    /// parsing it reads the very values the model saw.
    private static func write(_ sample: ChurnSample, split: String, to file: FileHandle) throws {
        let columns = sample.features.columns
        var text = ""
        text.reserveCapacity(1 << 22)
        for row in 0..<sample.churned.count {
            text += split
            text += sample.churned[row] ? ",1" : ",0"
            for column in 0..<columns {
                text += ","
                text += sample.features.values[row * columns + column].description
            }
            text += "\n"
            if text.utf8.count >= 1 << 22 {
                try file.write(contentsOf: Data(text.utf8))
                text.removeAll(keepingCapacity: true)
            }
        }
        try file.write(contentsOf: Data(text.utf8))
    }
}
