import Testing
@testable import ParzenFormat

/// Sizes against the unit definitions of IEC 80000-13 (kilo = 10³, kibi = 2¹⁰, …).
@Suite struct ByteSizeTests {
    @Test(arguments: [
        ("0 B", 0), ("512 B", 512), ("1 KB", 1_000), ("1 KiB", 1_024), ("250 MB", 250_000_000),
        ("1 MiB", 1_048_576), ("1 GiB", 1_073_741_824), ("2GB", 2_000_000_000), ("1.5 GiB", 1_610_612_736),
        ("0.5 KiB", 512), ("1.0001 KB", 1_000), ("  3 MiB  ", 3_145_728),
    ])
    func parsesSizesWithUnits(text: String, bytes: Int) {
        #expect(ByteSize.parse(text) == .success(bytes))
    }

    @Test func aBareNumberNeedsAUnit() {
        #expect(ByteSize.parse("1024") == .failure(.init(
            message: "the size '1024' has no unit", fix: "add one of: B, KB, MB, GB, KiB, MiB, GiB (e.g. '1024 MiB')")))
    }

    @Test func aMisspeltUnitGetsADidYouMean() {
        #expect(ByteSize.parse("1 GIB") == .failure(.init(message: "unknown size unit 'GIB'", fix: "did you mean 'GiB'?")))
        #expect(ByteSize.parse("1 Gbit").failureMessage == "unknown size unit 'Gbit'")
    }

    @Test(arguments: ["", "GiB", "-1 GiB", "1.2.3 MB", ".5 MB", "5. MB", "one GiB"])
    func refusesWhatIsNotASize(text: String) {
        #expect(ByteSize.parse(text).failureMessage != nil)
    }

    @Test func refusesSizesBeyondInt() {
        // 2⁶³ bytes = 8 EiB = 8 589 934 592 GiB; one below fits.
        #expect(ByteSize.parse("8589934592 GiB").failureMessage == "the size '8589934592 GiB' is too large")
        #expect(ByteSize.parse("8589934591 GiB") == .success(8_589_934_591 << 30))
    }
}

extension Result where Failure == ByteSize.Problem {
    var failureMessage: String? {
        if case .failure(let problem) = self { return problem.message }
        return nil
    }
}
