/// A function to minimise and its gradient at a point, computed together because they share
/// most of their work.
struct Objective: Sendable {
    /// Value and gradient at a point; a non-finite value means "outside the domain".
    let evaluate: @Sendable ([Double]) -> (value: Double, gradient: [Double])
    /// Whether the gradient is a finite-difference estimate, with its rounding noise (the
    /// standard errors then difference it with a larger step).
    var gradientIsNumerical = false

    init(evaluate: @escaping @Sendable ([Double]) -> (value: Double, gradient: [Double])) {
        self.evaluate = evaluate
    }

    /// `value` with its gradient by central differences (step 1e-6): for a function whose
    /// derivatives have no convenient closed form. Costs 2n + 1 evaluations of `value`.
    static func centralDifferences(_ value: @escaping @Sendable ([Double]) -> Double) -> Objective {
        var objective = Objective { point in
            let step = 1e-6
            let gradient = point.indices.map { index in
                var up = point
                var down = point
                up[index] += step
                down[index] -= step
                return (value(up) - value(down)) / (2 * step)
            }
            return (value(point), gradient)
        }
        objective.gradientIsNumerical = true
        return objective
    }
}
