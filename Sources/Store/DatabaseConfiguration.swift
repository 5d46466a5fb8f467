/// Where to connect: one PostgreSQL server, user and database.
///
/// Parsed from a libpq URL such as `postgresql://user:pass@host:5432/db?sslmode=disable`
/// (the `CLV_DATABASE_URL` setting). `description` hides the password.
public struct DatabaseConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// Role to log in as.
    public var user: String
    /// Password, when the server asks for one.
    public var password: String?
    /// Database name.
    public var database: String
    /// Seconds libpq waits for a connection before giving up (libpq treats 1 as 2).
    public var connectTimeoutSeconds: Int = 5
    /// Further libpq connection keywords, such as `sslmode`, taken from the URL's query.
    public var options: [String: String] = [:]

    /// Creates a configuration from its parts.
    public init(host: String, port: Int, user: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// The same server, user and options with another database.
    public func withDatabase(_ name: String) -> DatabaseConfiguration {
        var copy = self
        copy.database = name
        return copy
    }

    public var description: String {
        let credentials = password == nil ? user : "\(user):********"
        let hostPart = host.contains(":") ? "[\(host)]" : host
        var text = "postgresql://\(credentials)@\(hostPart):\(port)/\(database)"
        let query = options.sorted { $0.key < $1.key }.map { key, value in
            key.contains("password") ? "\(key)=********" : "\(key)=\(value)"  // e.g. sslpassword
        }
        if !query.isEmpty {
            text += "?" + query.joined(separator: "&")
        }
        return text
    }

    /// Keywords and values for `PQconnectdbParams`, in a stable order.
    var connectionParameters: [(String, String)] {
        var parameters: [(String, String)] = [
            ("host", host),
            ("port", String(port)),
            ("user", user),
            ("dbname", database),
            ("connect_timeout", String(connectTimeoutSeconds)),
            ("client_encoding", "UTF8"),
            ("application_name", options["application_name"] ?? "clv"),
        ]
        if let password {
            parameters.append(("password", password))
        }
        // Results are parsed as ISO dates in UTC whatever the server's defaults are.
        var serverOptions = "-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=iso_8601"
        for (key, value) in options.sorted(by: { $0.key < $1.key }) {
            if key == "options" {
                serverOptions += " " + value
            } else if !parameters.contains(where: { $0.0 == key }) {
                parameters.append((key, value))
            }
        }
        parameters.append(("options", serverOptions))
        return parameters
    }
}
