import RPC
import Store

/// One of clv's services as `clv-server` hosts it: its schema and its methods.
public protocol ServiceProvider: Sendable {
    /// The name `--services` selects it by, e.g. `ingestion`.
    var name: String { get }
    /// Its full protobuf service name, e.g. `clv.ingestion.v1.Ingestion`.
    var serviceName: String { get }
    /// Its schema migrations; versions are unique across all services.
    var migrations: [Migration] { get }
    /// Registers its methods, each with the scope it needs.
    func register(into router: inout RPCRouter, environment: ServiceEnvironment)
}
