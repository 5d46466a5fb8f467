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

    @Test func noRowsGroupIntoEmptySlices() {
        #expect(grouped([]) == [[], [], [], [], []])
        #expect(CustomerRows<Int>().rows(of: 0).isEmpty, "before finish() nothing is found")
    }
}
