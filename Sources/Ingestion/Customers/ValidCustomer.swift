/// A customer that passed validation, personal data already hashed.
struct ValidCustomer: Sendable {
    let index: Int
    let customerID: String
    let market: String?
    let acquisitionChannel: String?
    let acquisitionCostMinor: Int64?
    let acquisitionCostCurrency: String?
    var acquisitionCostBaseMinor: Int64?
    let acquiredOn: CalendarDay?
    let emailHash: String?
    let phoneHash: String?
    let attributesJSON: String

    func hasSameDescription(as other: ValidCustomer) -> Bool {
        customerID == other.customerID && market == other.market && acquisitionChannel == other.acquisitionChannel
            && acquisitionCostMinor == other.acquisitionCostMinor
            && acquisitionCostCurrency == other.acquisitionCostCurrency && acquiredOn == other.acquiredOn
            && emailHash == other.emailHash && phoneHash == other.phoneHash && attributesJSON == other.attributesJSON
    }
}
