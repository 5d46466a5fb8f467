import Testing
import Valuation

/// The horizon and rate syntax of `clv score` and `clv value`: units always, zero as zero.
@Suite struct HorizonAndRateTests {
    static let year = 365.2425

    @Test(arguments: [("3y", 3 * year), ("36m", 3 * year), ("156w", 1_092.0), ("1095d", 1_095.0), ("1.5y", 1.5 * year), ("3 years", 3 * year), ("1 week", 7.0)])
    func aHorizonNamesItsUnit(text: String, days: Double) throws {
        #expect(abs(try Horizon(parsing: text).days - days) < 1e-9)
    }

    /// `--horizon 3` used to mean 3 weeks (the run's unit) without saying so.
    @Test func aBareNumberIsRefusedWithAHint() {
        #expect { try Horizon(parsing: "3") } throws: { error in
            "\(error)".contains("no unit") && "\(error)".contains("3y") && "\(error)".contains("1095d")
        }
    }

    @Test(arguments: ["", "y", "3x", "3 fortnights", "0y", "-1y", "101y", "nan", "inf d"])
    func anUnusableHorizonIsRefused(text: String) {
        #expect(throws: ValueTermError.self) { try Horizon(parsing: text) }
    }

    @Test func aHorizonIsNamedInTheLargestWholeUnit() {
        #expect(Horizon(days: 3 * Self.year).description == "3 years")
        #expect(Horizon(days: Self.year).description == "1 year")
        #expect(Horizon(days: Self.year / 2).description == "6 months")
        #expect(Horizon(days: 1_092).description == "156 weeks")
        #expect(Horizon(days: 1_095).description == "1095 days")
        #expect(Horizon(days: 7).description == "1 week")
        // Three years stored in weeks and read back lose a rounding bit, not their name.
        #expect(Horizon(days: (3 * Self.year / 7) * 7).description == "3 years")
    }

    @Test(arguments: [("10%", 0.1), ("0.1", 0.1), ("10 %", 0.1), ("0", 0.0), ("0%", 0.0), ("100%", 1.0), ("1", 1.0), ("35%", 0.35)])
    func aRateIsAPercentageOrAFraction(text: String, fraction: Double) throws {
        #expect(abs(try Rate.parse(text, name: "discount") - fraction) < 1e-15)
    }

    /// `--discount 5` used to be taken as 500 % a year.
    @Test func aRateAbove100PercentIsRefused() {
        #expect { try Rate.parse("5", name: "discount") } throws: { error in
            "\(error)".contains("500 %") && "\(error)".contains("5%")
        }
        #expect(throws: ValueTermError.self) { try Rate.parse("150%", name: "margin") }
        #expect(throws: ValueTermError.self) { try Rate.parse("1.01", name: "margin") }
    }

    @Test(arguments: ["", "%", "ten", "-1%", "-0.1", "nan", "0.1.2"])
    func anUnusableRateIsRefused(text: String) {
        #expect(throws: ValueTermError.self) { try Rate.parse(text, name: "margin") }
    }
}
