import CLVProto
import Foundation
import Segmentation
import TestSupport
import Testing

/// The exported churn data is what TrainChurnModel learned from: the same customers in each
/// split, the same labels, the features its scorecard bins.
@Suite struct ChurnDatasetExportTests {
    @Test func theExportHoldsTheTrainingSplitsAndLabels() async throws {
        let server = try await SegmentationServer.start(prefix: "seg_churn_export")
        // Stayers buy every 30 days up to today; leavers bought for a year and stopped 500 days ago.
        let stayers = (0..<12).map { "stay\($0)" }, leavers = (0..<8).map { "leave\($0)" }
        try await server.store(
            customers: (stayers + leavers).map { ShopHistory.customer($0) },
            orders: stayers.flatMap { ShopHistory.orders($0, daysAgo: Array(stride(from: 720, through: 0, by: -30))) }
                + leavers.flatMap { ShopHistory.orders($0, daysAgo: Array(stride(from: 860, through: 500, by: -30))) })
        let request = TrainChurnModelRequest(windowDays: 120)
        let model = try await server.segmentation.trainChurnModel(request)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("churn-export-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let counts = try await ChurnDatasetExport.write(request, pool: server.pool, to: path)
        #expect(counts.train == Int(model.trainCustomers))
        #expect(counts.validate == Int(model.validateCustomers))
        #expect(counts.l2 == model.l2)

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",") }
        let header = try #require(lines.first).map(String.init)
        #expect(Array(header.prefix(2)) == ["split", "label"])
        // The model's scorecard terms are bins of the exported features, or cells of two.
        let named = Set(model.coefficients.flatMap { $0.feature.components(separatedBy: " × ").map { String($0.prefix { $0 != " " }) } })
        #expect(!named.isEmpty && named.isSubset(of: header.dropFirst(2)), "\(named.subtracting(header))")
        let train = lines.dropFirst().filter { $0.first == "train" }
        #expect(train.count == counts.train)
        #expect(lines.count - 1 - train.count == counts.validate)
        #expect(lines.dropFirst().allSatisfy { $0.count == header.count })
        let churned = train.filter { $0[1] == "1" }
        #expect(churned.count == leavers.count)
        #expect(Double(churned.count) / Double(train.count) == model.trainChurnRate)
        // Leavers last bought 500 days ago, stayers within the last 30 days of any cut-off.
        #expect(churned.allSatisfy { Double($0[2]) ?? 0 > 100 })
        #expect(train.filter { $0[1] == "0" }.allSatisfy { Double($0[2]) ?? 100 < 30 })

        // With statistics the facts are read in ranges; a pool with no connection to spare for
        // a second range reads both on its one connection, in the same snapshot, and the export
        // is the same.
        _ = try await server.pool.execute("ANALYZE customers")
        let histograms = try await server.count(
            "SELECT count(*) FROM pg_stats WHERE tablename = 'customers' AND attname = 'customer_id' AND histogram_bounds IS NOT NULL")
        #expect(histograms == 1, "without a histogram the facts are read in one range")
        let single = TestDatabase.makePool(server.pool.configuration, maximumConnections: 1)
        let again = path + ".single"
        defer { try? FileManager.default.removeItem(atPath: again) }
        #expect(try await ChurnDatasetExport.write(request, pool: single, to: again) == counts)
        #expect(try String(contentsOfFile: again, encoding: .utf8) == String(contentsOfFile: path, encoding: .utf8))
        await single.close()
        try await server.stop()
    }
}
