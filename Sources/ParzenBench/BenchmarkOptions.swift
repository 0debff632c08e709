/// The flags every suite takes: `--data DIR` (where data and timings go), `--repeat K`
/// (median of K runs) and, where the suite has cases, `--case NAME` (run only that one).
struct BenchmarkOptions {
    var directory: String
    var repeats: Int
    var only: String?

    /// The options in `arguments`, or nil after printing `usage` for anything else.
    init?(_ arguments: [String], directory: String, repeats: Int, acceptsCase: Bool = false, usage: String) {
        self.directory = directory
        self.repeats = repeats
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch (arguments[index], value) {
            case ("--data", let value?): self.directory = value
            case ("--repeat", let value?): self.repeats = max(1, Int(value) ?? repeats)
            case ("--case", let value?) where acceptsCase: only = value
            default:
                print("usage: " + usage)
                return nil
            }
            index += 2
        }
    }
}
