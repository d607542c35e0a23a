import CostModel
import DistillCore
import Testing
import TestSupport

@testable import Pricing

@Suite struct CatalogValidationTests {
    static let valid = """
        provider: acme
        models:
          - id: base
            aliases: [base-2026-01-01]
            prices:
              - effective_from: 2026-01-01
                source: test
                as_of: "2026-01-01"
                default: { input: 1.00, output: 2.00 }
        """

    static func diagnostics(_ text: String) -> [Diagnostic] {
        PriceCatalog.parse(files: [("a.yaml", text)]).diagnostics.filter { $0.severity == .error }
    }

    @Test func acceptsAValidFile() {
        #expect(Self.diagnostics(Self.valid).isEmpty)
    }

    @Test(arguments: [
        // (text, line of the error, words in the message)
        ("provider: x\nmodels:\n  - id: m\n    colour: red\n    prices: []\n", 4, "unknown key `colour`"),
        ("models:\n  - id: m\n    prices:\n      - effective_from: 2026-01-01\n        source: s\n        as_of: x\n        default: { input: -1, output: 2 }\n", 7, "must not be negative"),
        ("models:\n  - id: m\n    prices:\n      - effective_from: 2026-01-01\n        source: s\n        as_of: x\n        default: { input: 1 }\n", 7, "missing the required key `output`"),
        ("models:\n  - id: m\n    prices:\n      - effective_from: 2026-01-01\n        source: s\n        as_of: x\n        default: { input: abc, output: 1 }\n", 7, "decimal number"),
        ("models:\n  - id: m\n    prices:\n      - effective_from: 2026-01-01\n        source: s\n        default: { input: 1, output: 1 }\n", 4, "`as_of`"),
        ("models:\n  - id: m\n    prices:\n      - effective_from: 2026-13-01\n        source: s\n        as_of: x\n        default: { input: 1, output: 1 }\n", 4, "YYYY-MM-DD"),
        ("models:\n  - id: m\n    prices: [\n", 4, "not valid YAML"),
        ("models:\n  - id: m\n    id: n\n", 2, "duplicated key(s) id"),
        ("models:\n  - id: m\n    prices:\n      - effective_from: 2026-01-01\n        source: s\n        as_of: x\n        default: { input: ~, output: 1 }\n", 7, "non-empty value"),
        ("models:\n  - id: m\n    prices:\n      - effective_from: 2026-01-01\n        source: s\n        as_of: x\n        default: { input: 2.5e9, output: 1 }\n", 7, "implausibly large"),
        ("currency_rates:\n  - { from: USD, to: EUR, rate: 0.9, date: 2026-01-01, source: a }\n  - { from: USD, to: EUR, rate: 0.8, date: 2026-01-01, source: b }\n", 3, "second USD→EUR rate"),
        ("models:\n  - id: m\n    shutdown: 2026-01-01\n    prices: []\n", 2, "without a `shutdown_source`"),
        ("models:\n  - id: m\n    successor: n\n    prices: []\n", 2, "without a `successor_source`"),
    ])
    func reportsEachProblemWithItsLine(text: String, line: Int, words: String) {
        let found = Self.diagnostics(text)
        #expect(found.contains { $0.line == line && $0.message.contains(words) }, "\(found)")
        #expect(found.allSatisfy { $0.description.hasPrefix("a.yaml:") })
    }

