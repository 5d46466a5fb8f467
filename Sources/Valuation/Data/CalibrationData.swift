import CLVModels
import Ingestion
import Store

/// What a fit needs from the store as of a calibration end: grouped purchase histories, repeat
/// customers' spend, and the population figures of the classic formulas.
///
/// Read in one pass over one row per customer (`CalibrationRows`), grouped here rather than by
/// the database; the orders are read only for a margin rate as of a past day.
struct CalibrationData: Sendable {
    let histories: GroupedHistories
    let spends: GroupedSpends
    let customers: Int
    /// The latest purchase day at or before the calibration end.
    let dataCutoff: CalendarDay?
    let annualRetentionRate: Double
    let observedMarginRate: Double

    static func read(calibrationEnd: CalendarDay, unit: TimeUnit, on connection: PGConnection) throws -> CalibrationData {
        let end = [PGValue.text(calibrationEnd.text)]
        return try StatisticsDays.withSnapshot(asOf: calibrationEnd.text, on: connection) { connection, current in
            var histories: [PurchaseHistory] = []
            var spends: [SpendHistory] = []
            // Days from the last purchase to the calibration end, at their fewest.
            var daysSinceLatest = Int64.max
            var earlier = 0
            var retained = 0
            try connection.forEachRow(current ? CalibrationRows.fromStatistics : CalibrationRows.fromPurchaseDays, end) { row in
                let x = try row.int(at: 0)
                let recency = try row.int(at: 1)
                let age = try row.int(at: 2)
                let repeatRevenue = try row.int(at: 3)
                histories.append(
                    PurchaseHistory(frequency: Int(x), recency: unit.fromDays(Double(recency)), age: unit.fromDays(Double(age))))
                // Free repeat orders leave a mean of 0, which Gamma-Gamma cannot take: left out of its fit.
                if x > 0 && repeatRevenue > 0 {
                    spends.append(SpendHistory(frequency: Int(x), meanValue: Double(repeatRevenue) / Double(x)))
                }
                daysSinceLatest = min(daysSinceLatest, age - recency)
                if try row.bool(at: 4) {
                    earlier += 1
                    if age - recency < 365 { retained += 1 }
                }
            }
            let margin = try current
                ? connection.query(CalibrationRows.marginFromStatistics)[0]
                : connection.query(CalibrationRows.marginFromOrders, end)[0]
            return CalibrationData(
                histories: try GroupedHistories(histories), spends: try GroupedSpends(spends), customers: histories.count,
                dataCutoff: histories.isEmpty ? nil : CalendarDay(daysSinceEpoch: calibrationEnd.daysSinceEpoch - Int32(daysSinceLatest)),
                annualRetentionRate: earlier > 0 ? Double(retained) / Double(earlier) : 0,
                observedMarginRate: try margin.double("rate"))
        }
    }
}
