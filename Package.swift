// swift-tools-version:6.0
import PackageDescription

/// One library target per stage of the data flow in `../shared/DESIGN.md`; each depends only on the
/// stages before it. `scripts/check-imports.py` (run by `make test`) fails when a target imports a
/// module it does not declare here, or declares one it does not import, so a backwards reach cannot
/// hide behind a transitive dependency. Each C library is a system-library target found through
/// pkg-config and imported by exactly one Swift type. The README's Architecture table is this graph.
let package = Package(
    name: "distill-roi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "distill-roi", targets: ["distill-roi"]),
        /// Exact LLM cost arithmetic for other programs: token usage, money, the dated price catalog,
        /// break-even and ROI. Everything else is `package`: the tool's own stages.
        .library(name: "DistillROICostModel", targets: ["DistillCore", "CostModel", "Pricing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "DistillSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "DistillCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "DistillXlsxWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(
            name: "DistillZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),

        .target(name: "DistillCore"),
        .target(name: "Statistics"),
        .target(name: "CostModel", dependencies: ["DistillCore"]),
        .target(name: "Pricing", dependencies: ["DistillCore", "CostModel", "Yams"]),
        .target(name: "Store", dependencies: ["DistillCore", "DistillSQLite"]),
        .target(name: "HTTP", dependencies: ["DistillCore", "DistillCurl"]),
        .target(name: "Tokenizer", dependencies: ["DistillCore"]),
        .target(name: "Ingest", dependencies: ["DistillCore", "Store", "HTTP", "DistillZlib"]),
        .target(name: "Analytics", dependencies: ["DistillCore", "Statistics", "Store"]),
        .target(name: "Reports", dependencies: ["DistillCore", "Statistics", "CostModel", "Pricing", "Store", "Analytics"]),
        .target(
            name: "Render",
            dependencies: [
                "DistillCore", "Statistics", "CostModel", "Reports", "DistillXlsxWriter",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .target(
            name: "Workflows",
            dependencies: [
                "DistillCore", "Statistics", "CostModel", "Pricing", "Store", "HTTP", "Ingest", "Tokenizer", "Analytics", "Reports",
                "Render",
            ]),
        .executableTarget(
            name: "distill-roi",
            dependencies: [
                "DistillCore", "Statistics", "CostModel", "Ingest", "Tokenizer", "Analytics", "Reports", "Render", "Workflows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .executableTarget(name: "ingest-benchmark", dependencies: ["Ingest", "Store"], path: "Benchmarks/IngestBenchmark"),
        .executableTarget(name: "distill-roi-microbench", dependencies: ["Ingest", "Store", "Tokenizer", "CostModel", "Pricing", "DistillCore"], path: "Benchmarks/MicroBenchmarks"),

        .target(name: "TestSupport", dependencies: ["Store"], path: "Tests/TestSupport"),
        .testTarget(name: "DistillCoreTests", dependencies: ["DistillCore"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "DistillCore", "TestSupport"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "DistillCore", "Store", "TestSupport"]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "DistillCore", "Statistics", "CostModel", "Pricing", "Store", "Ingest", "Analytics", "Reports", "Render",
                "Workflows", "TestSupport",
            ]),
        .testTarget(name: "CLITests", dependencies: ["DistillCore", "Workflows", "Store", "TestSupport"]),
        .testTarget(
            name: "WorkflowsTests",
            dependencies: [
                "DistillCore", "CostModel", "Pricing", "Store", "Ingest", "Tokenizer", "Analytics", "Reports", "Workflows",
                "TestSupport",
            ]),
        .testTarget(name: "CostModelTests", dependencies: ["CostModel", "DistillCore", "TestSupport"]),
        .testTarget(name: "PricingTests", dependencies: ["Pricing", "CostModel", "DistillCore", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "IngestTests", dependencies: ["DistillCore", "Ingest", "Store", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TokenizerTests", dependencies: ["DistillCore", "Tokenizer", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "Ingest", "Store", "TestSupport"], exclude: ["Server"]),

        .target(
            name: "FuzzHarness", dependencies: ["Ingest", "Store", "Pricing", "Tokenizer", "CostModel", "DistillCore"],
            path: "Tests/FuzzTests/Harness"),
        .testTarget(
            name: "FuzzTests", dependencies: ["FuzzHarness", "Ingest", "Store", "Pricing", "Tokenizer", "DistillCore", "TestSupport"],
            exclude: ["Harness", "LibFuzzer", "Crashers"]),
    ]
)

/// The libFuzzer entry point exists only in `make fuzz`'s instrumented build
/// (`-sanitize=fuzzer -parse-as-library`): libFuzzer supplies `main`, so the executable would not
/// link in an ordinary build.
if Context.environment["DISTILL_ROI_LIBFUZZER"] != nil {
    package.targets.append(.executableTarget(name: "distill-fuzz", dependencies: ["FuzzHarness"], path: "Tests/FuzzTests/LibFuzzer"))
}
