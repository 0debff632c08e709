/// What one directive's validation read besides its options: the earlier results (by
/// label) and the files (by resolved path). With its options, seed and code versions they
/// are everything its result depends on, so they make its cache key.
struct DirectiveInputs: Sendable {
    var labels: Set<String> = []
    var files: Set<String> = []
}
