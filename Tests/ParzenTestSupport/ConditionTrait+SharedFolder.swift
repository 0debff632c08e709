import Testing

extension Trait where Self == ConditionTrait {
    /// Runs the test only when `../shared/` sits beside the repository (it does in CI). In a
    /// bare clone the test is reported as skipped with this notice; a self-written fixture in
    /// `Tests/Fixtures/` covers the same behaviour there.
    public static var requiresSharedFolder: Self {
        .enabled(
            if: Fixtures.sharedFolder != nil,
            "../shared/ is not beside the repository; the self-written fixture in Tests/Fixtures/ covers this"
        )
    }
}
