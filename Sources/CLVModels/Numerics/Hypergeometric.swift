/// ₂F₁(a, b; c; z) by its power series, in linear space, for parameters that keep the terms
/// small (callers transform first so that they do). Converges for |z| < 1.
enum Hypergeometric {
    static func series2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        var k = 0.0
        while k < 100_000 {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            k += 1
            sum += term
            if abs(term) <= 1e-16 * abs(sum) {
                // The next ratio tends to z < 1: one more small term would not show.
                let ratio = abs((a + k) * (b + k) / ((c + k) * (k + 1)) * z)
                if ratio < 1 { break }
            }
        }
        return sum
    }
}
