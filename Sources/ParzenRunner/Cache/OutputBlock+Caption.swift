extension OutputBlock {
    /// The block with a figure's caption replaced: a cached figure shows the caption the
    /// author wrote now (captions are not in the cache key).
    func captioned(_ caption: AuthoredText?) -> OutputBlock {
        guard case .figure(var figure) = self else { return self }
        figure.caption = caption
        return .figure(figure)
    }
}
