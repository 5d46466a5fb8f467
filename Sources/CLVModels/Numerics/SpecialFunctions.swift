import RealModule

/// The special functions the likelihoods need, all in log space where values can overflow.
enum SpecialFunctions {
    /// ln Γ(x) for x > 0.
    @inline(__always)
    static func logGamma(_ x: Double) -> Double { Double.logGamma(x) }

    /// ψ(x), the digamma function, for x > 0: recurrence up to 10, then the asymptotic series
    /// (truncation error below 1e-15 there).
    static func digamma(_ value: Double) -> Double {
        var x = value
        var result = 0.0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        let inverse = 1 / x
        let inverse2 = inverse * inverse
        let series = inverse2 * (1.0 / 12 - inverse2 * (1.0 / 120 - inverse2 * (1.0 / 252 - inverse2 * (1.0 / 240 - inverse2 * (1.0 / 132 - inverse2 * (691.0 / 32760))))))
        return result + Double.log(x) - 0.5 * inverse - series
    }

    /// ln(e^a + e^b) without overflow.
    @inline(__always)
    static func logAddExp(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        let high = max(a, b)
        return high + Double.log(onePlus: Double.exp(-abs(a - b)))
    }

    /// ln(e^a − e^b) for a ≥ b; −∞ when they are equal.
    @inline(__always)
    static func logSubExp(_ a: Double, _ b: Double) -> Double {
        if b == -.infinity { return a }
        let difference = b - a
        if difference >= 0 { return -.infinity }
        // ln(1 − e^d): log(-expm1(d)) is exact near 0, log1p(-exp(d)) for very negative d.
        return a + (difference > -0.693 ? Double.log(-Double.expMinusOne(difference)) : Double.log(onePlus: -Double.exp(difference)))
    }

    /// ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by summing the series.
    ///
    /// All terms are positive. Each comes from the previous one by its ratio, in linear space
    /// (a multiplication, not a logarithm and an exponential per term: Pareto/NBD sums this
    /// twice per customer per evaluation). Parameters in the hundreds (heavy buyers) grow the
    /// terms far past `Double.greatestFiniteMagnitude` before they shrink, so the sum and the
    /// term are scaled down by 2⁻⁶⁰⁰ together whenever the term passes 2⁶⁰⁰, the scale kept as
    /// a logarithm: no overflow, and no precision lost relative to the largest terms.
    static func logHypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        precondition(z >= 0 && z < 1, "₂F₁ series needs 0 ≤ z < 1")
        if z == 0 { return 0 }
        var term = 1.0
        var sum = 1.0
        var logScale = 0.0
        var k = 0.0
        var ratio = a * b / c * z
        while k < 1_000_000 {
            term *= ratio
            sum += term
            k += 1
            if term > 0x1p600 {
                term *= 0x1p-600
                sum *= 0x1p-600
                logScale += 600 * Double.log(2)
            }
            ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            // The term ratio tends to z monotonically, so the larger of the next ratio and z
            // bounds every later one: stop when the geometric tail cannot matter.
            let bound = max(ratio, z)
            if bound < 1 && term * bound < 1e-16 * sum * (1 - bound) { break }
        }
        return logScale + Double.log(sum)
    }
}
