import CLVProto
import RPC

/// A listing's filters, checked at the door: every enum value named, risk bounds within 0–1.
struct MemberFilter: Sendable {
    var segments: [String]
    var stages: [String]
    var tiers: [String]
    var markets: [String]
    var channels: [String]
    var warnings: [String]
    var drivers: [String]
    var riskRange: ClosedRange<Double>?
    var pageSize: Int

    init(_ request: ListSegmentMembersRequest) throws(RPCError) {
        segments = try Self.names(request.segments, field: "segments") { $0 == .unspecified ? nil : $0.name }
        stages = try Self.names(request.stages, field: "stages") { $0 == .unspecified ? nil : $0.name }
        tiers = try Self.names(request.tiers, field: "tiers") { $0 == .unspecified ? nil : $0.name }
        warnings = try Self.names(request.warnings, field: "warnings") { $0 == .unspecified ? nil : $0.name }
        drivers = try Self.names(request.drivers, field: "drivers") { $0 == .unspecified ? nil : $0.name }
        for (index, market) in request.markets.enumerated() where market.isEmpty || market.utf8.count > 64 || market.contains("\0") {
            throw .invalidArgument(field: "markets[\(index)]", "must be a market code as stored (1–64 bytes, no NUL)")
        }
        for (index, channel) in request.acquisitionChannels.enumerated()
        where channel.isEmpty || channel.utf8.count > 200 || channel.contains("\0") {
            throw .invalidArgument(field: "acquisition_channels[\(index)]", "must be a channel as stored (1–200 bytes, no NUL)")
        }
        markets = request.markets
        channels = request.acquisitionChannels
        if request.hasRiskRange {
            guard request.minRisk.isFinite, request.maxRisk.isFinite, request.minRisk >= 0, request.maxRisk <= 1,
                request.minRisk <= request.maxRisk
            else { throw .invalidArgument(field: "min_risk", "the risk range must satisfy 0 ≤ min_risk ≤ max_risk ≤ 1") }
            riskRange = request.minRisk...request.maxRisk
        }
        switch request.pageSize {
        case 0: pageSize = MemberLister.defaultPageSize
        case 1...UInt32(MemberLister.maximumPageSize): pageSize = Int(request.pageSize)
        default: throw .invalidArgument(field: "page_size", "must be 1 to \(MemberLister.maximumPageSize) (0 for \(MemberLister.defaultPageSize))")
        }
    }

    /// The stored names of `values`; unspecified or unknown numbers are INVALID_ARGUMENT naming the element.
    private static func names<Value: RawRepresentable<Int32>>(
        _ values: [Value], field: String, _ name: (Value) -> String?
    ) throws(RPCError) -> [String] {
        var names: [String] = []
        for (index, value) in values.enumerated() {
            guard let text = name(value), Int32(text) == nil else {
                throw .invalidArgument(field: "\(field)[\(index)]", "\(value.rawValue) is not a value this service knows")
            }
            names.append(text)
        }
        return names
    }
}
