import ArgumentParser
import ParzenFormat

/// `--budget`: a page size such as `300k`, `300KB`, `1.5MB` or `300 KiB`. `k` and `M` alone
/// mean KB and MB (powers of 1000), as in `--budget 300k`.
struct PageBudget: ExpressibleByArgument {
    var bytes: Int

    init?(argument: String) {
        var text = argument
        if let last = text.last, last == "k" || last == "K" || last == "M" { text += "B" }
        if text.hasSuffix("kB") || text.hasSuffix("KB") { text = String(text.dropLast(2)) + "KB" }
        guard case .success(let bytes) = ByteSize.parse(text), bytes > 0 else { return nil }
        self.bytes = bytes
    }
}
