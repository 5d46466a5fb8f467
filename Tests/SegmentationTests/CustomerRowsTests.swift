import Foundation
@testable import Segmentation
import Testing

/// Rows of a table scan come in any order; each must land under its own customer, once.
@Suite struct CustomerRowsTests {
    private let customers = CustomerIndex(["a", "a1", "b", "c", "ü"])

    private func grouped(_ arrivals: [(String, Int)]) -> [[Int]] {
        var rows = CustomerRows<Int>()
        for (id, value) in arrivals {
            var bytes = Array(id.utf8)
            bytes.withUnsafeMutableBufferPointer { rows.append(id: UnsafeBufferPointer($0), in: customers, value) }
        }
        rows.finish(customers: customers.count)
        return (0..<customers.count).map { Array(rows.rows(of: $0)) }
    }

    @Test func rowsInTheCustomersOrderAreGroupedAsTheyCame() {
        #expect(grouped([("a", 1), ("a", 2), ("a1", 3), ("c", 4), ("ü", 5)]) == [[1, 2], [3], [], [4], [5]])
    }

    @Test func rowsOutOfOrderAreRegroupedKeepingEachCustomersArrivalOrder() {
        let arrivals = [("c", 1), ("a", 2), ("ü", 3), ("c", 4), ("a1", 5), ("a", 6), ("b", 7), ("c", 8)]
        #expect(grouped(arrivals) == [[2, 6], [5], [7], [1, 4, 8], [3]])
    }

    @Test func rowsOfNoKnownCustomerAreDropped() {
        // "a\0" shares a prefix with "a" and "a1": only exact ids match.
        #expect(grouped([("zz", 1), ("a\u{0}", 2), ("", 3), ("b", 4), ("A", 5)]) == [[], [], [4], [], []])
    }

    @Test func aLongStreamInNoOrderIsGroupedAfterTheNeighboursStopBeingTried() {
        let ids = (0..<2_000).map { String(format: "c%05d", $0) }
        let index = CustomerIndex(ids)
        // Three rows per customer in a scrambled order (a multiplicative permutation of 0..<6000).
        let order = (0..<6_000).map { ($0 * 4_813) % 6_000 }
        var rows = CustomerRows<Int>()
        for row in order {
            var bytes = Array(ids[row % 2_000].utf8)
            bytes.withUnsafeMutableBufferPointer { rows.append(id: UnsafeBufferPointer($0), in: index, row) }
        }
        rows.finish(customers: index.count)
        let arrivals = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        for customer in [0, 1, 999, 1_999] {
            let expected = [customer, customer + 2_000, customer + 4_000].sorted { arrivals[$0]! < arrivals[$1]! }
            #expect(Array(rows.rows(of: customer)) == expected, "customer \(customer)")
        }
        #expect((0..<2_000).allSatisfy { rows.rows(of: $0).count == 3 })
    }

    @Test func noRowsGroupIntoEmptySlices() {
        #expect(grouped([]) == [[], [], [], [], []])
        #expect(CustomerRows<Int>().rows(of: 0).isEmpty, "before finish() nothing is found")
    }
}
