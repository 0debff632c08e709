import ArgumentParser
import ParzenRunner

/// How a command that runs directives uses the result cache (`.parzen/cache/` at the project
/// root; docs/authoring.md says what invalidates an entry).
public struct CacheOptions: ParsableArguments {
    @Flag(help: "Compute every directive and neither read nor write the cache.")
    public var noCache = false

    @Flag(help: "Compute every directive and overwrite its cached result.")
    public var refresh = false

    public init() {}

    public func validate() throws {
        if noCache && refresh {
            throw ValidationError("--no-cache leaves the cache alone and --refresh rewrites it; "
                                  + "please give one of them.")
        }
    }

    /// The policy for the report builder: nil with --no-cache.
    public func policy() -> ResultCache.Policy? {
        noCache ? nil : ResultCache.Policy(mode: refresh ? .refresh : .use)
    }

    /// Keeps the caches of `notebooks` within their size cap, once after a render.
    public func trim(for notebooks: [String]) {
        guard let policy = policy() else { return }
        var trimmed: Set<String> = []
        for path in notebooks {
            let cache = policy.cache(forNotebook: path)
            if trimmed.insert(cache.folder.path).inserted { cache.trim() }
        }
    }
}
