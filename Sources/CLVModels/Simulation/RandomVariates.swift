import RealModule

/// Draws from the distributions the models are built from.
struct RandomVariates<Generator: RandomNumberGenerator> {
    var generator: Generator

    /// Uniform on (0, 1): never exactly 0, so its logarithm is finite.
    mutating func uniform() -> Double {
        (Double(generator.next() >> 11) + 0.5) * 0x1p-53
    }

    mutating func exponential(rate: Double) -> Double {
        -Double.log(uniform()) / rate
    }

    mutating func standardNormal() -> Double {
        // Box–Muller; the second variate is dropped for simplicity.
        (-2 * Double.log(uniform())).squareRoot() * Double.cos(2 * .pi * uniform())
    }

    /// Gamma with the given shape and rate (mean shape / rate), by Marsaglia and Tsang's method.
    mutating func gamma(shape: Double, rate: Double) -> Double {
        if shape < 1 {
            // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k).
            return gamma(shape: shape + 1, rate: rate) * Double.pow(uniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = standardNormal()
            let v = 1 + c * x
            guard v > 0 else { continue }
            let cube = v * v * v
            let u = uniform()
            if u < 1 - 0.0331 * x * x * x * x || Double.log(u) < 0.5 * x * x + d * (1 - cube + Double.log(cube)) {
                return d * cube / rate
            }
        }
    }

    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, rate: 1)
        let y = gamma(shape: b, rate: 1)
        return x / (x + y)
    }
}
