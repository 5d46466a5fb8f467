extension ChurnDriver {
    /// Points each piece of evidence gives its driver (docs/segmentation.md has the table):
    /// a recent issue event whose reason was classified to a driver — the strongest, most
    /// specific evidence — 2 each; payment_trouble → payment 3; issues_rising with no
    /// classified reasons → product quality 1; order_value_drop → price 2;
    /// abandoned_cart → price 1; frequency_drop and engagement_drop → disengagement 1 each.
    static let reasonWeight = 2

    /// Ties go to the first driver in this order: the specific, fixable causes before the
    /// general ones, disengagement (the weakest, default explanation) last.
    public static let tieOrder: [ChurnDriver] = [.payment, .service, .logistics, .productQuality, .price, .disengagement]

    /// The dominant driver of a customer's warnings, from the documented rule table over the
    /// warnings and the drivers of their issue events' reasons (`reasonCounts`: how many recent
    /// complaint / return / negative-review / support-ticket / cancellation / payment-failed events
    /// had a reason classified to each driver — classification happens at ingestion, by keyword).
    /// Highest total wins; ties by `tieOrder`. nil when there are no warnings and no reason
    /// counts. Negative counts count as zero.
    public static func dominant(warnings: [ChurnWarning], reasonCounts: [ChurnDriver: Int]) -> ChurnDriver? {
        // Six integers on the stack: this runs for every customer of a refresh.
        var points = (payment: 0, service: 0, logistics: 0, productQuality: 0, price: 0, disengagement: 0)
        var reasons = 0
        for (driver, count) in reasonCounts where count > 0 {
            reasons += count
            let weighted = reasonWeight * count
            switch driver {
            case .payment: points.payment += weighted
            case .service: points.service += weighted
            case .logistics: points.logistics += weighted
            case .productQuality: points.productQuality += weighted
            case .price: points.price += weighted
            case .disengagement: points.disengagement += weighted
            }
        }
        for warning in warnings {
            switch warning.code {
            case .paymentTrouble: points.payment += 3
            case .issuesRising: if reasons == 0 { points.productQuality += 1 }
            case .orderValueDrop: points.price += 2
            case .abandonedCart: points.price += 1
            case .frequencyDrop, .engagementDrop: points.disengagement += 1
            }
        }
        func total(_ driver: ChurnDriver) -> Int {
            switch driver {
            case .payment: points.payment
            case .service: points.service
            case .logistics: points.logistics
            case .productQuality: points.productQuality
            case .price: points.price
            case .disengagement: points.disengagement
            }
        }
        var best: ChurnDriver?, bestTotal = 0
        for driver in tieOrder where total(driver) > bestTotal {
            best = driver
            bestTotal = total(driver)
        }
        return best
    }
}
