import Foundation
import Store

extension DatabaseConfiguration {
    /// The configuration as a `CLV_DATABASE_URL`, for handing to a child process.
    var url: String {
        var components = URLComponents()
        components.scheme = "postgresql"
        components.host = host
        components.port = port
        components.user = user
        components.password = password
        components.path = "/\(database)"
        components.queryItems = [URLQueryItem(name: "sslmode", value: "disable")]
        return components.string!
    }
}
