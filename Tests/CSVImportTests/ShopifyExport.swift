import Foundation

/// Shopify-style order exports, generated for the tests.
///
/// The orders export has one row per order with Shopify's headers, `#1001` order names, a
/// spreadsheet's apostrophe before long customer ids, currencies in lower case, amounts with a
/// symbol and grouping, times as `2024-03-05 10:20:30 -0500` (some without an offset), and
/// financial statuses `paid`, `refunded` and `pending`. The line-item export repeats an order on
/// a row per item, with the order's total and currency on its first row only.
enum ShopifyExport {
    static let header =
        "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Created at,Customer ID,Lineitem quantity,Lineitem name,Lineitem price"

    struct Order {
        var number: Int
        var status: String
        var currency: String
        var total: String
        var createdAt: String
        var customerID: String
    }

    static func orders(_ count: Int) -> [Order] {
        (0..<count).map { index in
            let (currency, total): (String, String) = switch index % 3 {
            case 0: ("usd", "\"$1,\(String(format: "%03d", index)).50\"")
            case 1: ("EUR", "\(20 + index).90 EUR")
            default: ("gbp", "£\(5 + index)")
            }
            let status = index % 10 == 9 ? "pending" : index % 7 == 6 ? "refunded" : "paid"
            let createdAt = index % 4 == 3 ? "2024-03-05 10:20:\(String(format: "%02d", index % 60))"
                : "2024-03-05 10:20:\(String(format: "%02d", index % 60)) -0500"
            return Order(
                number: 1001 + index, status: status, currency: currency, total: total, createdAt: createdAt,
                customerID: "'70123456789\(String(format: "%02d", index % 25))")
        }
    }

    /// One row per order.
    static func ordersCSV(_ orders: [Order]) -> String {
        var text = header + "\r\n"
        for order in orders {
            text += "#\(order.number),buyer\(order.number)@example.com,\(order.status),,fulfilled,\(order.currency),,,,"
                + "\(order.total),,\(order.createdAt),\(order.customerID),1,Mug,\(order.total)\r\n"
        }
        return text
    }

    /// A row per item: the order's fields on the first row, only the name and the item's on the others.
    static func lineItemsCSV(_ orders: [Order]) -> String {
        var text = header + "\r\n"
        for order in orders {
            text += "#\(order.number),buyer\(order.number)@example.com,\(order.status),,fulfilled,\(order.currency),,,,"
                + "\(order.total),,\(order.createdAt),\(order.customerID),1,Mug,5.00\r\n"
            text += "#\(order.number),buyer\(order.number)@example.com,,,,,,,,,,\(order.createdAt),\(order.customerID),2,Plate,7.50\r\n"
        }
        return text
    }

    /// The options that import `ordersCSV`.
    static let columnMaps = [
        "Name=order_id", "Customer ID=customer_id", "Created at=placed_at", "Total=amount", "Currency=currency",
        "Financial Status=status",
    ]
    static let valueMaps = ["status:paid=completed", "status:pending=skip"]
}
