import CLVProto
import Foundation
import Segmentation
import Store

/// scikit-learn's logistic regression and histogram gradient boosting (scripts/churn-peer.py)
/// on the very features and split TrainChurnModel learns from (ChurnDatasetExport).
struct ChurnPeer {
    struct Output: Codable {
        struct Model: Codable {
            let auc: Double
            let prAuc: Double
            let trainSeconds: Double
        }
        let rowsTrain: Int
        let rowsValidate: Int
        let logistic: Model
        let gradientBoosting: Model
        let readSeconds: Double
    }

    let python: String
    let script: String

    func run(_ request: TrainChurnModelRequest, pool: PGPool) async throws -> (counts: ChurnDatasetExport.Counts, output: Output) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clv-churn-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let counts = try await ChurnDatasetExport.write(request, pool: pool, to: path)
        let data = try PeerProcess.run(python: python, script: script, arguments: [path, "--l2", "\(counts.l2)"])
        return (counts, try PeerProcess.decode(Output.self, from: data))
    }
}
