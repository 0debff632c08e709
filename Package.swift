// swift-tools-version: 6.1
import PackageDescription

// Layers, one way: Format (notebook, Markdown, directives) → Core (statistics) →
// Runner (directives against the core) → Report (HTML, with Math and Plot) → CLI.
// ParzenMarkup (escaping, did-you-mean) sits under every layer that writes text.
// ParzenCore, ParzenMath and ParzenPlot depend on nothing else, so each builds and tests alone.
let package = Package(
    name: "Parzen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parzen", targets: ["parzen"]),
        .executable(name: "parzen-preview", targets: ["parzen-preview"]),
        .library(name: "ParzenCore", targets: ["ParzenCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The preview server. Chosen over hummingbird 2 by measurement (a hello server, 2 shared cores):
        // first debug build 38 s vs 150 s, release binary 4.0 MB vs 39.7 MB.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // XXH3-128 for the result cache's keys and checksums: 10-20x SHA-256's speed on this
        // machine (200 MB: 0.06-0.10 s vs 1.1-1.3 s) without swift-crypto's build time.
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"])]),
        // Per-page math font subsets: HarfBuzz's subsetter, and brotli for the WOFF2 container.
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz-subset", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlienc", providers: [.apt(["libbrotli-dev"])]),
        .target(name: "ParzenMarkup"),
        // The statistics are optimised in debug builds too: the test suite renders the tutorial
        // notebooks, whose Monte Carlo and permutation tests run ~20× slower unoptimised.
        .target(name: "ParzenCore", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "ParzenMath", dependencies: ["ParzenMarkup"]),
        // Chart values (what a figure shows) apart from their SVG writer, so that the runner
        // returns figures as data and every output format draws them its own way.
        .target(name: "ParzenChart"),
        .target(name: "ParzenPlot", dependencies: ["ParzenChart", "ParzenMarkup"]),
        .target(
            name: "ParzenFormat",
            dependencies: ["CCmarkGFM", "ParzenMarkup", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "ParzenHTML", dependencies: ["ParzenFormat", "ParzenMarkup"]),
        // BibTeX, citation syntax and reference lists; writers turn its typed inlines into HTML.
        .target(name: "ParzenCitations", dependencies: ["ParzenFormat", "ParzenMarkup"]),
        .target(
            name: "ParzenRunner",
            dependencies: ["ParzenFormat", "ParzenMarkup", "ParzenCore", "ParzenChart", "CXXHash"]
        ),
        .target(
            name: "ParzenReport",
            dependencies: [
                "ParzenFormat", "ParzenHTML", "ParzenMarkup", "ParzenRunner", "ParzenMath", "ParzenPlot", "ParzenChart",
                "ParzenCitations", "CHarfBuzz", "CBrotli",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `parzen preview`: renders, serves on loopback, watches the inputs, reloads open pages.
        .target(
            name: "ParzenPreview",
            dependencies: [
                "ParzenReport", "ParzenRunner", "ParzenFormat", "ParzenMarkup",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // What the command-line tools share: the notebook and cache options, diagnostics output.
        .target(
            name: "ParzenCommandLine",
            dependencies: [
                "ParzenReport", "ParzenRunner", "ParzenFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `parzen` links no HTTP library: FlyingFox pulls in FoundationNetworking and libcurl (~60
        // shared libraries, 10-25 ms of every start), so `parzen preview` runs `parzen-preview`.
        .executableTarget(
            name: "parzen",
            dependencies: [
                "ParzenReport", "ParzenRunner", "ParzenCore", "ParzenMarkup", "ParzenCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "parzen-preview",
            dependencies: [
                "ParzenPreview", "ParzenReport", "ParzenRunner", "ParzenFormat", "ParzenCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/PreviewServer"
        ),
        // Benchmarks (`make bench`): times Parzen's own work in-process; bench/*.sh runs the
        // reference tools on the same data in the same run and prints ratios.
        .executableTarget(
            name: "parzen-bench",
            dependencies: ["ParzenCore", "ParzenMath", "ParzenFormat", "ParzenRunner", "ParzenReport"],
            path: "Sources/ParzenBench"
        ),
        // What every test target shares: the one locator of fixtures and of `../shared/`, the
        // trait that skips tests needing `../shared/`, the self-written fixtures' facts, `isClose`.
        .target(name: "ParzenTestSupport", path: "Tests/ParzenTestSupport"),
        // Fuzzing (`make fuzz`): the targets and their invariants, in the normal build so the
        // tests replay the corpus and the findings through them.
        .target(
            name: "ParzenFuzz",
            dependencies: ["ParzenReport", "ParzenRunner", "ParzenFormat", "ParzenMath", "ParzenCitations"],
            path: "fuzz/Sources/ParzenFuzz"
        ),
        .testTarget(
            name: "ParzenCoreTests", dependencies: ["ParzenCore", "ParzenTestSupport"], resources: [.copy("References")]
        ),
        .testTarget(name: "ParzenMarkupTests", dependencies: ["ParzenMarkup", "ParzenTestSupport"]),
        .testTarget(name: "ParzenHTMLTests", dependencies: ["ParzenHTML", "ParzenFormat", "ParzenTestSupport"]),
        .testTarget(name: "ParzenMathTests", dependencies: ["ParzenMath", "ParzenTestSupport"]),
        .testTarget(name: "ParzenPlotTests", dependencies: ["ParzenPlot", "ParzenChart"]),
        .testTarget(name: "ParzenFormatTests", dependencies: ["ParzenFormat", "ParzenTestSupport"]),
        .testTarget(
            name: "ParzenCitationsTests", dependencies: ["ParzenCitations", "ParzenFormat"],
            resources: [.copy("References")]
        ),
        .testTarget(name: "ParzenRunnerTests", dependencies: ["ParzenRunner", "ParzenChart", "ParzenPlot", "ParzenTestSupport"]),
        .testTarget(
            name: "ParzenReportTests",
            dependencies: ["ParzenReport", "ParzenRunner", "ParzenFormat", "ParzenChart", "ParzenTestSupport"]
        ),
        .testTarget(
            name: "ParzenPreviewTests",
            dependencies: ["ParzenPreview", "ParzenReport", "ParzenRunner", "ParzenTestSupport"]
        ),
        .testTarget(
            name: "ParzenFuzzTests",
            dependencies: ["ParzenFuzz", "ParzenReport", "ParzenRunner", "ParzenFormat", "ParzenTestSupport"]
        ),
    ]
)

// The libFuzzer executable exists only for `make fuzz`, which sets PARZEN_FUZZ=1 and builds
// with `-sanitize=fuzzer,address`: libFuzzer supplies its `main`, so a plain `swift build`
// could not link it.
if Context.environment["PARZEN_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "parzen-fuzz", dependencies: ["ParzenFuzz"], path: "fuzz/Harness"))
}
