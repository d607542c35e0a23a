import CostModel
import DistillCore
import Testing

@testable import Pricing

@Suite struct CurrencyConversionTests {
    static let catalog = PriceCatalog.parse(files: [
        (
            "rates.yaml",
            """
            currency_rates:
              - { from: USD, to: EUR, rate: 0.92, date: 2026-01-01, source: ECB reference rate }
              - { from: USD, to: EUR, rate: 0.85, date: 2026-07-01, source: ECB reference rate }
            """
        )
    ]).catalog

    @Test func usesTheRateOfTheDayBeingConverted() throws {
        // 100 USD on 2026-03-15 → the 2026-01-01 rate 0.92 → 92; on 2026-07-01 → 0.85 → 85.
        let march = try Self.catalog.convert(Money(100), from: "USD", to: "EUR", on: UTCDate(year: 2026, month: 3, day: 15)!)
        #expect(march.amount == Money(92))
        #expect(march.rate?.source == "ECB reference rate")
        let july = try Self.catalog.convert(Money(100), from: "usd", to: "eur", on: UTCDate(year: 2026, month: 7, day: 1)!)
        #expect(july.amount == Money(85))
    }

    @Test func refusesToConvertWithoutADatedRate() throws {
        // Before the first rate, and in the direction no rate was written for.
        #expect(throws: PricingError.self) {
            try Self.catalog.convert(Money(1), from: "USD", to: "EUR", on: UTCDate(year: 2025, month: 12, day: 31)!)
        }
        #expect(throws: PricingError.self) {
            try Self.catalog.convert(Money(1), from: "EUR", to: "USD", on: UTCDate(year: 2026, month: 3, day: 1)!)
        }
        #expect(try Self.catalog.convert(Money(7), from: "USD", to: "USD", on: UTCDate(year: 2020, month: 1, day: 1)!).amount == Money(7))
    }
}
