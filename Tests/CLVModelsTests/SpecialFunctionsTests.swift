import Foundation
import Testing

@testable import CLVModels

@Suite("Special functions")
struct SpecialFunctionsTests {
    @Test func digammaMatchesKnownValues() {
        let eulerGamma = 0.577_215_664_901_532_9
        #expect(abs(SpecialFunctions.digamma(1) + eulerGamma) < 1e-14)
        #expect(abs(SpecialFunctions.digamma(0.5) - (-eulerGamma - 2 * log(2.0))) < 1e-14)
        // ψ(x + 1) = ψ(x) + 1/x across the switch to the asymptotic series.
        for x in [0.01, 0.3, 2.5, 9.9, 10.1, 40.0, 1e4] {
            #expect(abs(SpecialFunctions.digamma(x + 1) - SpecialFunctions.digamma(x) - 1 / x) < 1e-12 * max(1, 1 / x))
        }
    }

    @Test func logHypergeometricMatchesClosedForms() {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z.
        for z in [0.0001, 0.3, 0.9, 0.999] {
            let exact = log(-log(1 - z) / z)
            #expect(abs(SpecialFunctions.logHypergeometric2F1(1, 1, 2, z) - exact) < 1e-12)
        }
        // ₂F₁(a, b; b; z) = (1 − z)^(−a): with a = 500 and z = 0.9 the value is e^1151, past
        // Double's range, and its logarithm must still come out exact.
        let logValue = SpecialFunctions.logHypergeometric2F1(500, 3.5, 3.5, 0.9)
        #expect(abs(logValue - 500 * -log(0.1)) < 1e-9 * 1151)
        // Terms near e^4600, many times past the rescaling point.
        let huge = SpecialFunctions.logHypergeometric2F1(2_000, 40, 40, 0.9)
        #expect(abs(huge - 2_000 * -log(0.1)) < 1e-9 * 4_605)
        // Pareto/NBD's shape: c = a + 1, a heavy buyer's a and b in the hundreds, against the
        // term-by-term sum in log space.
        let (a, b, z) = (812.5, 801.25, 0.62)
        var logTerms = [0.0]
        for k in 0..<20_000 {
            let k = Double(k)
            logTerms.append(logTerms[logTerms.count - 1] + log((a + k) * (b + k) / ((a + 1 + k) * (k + 1))) + log(z))
        }
        let largest = logTerms.max()!
        let direct = largest + log(logTerms.reduce(0) { $0 + exp($1 - largest) })
        #expect(abs(SpecialFunctions.logHypergeometric2F1(a, b, a + 1, z) - direct) < 1e-9 * abs(direct))
    }

    @Test func linearSeriesMatchesClosedForm() {
        // ₂F₁(a, b; b; z) = (1 − z)^(−a), here with a negative first parameter.
        #expect(abs(Hypergeometric.series2F1(-0.4, 2, 2, 0.7) - pow(0.3, 0.4)) < 1e-13)
    }

    @Test func logAddAndSubtractDoNotOverflow() {
        #expect(abs(SpecialFunctions.logAddExp(1000, 1000) - (1000 + log(2.0))) < 1e-12)
        #expect(abs(SpecialFunctions.logSubExp(1000, 1000 + log(0.5)) - (1000 + log(0.5))) < 1e-12)
        #expect(SpecialFunctions.logSubExp(3, 3) == -.infinity)
    }

    @Test func choleskyInverseInvertsAndRefusesIndefinite() throws {
        let matrix = [[4.0, 2, 0.6], [2, 3, 0.4], [0.6, 0.4, 1]]
        let inverse = try #require(SymmetricMatrix.inverse(ofPositiveDefinite: matrix))
        for i in 0..<3 {
            for j in 0..<3 {
                let product = (0..<3).reduce(0.0) { $0 + matrix[i][$1] * inverse[$1][j] }
                #expect(abs(product - (i == j ? 1 : 0)) < 1e-12)
            }
        }
        #expect(SymmetricMatrix.inverse(ofPositiveDefinite: [[1, 2], [2, 1]]) == nil)
    }
}
