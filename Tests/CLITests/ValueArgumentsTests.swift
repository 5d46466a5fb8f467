import ArgumentParser
import CLVProto
import Testing

@testable import clv

/// `--horizon`, `--discount` and `--margin` as a user types them, and what `--help` shows.
@Suite struct ValueArgumentsTests {
    @Test func termsAreParsedWithTheirUnits() throws {
        let arguments = try ValueArguments.parse(["--horizon", "156w", "--discount", "0", "--margin", "35%"])
        #expect(arguments.terms == ValueTerms.setting(horizonDays: 1_092, annualDiscountRate: 0, marginRate: 0.35))
        #expect(try ValueArguments.parse([]).terms == ValueTerms())
        #expect(try ValueArguments.parse(["--discount", "10%"]).terms.setAnnualDiscountRate == 0.1)
    }

    /// `--horizon 3` was 3 weeks and `--discount 5` 500 %, silently.
    @Test func aBareHorizonAndARateAbove100PercentAreRefusedWithAHint() {
        for (arguments, hint) in [(["--horizon", "3"], "3y"), (["--discount", "5"], "500 %"), (["--margin", "120%"], "above 100 %")] {
            do {
                _ = try ValueArguments.parse(arguments)
                Issue.record("\(arguments) was accepted")
            } catch {
                let message = ValueArguments.message(for: error)
                #expect(message.contains(hint), "\(message)")
            }
        }
    }

    /// Defaults by the name a user types: `bgnbd`, not the wire number 1.
    @Test func helpShowsDefaultsByName() {
        let fit = FitCommand.helpMessage(columns: 200)
        #expect(fit.contains("default: bgnbd)") && fit.contains("default: gamma-gamma)") && fit.contains("default: week)"), "\(fit)")
        let evaluate = EvaluateCommand.helpMessage(columns: 200)
        #expect(evaluate.contains("default: bgnbd)") && evaluate.contains("default: week)"), "\(evaluate)")
        #expect(ValueReportCommand.helpMessage(columns: 200).contains("default: market)"))
        for help in [fit, evaluate, ScoreCommand.helpMessage(columns: 200), ValueCommand.helpMessage(columns: 200)] {
            #expect(!help.contains("(default: 0)") && !help.contains("(default: 1)") && !help.contains("(default: 2)") && !help.contains("(default: )"), "\(help)")
        }
        #expect(ScoreCommand.helpMessage(columns: 200).contains("3y, 36m, 156w or 1095d"))
    }
}
