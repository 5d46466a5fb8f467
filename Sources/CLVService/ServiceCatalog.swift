import Foundation
import RPC
import Store

/// Every service `clv-server` can host, and the choice of a subset.
public struct ServiceCatalog: Sendable {
    public let providers: [any ServiceProvider]

    public init(providers: [any ServiceProvider]) {
        self.providers = providers
    }

    /// The providers named in `names`; `all` (or no names) selects every one.
    public func select(_ names: [String]) throws(RPCError) -> [any ServiceProvider] {
        let wanted = names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        if wanted.isEmpty || wanted == ["all"] { return providers }
        let known = Dictionary(uniqueKeysWithValues: providers.map { ($0.name, $0) })
        let unknown = wanted.filter { known[$0] == nil }
        guard unknown.isEmpty else {
            let choices = (["all"] + providers.map(\.name)).joined(separator: ", ")
            throw RPCError.invalidArgument(
                field: "services", "unknown service \(unknown.joined(separator: ", ")); choose from: \(choices)")
        }
        return wanted.map { known[$0]! }
    }

    /// The platform's own migrations, then each selected service's, each version once: a
    /// service that reads another's tables lists that service's migrations too.
    public static func migrations(for providers: [any ServiceProvider]) -> [Migration] {
        var seen = Set<Int>()
        return (PlatformMigrations.all + providers.flatMap(\.migrations)).filter { seen.insert($0.version).inserted }
    }
}
