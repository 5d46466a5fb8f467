#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix

/// Why a connection to a server could not be made, in one line a person can act on.
enum ConnectFailure {
    /// E.g. "cannot connect to 127.0.0.1:7599: connection refused — is clv-server running?".
    static func describe(_ error: any Error, host: String, port: Int) -> String {
        "cannot connect to \(HostAndPort(host: host, port: port)): \(reason(error))"
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let dns = error.dnsAError ?? error.dnsAAAAError {
                return "cannot resolve the host name (\(reason(dns)))"
            }
            // Every address failed; the first says why (they nearly always agree).
            return error.connectionErrors.first.map { reason($0.error) } ?? "no address to connect to"
        case let error as IOError:
            return reason(errno: error.errnoCode)
        case ChannelError.connectTimeout(let amount):
            return "no answer within \(amount.nanoseconds / 1_000_000_000) s — is the address right and reachable?"
        case let error as SocketAddressError:
            return "not a usable address (\(error))"
        default:
            return "\(error)"
        }
    }

    static func reason(errno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: return "connection refused — is clv-server running?"
        case ETIMEDOUT: return "timed out — is the address right and reachable?"
        case EHOSTUNREACH, ENETUNREACH: return "\(String(cString: strerror(code)).lowercased()) — check the address"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
