import CostModel
import DistillCore
import Testing
import TestSupport

@testable import Pricing

/// Provider prefixes, user aliases and training availability (issue 15).
@Suite struct NameResolutionTests {
    static let models = """
        provider: openai
        training_windows:
          - { from: 2026-05-07, closed_to: "organizations that never fine-tuned", source: DEP }
          - { from: 2027-01-06, closed_to: everyone, source: DEP }
        models:
          - id: gpt-4.1-mini
            shutdown: 2027-01-14
            shutdown_source: s
            prices:
              - { effective_from: 2025-04-14, source: s, as_of: x, default: { input: 0.40, output: 1.60 } }
            fine_tuned:
              prices:
                - { effective_from: 2025-04-14, source: s, as_of: x, default: { input: 0.80, output: 3.20 } }
            training:
              - { effective_from: 2025-04-14, per_million_tokens: 5, source: s, as_of: x }
          - id: gpt-5
            prices:
              - { effective_from: 2025-08-07, source: s, as_of: x, default: { input: 1.25, output: 10 } }
        """

    static func catalog(_ extra: String = "") -> (PriceCatalog, [Diagnostic]) {
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("openai.yaml", models), ("aliases.yaml", extra)])
        return (catalog, diagnostics.filter { $0.severity == .error })
    }

    @Test func dropsProviderPrefixesOnlyWhenTheRestNamesAModel() throws {
        let (catalog, _) = Self.catalog()
        #expect(catalog.lookup("openai/gpt-5")?.entry.id == "gpt-5")
        #expect(catalog.lookup("openrouter/openai/gpt-5")?.steps.count == 3)
        #expect(catalog.lookup("together_ai/gpt-5")?.steps.first == "provider prefix `together_ai/` dropped")
        #expect(catalog.lookup("openai/ft:gpt-4.1-mini:acme::x")?.isFineTuned == true)
        #expect(catalog.lookup("openai/gpt-9") == nil)
        #expect(catalog.lookup("/gpt-5") == nil)
    }

    @Test func resolvesAUserAliasToAFineTuneAndChecksItsProvider() throws {
        let (catalog, errors) = Self.catalog("""
            aliases:
              - { name: support-student-v3, model: "ft:gpt-4.1-mini:acme:support:v3", provider: openai }
              - { name: prod-teacher, model: azure/gpt-5 }
            """)
        #expect(errors.isEmpty)
        let student = try #require(catalog.resolve(model: "support-student-v3", at: Timestamp.parse("2026-06-01") ?? 0, tier: .default).price)
        // Fine-tuned rates, not the base's: 0.80 / 3.20.
        #expect(student.isFineTuned && student.rates.input == ExactDecimal("0.8"))
        #expect(catalog.lookup("prod-teacher")?.steps == [
            "user alias at aliases.yaml:3 → `azure/gpt-5`", "provider prefix `azure/` dropped", "catalog id",
        ])
    }

    @Test func rejectsAliasesThatShadowOrNameNothing() {
        let (_, errors) = Self.catalog("""
            aliases:
              - { name: gpt-5, model: gpt-4.1-mini }
              - { name: mine, model: gpt-9 }
              - { name: wrong-provider, model: gpt-5, provider: anthropic }
            """)
        #expect(errors.map(\.line) == [2, 3, 4], "\(errors)")
    }

    @Test func saysWhenAModelCanBeTrained() {
        let (catalog, _) = Self.catalog()
        let day = { (text: String) in UTCDate(iso: text) ?? UTCDate(daysSinceEpoch: 0) }
        #expect(catalog.trainingAvailability(model: "gpt-4.1-mini", on: day("2026-05-06")) == .available)
        guard case .restricted(let excluded) = catalog.trainingAvailability(model: "gpt-4.1-mini", on: day("2026-05-07")) else {
            Issue.record("expected restricted")
            return
        }
        #expect(excluded == ["since 2026-05-07, not for organizations that never fine-tuned (DEP)"])
        guard case .unavailable(let closed) = catalog.trainingAvailability(model: "gpt-4.1-mini", on: day("2027-01-06")) else {
            Issue.record("expected unavailable")
            return
        }
        #expect(closed.contains("from anyone since 2027-01-06"))
        // gpt-5 has no training price: it cannot be fine-tuned at all.
        guard case .unavailable(let untrainable) = catalog.trainingAvailability(model: "gpt-5", on: day("2026-01-01")) else {
            Issue.record("expected unavailable")
            return
        }
        #expect(untrainable.contains("no fine-tuning price"))
    }
}