    @Test func pricesCacheWritesAndInheritsUnpublishedTierRates() throws {
        // A model that bills cache writes at 1.25 × input (as GPT-5.6 does): default 2 / 0.2 / 2.5 / 12;
        // batch publishes only input and output, so it inherits cached 0.2 and cache write 2.5.
        let text = """
            models:
              - id: writer
                prices:
                  - effective_from: 2026-01-01
                    source: s
                    as_of: x
                    default: { input: 2, cached_input: 0.2, cache_write: 2.5, output: 12 }
                    batch: { input: 1, output: 6 }
            """
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("a.yaml", text)])
        #expect(diagnostics.isEmpty)
        let at = Timestamp.parse("2026-03-01")!
        // 100K input = 50K uncached + 20K cached + 30K written, 10K output:
        // default 50K × 2 + 20K × 0.2 + 30K × 2.5 + 10K × 12 = 0.1 + 0.004 + 0.075 + 0.12 = 0.299;
        // batch   50K × 1 + 20K × 0.2 + 30K × 2.5 + 10K × 6  = 0.05 + 0.004 + 0.075 + 0.06 = 0.189.
        let usage = TokenUsage(input: 100_000, cachedInput: 20_000, cacheWrite: 30_000, output: 10_000)
        let standard = try #require(catalog.resolve(model: "writer", at: at, tier: .default).price)
        let batch = try #require(catalog.resolve(model: "writer", at: at, tier: .batch).price)
        #expect(try cost(of: usage, at: standard.rates).exactDecimalString == "0.299")
        #expect(try cost(of: usage, at: batch.rates).exactDecimalString == "0.189")
    }

    @Test func reportsOverlappingPeriods() {
        let text = """
            models:
              - id: m
                prices:
                  - effective_from: 2026-01-01
                    effective_until: 2026-03-01
                    source: s
                    as_of: x
                    default: { input: 1, output: 1 }
                  - effective_from: 2026-02-01
                    source: s
                    as_of: x
                    default: { input: 2, output: 2 }
            """
        let found = Self.diagnostics(text)
        #expect(found.count == 1)
        #expect(found.first?.line == 9)
        #expect(found.first?.message.contains("overlaps") == true)
    }

    @Test func closesAnOpenPeriodAtTheNextOne() throws {
        let text = """
            models:
              - id: m
                prices:
                  - effective_from: 2026-02-01
                    source: later
                    as_of: x
                    default: { input: 2, output: 2 }
                  - effective_from: 2026-01-01
                    source: earlier
                    as_of: x
                    default: { input: 1, output: 1 }
            """
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("a.yaml", text)])
        #expect(diagnostics.isEmpty)
        let january = catalog.resolve(model: "m", at: Timestamp.parse("2026-01-31T23:59:59Z")!, tier: .default).price
        let february = catalog.resolve(model: "m", at: Timestamp.parse("2026-02-01T00:00:00Z")!, tier: .default).price
        #expect(january?.source == "earlier")
        #expect(january?.period.effectiveUntil == UTCDate(year: 2026, month: 2, day: 1))
        #expect(february?.source == "later")
        #expect(february?.location.line == 4)
    }

    @Test func reportsCollidingAliasesAndDuplicateIDs() {
        let text = Self.valid + """

              - id: other
                aliases: [base-2026-01-01, base]
                prices:
                  - effective_from: 2026-01-01
                    source: test
                    as_of: x
                    default: { input: 1, output: 2 }
              - id: base
                prices:
                  - effective_from: 2026-01-01
                    source: test
                    as_of: x
                    default: { input: 1, output: 2 }
            """
        let messages = Self.diagnostics(text).map(\.message)
        #expect(messages.contains { $0.contains("alias `base-2026-01-01` of `other` is also an alias of `base`") })
        #expect(messages.contains { $0.contains("alias `base` of `other` collides with the model id") })
        #expect(messages.contains { $0.contains("defined twice") })
    }

    @Test func laterFilesOverrideEarlierOnesModelByModel() throws {
        let directory = try TemporaryDirectory("pricing-override")
        try directory.write("a/10-base.yaml", Self.valid + """

              - id: kept
                prices:
                  - effective_from: 2026-01-01
                    source: base file
                    as_of: x
                    default: { input: 5, output: 5 }
            """)
        try directory.write("a/20-discount.yaml", """
            models:
              - id: base
                prices:
                  - effective_from: 2026-01-01
                    source: negotiated
                    as_of: x
                    default: { input: 0.80, output: 1.60 }
            """)
        try directory.write("a/README.md", "not a catalog file")
        try directory.write("b/eur.yaml", """
            currency: EUR
            models:
              - id: euro-model
                prices:
                  - effective_from: 2026-01-01
                    source: eu
                    as_of: x
                    default: { input: 1, output: 1 }
            """)
        let catalog = try PriceCatalog.load(directories: [directory.path("a"), directory.path("b")])
        let now = Timestamp.parse("2026-06-01")!
        let base = try #require(catalog.resolve(model: "base", at: now, tier: .default).price)
        #expect(base.rates.input.description == "0.8")
        #expect(base.location.file.hasSuffix("20-discount.yaml"))
        // The replacing entry has no alias, so the old alias no longer resolves.
        #expect(catalog.resolve(model: "base-2026-01-01", at: now, tier: .default).price == nil)
        #expect(catalog.resolve(model: "kept", at: now, tier: .default).price?.location.file.hasSuffix("10-base.yaml") == true)
        #expect(catalog.resolve(model: "euro-model", at: now, tier: .default).price?.currency == "EUR")
        #expect(catalog.warnings.count == 1)
    }

    @Test func letsALaterFileOverrideOneSnapshotButNotStealAnID() throws {
        let snapshot = """
            models:
              - id: base-2026-01-01
                prices:
                  - { effective_from: 2026-01-01, source: later, as_of: x, default: { input: 0.5, output: 1 } }
            """
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("a.yaml", Self.valid), ("b.yaml", snapshot)])
        #expect(diagnostics.isEmpty)
        let at = Timestamp.parse("2026-02-01")!
        #expect(catalog.resolve(model: "base-2026-01-01", at: at, tier: .default).price?.source == "later")
        #expect(catalog.resolve(model: "base", at: at, tier: .default).price?.source == "test")
        // The other way round, a later alias naming an earlier id, is an error: the id would win silently.
        let stealing = """
            models:
              - id: thief
                aliases: [base]
                prices:
                  - { effective_from: 2026-01-01, source: s, as_of: x, default: { input: 1, output: 1 } }
            """
        let errors = PriceCatalog.parse(files: [("a.yaml", Self.valid), ("b.yaml", stealing)]).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.descriptionWithSeverity) == ["b.yaml:2: error: alias `base` of `thief` collides with the model id defined at a.yaml:3"])
    }

    @Test func throwsWithEveryErrorWhenLoadingABrokenCatalog() throws {
        let directory = try TemporaryDirectory("pricing-broken")
        try directory.write("bad.yaml", "models:\n  - id: m\n    colour: red\n    prices: []\n  - aliases: [x]\n")
        #expect {
            try PriceCatalog.load(directories: [directory.url.path])
        } throws: { error in
            guard case PricingError.invalidCatalog(let diagnostics) = error else { return false }
            // Unknown key (line 3), no valid price period (line 2), a model without an id (line 5).
            return diagnostics.compactMap(\.line).sorted() == [2, 3, 5] && "\(error)".contains("bad.yaml:3")
        }
        #expect(throws: PricingError.self) { try PriceCatalog.load(directories: [directory.path("missing")]) }
    }
}
