import CLVProto

/// `clv health`'s output.
struct HealthReport: Encodable {
    let server: String
    let status: String
    let databaseReachable: Bool
    let databaseCheckedMsAgo: UInt32?
    let services: [String]
    let version: String

    init(_ response: HealthCheckResponse, server: String) {
        self.server = server
        self.status = switch response.status {
        case .serving: "SERVING"
        case .notServing: "NOT_SERVING"
        case .serviceUnknown: "SERVICE_UNKNOWN"
        case .unspecified: "UNSPECIFIED"
        case .unrecognized(let number): "UNRECOGNIZED (\(number))"
        }
        self.databaseReachable = response.databaseReachable
        self.databaseCheckedMsAgo = response.databaseCheckedMsAgo == .max ? nil : response.databaseCheckedMsAgo
        self.services = response.services
        self.version = response.version
    }

    var rows: [(String, String)] {
        let checked = databaseCheckedMsAgo.map { "checked \($0) ms ago" } ?? "never checked"
        return [
            ("server", server),
            ("status", status),
            ("database", "\(databaseReachable ? "reachable" : "UNREACHABLE") (\(checked))"),
            ("services", services.joined(separator: ", ")),
            ("version", version),
        ]
    }
}
