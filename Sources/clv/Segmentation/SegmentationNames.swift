import ArgumentParser
import CLVProto
import Foundation

/// A segmentation enum of the wire contract, by the names `--json`, CSV files and the command
/// line use (`cant_lose_them`) and the names people read ("Can't Lose Them").
protocol SegmentationName: CaseIterable, Hashable where AllCases == [Self] {
    /// The lower-case wire name without the enum's prefix.
    var name: String { get }
    /// What the option is called in errors: "segment", "stage", …
    static var noun: String { get }
}

extension SegmentationName {
    /// The values a user may type: every named value but `unspecified`.
    static var choices: [Self] { allCases.filter { $0.name != "unspecified" } }

    /// `cant-lose-them`, `Cant_Lose_Them` and `cant lose them` all name the same value; an
    /// unknown name is a usage error that lists the valid ones.
    static func parse(_ typed: String) throws -> Self {
        let wanted = SegmentationNames.normalized(typed)
        guard let match = choices.first(where: { $0.name == wanted }) else {
            throw ValidationError(
                "unknown \(noun) '\(typed)'; one of: \(choices.map { $0.name.replacingOccurrences(of: "_", with: "-") }.joined(separator: ", "))")
        }
        return match
    }

    /// The name for people: "at_risk" → "At risk"; segments have names of their own.
    var displayName: String { SegmentationNames.display(name) }
}

extension Segment: SegmentationName { static var noun: String { "segment" } }
extension LifecycleStage: SegmentationName { static var noun: String { "stage" } }
extension ValueTier: SegmentationName { static var noun: String { "tier" } }
extension WarningCode: SegmentationName { static var noun: String { "warning" } }
extension ChurnDriver: SegmentationName { static var noun: String { "driver" } }

/// The spelling rules behind `SegmentationName`, for names that come as strings (summary rows,
/// transitions).
enum SegmentationNames {
    /// The RFM segments as the literature names them.
    static let segmentTitles: [String: String] = [
        "champions": "Champions", "loyal": "Loyal", "potential_loyalist": "Potential Loyalist", "new": "New",
        "promising": "Promising", "need_attention": "Need Attention", "about_to_sleep": "About to Sleep",
        "at_risk": "At Risk", "cant_lose_them": "Can't Lose Them", "hibernating": "Hibernating", "lost": "Lost",
    ]

    /// Lower case, with dashes, spaces and apostrophes as the wire's underscores ("can't" → "cant").
    static func normalized(_ typed: String) -> String {
        String(
            typed.lowercased().trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
                .map { $0 == "-" || $0 == " " ? "_" : $0 })
    }

    /// A segment's title; other names with spaces and a capital ("product_quality" →
    /// "Product quality"); "unspecified" and the summaries' "none" (no segment, no driver) as "(none)".
    static func display(_ name: String) -> String {
        if name.isEmpty || name == "unspecified" || name == "none" { return "(none)" }
        if let title = segmentTitles[name] { return title }
        let spaced = name.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
