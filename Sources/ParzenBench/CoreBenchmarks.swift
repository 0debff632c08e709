enum CoreBenchmarks {
    static func run(arguments: [String]) {
        print("core benchmarks: being written in this session")
    }
}
