import CLVModels
import Foundation
import Ingestion
import RPC
import Store

/// Every purchaser's RFM measures as of a refresh's day, exactly what the refresh bins
/// (Assigner.measures with the default average-order basis): days since the last purchase,
/// distinct purchase days, and revenue / completed orders in base minor units.
struct RFMSummary: Sendable {
    var customerIDs: [String] = []
    var recencyDays: [Int] = []
    var frequency: [Int] = []
    var monetary: [Double] = []

    static func read(asOfDay: Int32, pool: PGPool) async throws -> RFMSummary {
        try await pool.withConnection { connection in
            var summary = RFMSummary()
            try connection.forEachRow(
                """
                SELECT customer_id, $1::date - max(day), count(*), sum(orders), sum(revenue_base_minor)
                FROM customer_purchase_days WHERE day <= $1::date GROUP BY customer_id
                """, [.text(CalendarDay(daysSinceEpoch: asOfDay).text)]
            ) { row in
                let orders = try row.int(at: 3)
                summary.customerIDs.append(try row.string(at: 0))
                summary.recencyDays.append(Int(try row.int(at: 1)))
                summary.frequency.append(Int(try row.int(at: 2)))
                // The same Double division as the service, so both sides bin identical values.
                summary.monetary.append(orders > 0 ? Double(try row.int(at: 4)) / Double(orders) : 0)
            }
            return summary
        }
    }

    /// `customer_id,recency_days,frequency,monetary`, the peer's input; `description` is the
    /// shortest form that parses back to the same Double.
    func writeCSV(to path: String) throws {
        var text = "customer_id,recency_days,frequency,monetary\n"
        text.reserveCapacity(customerIDs.count * 32)
        for index in customerIDs.indices {
            text += "\(customerIDs[index]),\(recencyDays[index]),\(frequency[index]),\(monetary[index].description)\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// Our RFM step on these arrays, the work the peer's `rfm_seconds` covers: the three cut
    /// point sets and the segment of every customer, by the refresh's `RFMScoring`.
    func segmentInProcess() -> (segments: [RFMSegment], seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let scoring = RFMScoring(recencyDays: recencyDays, frequency: frequency, monetary: monetary)
        let segments = scoring.segments(recencyDays: recencyDays, frequency: frequency, monetary: monetary)
        return (segments, (clock.now - start).inSeconds)
    }
}
