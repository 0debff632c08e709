import ParzenCore

/// The cache key of one directive's result: a digest of everything the result depends on.
///
/// In it: the cache format, the core's and the directive's versions, the directive's name
/// and label (models are named by their labels in legends and tables), its options in
/// canonical form (sorted, however the YAML was spelt or ordered), its effective seed, the
/// labels and keys of the results it reads, and the digests of the files it reads.
/// Not in it: the line it sits on, the prose around it, and the options that only say how
/// the result is shown — `caption` (put back from the current call when a cached result is
/// used), `expect` (checked against the outcome, cached or not), `echo` and `output` (applied
/// to the output after it is computed or read, see `DirectivePresentation`).
enum ResultKey {
    /// Bumped when what an entry holds or how a key is made changes.
    // 2: results in BinaryResultEncoder's form, not JSON; 3: formulas and prose as arrays
    // (MathExpression+Codable, Inline+Codable)
    static let formatVersion: UInt64 = 3

    /// Options left out of the key: see the type's comment.
    static let presentationOptions: Set<String> = ["caption", "expect", "echo", "output"]

    /// The key, or nil when an input has none (a result read that has no key of its own, a
    /// file that cannot be read now): such a result is computed and not cached.
    static func make(
        for call: DirectiveCall, version: Int, seed: UInt64, inputs: DirectiveInputs,
        upstream: [String: ContentDigest], fileDigest: (String) -> ContentDigest?
    ) -> ContentDigest? {
        var builder = DigestBuilder()
        builder.add("parzen result")
        builder.add(formatVersion)
        builder.add(UInt64(CoreVersion.number))
        builder.add(call.name)
        builder.add(call.label.map { "label " + $0 } ?? "unlabelled")
        builder.add(UInt64(version))
        builder.add(call.options.canonicalText(excluding: presentationOptions))
        builder.add(seed)
        let labels = inputs.labels.union(call.options.referencedLabels).sorted()
        builder.add(UInt64(labels.count))
        for label in labels {
            guard let key = upstream[label] else { return nil }
            builder.add(label)
            builder.add(key)
        }
        let files = inputs.files.union(call.options.resolvedPaths).sorted()
        builder.add(UInt64(files.count))
        for file in files {
            guard let digest = fileDigest(file) else { return nil }
            builder.add(digest)
        }
        return builder.digest
    }
}
