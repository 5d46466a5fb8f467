/// How an optimisation ended.
public enum ConvergenceStatus: Equatable, Sendable, Codable {
    /// The gradient vanished (or the objective stopped changing) at a finite optimum.
    case converged
    /// The iteration limit was reached first; the reason says how close it got.
    case iterationLimit(String)
    /// A parameter ran off to 0 or ∞: the data do not pin it down. The reason names it.
    case diverged(String)
    /// The likelihood could not be evaluated (not finite) even at the starting point.
    case notFinite(String)

    public var isConverged: Bool { self == .converged }

    /// Why it did not converge; nil when it did.
    public var reason: String? {
        switch self {
        case .converged: nil
        case .iterationLimit(let reason), .diverged(let reason), .notFinite(let reason): reason
        }
    }

    /// A short name: converged, iteration_limit, diverged or not_finite.
    public var name: String {
        switch self {
        case .converged: "converged"
        case .iterationLimit: "iteration_limit"
        case .diverged: "diverged"
        case .notFinite: "not_finite"
        }
    }
}
