import Foundation

/// Segment members as CSV (RFC 4180): a header, then a line per member, CRLF line ends. Every
/// text field is quoted, since ids and names may hold commas, quotes and line breaks; figures are
/// bare.
enum MembersCSV {
    static let header = [
        "customer_id", "market", "acquisition_channel", "recency", "frequency", "monetary", "composite", "segment", "stage",
        "tier", "value_base_minor", "warnings", "driver", "churn_risk", "probability_alive",
    ].map(quoted).joined(separator: ",") + "\r\n"

    /// A text field in double quotes, its quotes doubled.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One member's line; absent figures are empty fields, warnings are joined by ';'.
    static func line(_ member: MemberReport) -> String {
        let score = { (value: UInt32?) in value.map(String.init) ?? "" }
        let fields = [
            quoted(member.customerId), quoted(member.market), quoted(member.acquisitionChannel), score(member.rfm?.recency),
            score(member.rfm?.frequency), score(member.rfm?.monetary), member.rfm.map { "\($0.composite)" } ?? "",
            quoted(member.segment), quoted(member.stage), quoted(member.tier), "\(member.valueBaseMinor)",
            quoted(member.warnings.joined(separator: ";")), quoted(member.driver), member.churnRisk.map { "\($0)" } ?? "",
            member.probabilityAlive.map { "\($0)" } ?? "",
        ]
        return fields.joined(separator: ",") + "\r\n"
    }
}
