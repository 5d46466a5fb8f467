import CLibPQ

extension DatabaseConfiguration {
    /// Parses a libpq URL: `postgresql://user[:password]@host[:port]/database[?keyword=value&...]`.
    ///
    /// The host defaults to `localhost`, the port to 5432 and the database to the user name, as in
    /// libpq. Query keywords must be libpq connection keywords (`sslmode`, `connect_timeout`, ...).
    /// - Throws: `StoreError` of kind `.configuration` when the URL is not a usable PostgreSQL URL.
    public init(url: String) throws(StoreError) {
        guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
            throw StoreError(.configuration, message: "database URL must start with postgresql:// or postgres://")
        }
        // libpq's own parser handles percent-decoding, IPv6 literals and keyword validation.
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(url, &errorMessage) else {
            var reason = "libpq could not parse it"
            if let errorMessage {
                // libpq quotes the offending part, which may be a password: hide quoted parts.
                reason = StoreError.redactedServerMessage(String(cString: errorMessage), sqlState: "22")
                    .trimmed()
                PQfreemem(errorMessage)
            }
            throw StoreError(.configuration, message: "invalid database URL: \(reason)")
        }
        defer { PQconninfoFree(parsed) }

        var values: [String: String] = [:]
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                values[String(cString: keyword)] = String(cString: value)
            }
            option += 1
        }
        try self.init(parsedValues: values)
    }

    private init(parsedValues values: [String: String]) throws(StoreError) {
        var values = values
        guard let user = values.removeValue(forKey: "user"), !user.isEmpty else {
            throw StoreError(.configuration, message: "database URL names no user")
        }
        let host = values.removeValue(forKey: "host").flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        guard !host.contains(",") else {
            throw StoreError(.configuration, message: "database URL names several hosts; give exactly one")
        }
        var port = 5432
        if let portText = values.removeValue(forKey: "port"), !portText.isEmpty {
            guard let value = Int(portText), (1...65_535).contains(value) else {
                throw StoreError(.configuration, message: "database URL has an invalid port")
            }
            port = value
        }
        let database = values.removeValue(forKey: "dbname").flatMap { $0.isEmpty ? nil : $0 } ?? user
        let password = values.removeValue(forKey: "password")
        self.init(host: host, port: port, user: user, password: password, database: database)
        if let timeoutText = values.removeValue(forKey: "connect_timeout") {
            guard let timeout = Int(timeoutText), timeout > 0 else {
                throw StoreError(.configuration, message: "database URL has an invalid connect_timeout")
            }
            connectTimeoutSeconds = timeout
        }
        options = values
    }
}
