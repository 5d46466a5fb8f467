/// A function to minimise and its gradient at a point, computed together because they share
/// most of their work.
struct Objective: Sendable {
    /// Value and gradient at a point; a non-finite value means "outside the domain".
    let evaluate: @Sendable ([Double]) -> (value: Double, gradient: [Double])
}
