// parzen-bench SUITE [arguments…] — runs one benchmark suite and prints its timings.
// Suites: `core` (density estimation, bandwidth selection), `largefit` (KDE fits and NLL at
// N = 1e5–1e6), `twosample` (MMD, energy distance), `math` (TeX → MathML), `resultcoding`
// (the result cache's format: JSON against a binary property list).
// bench/run.sh calls these next to the reference tools and prints the ratios.

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "core":
    CoreBenchmarks.run(arguments: Array(arguments.dropFirst()))
case "largefit":
    LargeFitBenchmarks.run(arguments: Array(arguments.dropFirst()))
case "twosample":
    TwoSampleBenchmarks.run(arguments: Array(arguments.dropFirst()))
case "math":
    MathBenchmarks.run(arguments: Array(arguments.dropFirst()))
case "resultcoding":
    ResultCodingBenchmarks.run(arguments: Array(arguments.dropFirst()))
default:
    print("usage: parzen-bench core|largefit|twosample|math|resultcoding [arguments…]")
}
