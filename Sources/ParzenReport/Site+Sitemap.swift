import ParzenMarkup

extension Site {
    /// `sitemap.xml` (sitemaps.org protocol 0.9) listing the index and every page under
    /// `site-url`, in build order; nil without a site URL. A page whose front-matter `date` is
    /// a calendar date (`YYYY-MM-DD`, a W3C Datetime) gets it as `lastmod`; other dates are
    /// left out of the sitemap rather than guessed.
    public func sitemap() -> String? {
        guard settings.siteURL != nil else { return nil }
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
        ]
        let index: [(path: String, date: String?)] = generatesIndex ? [(Self.indexPath, nil)] : []
        for (path, date) in index + builds.map({ ($0.outputPath, $0.frontMatter.date) }) {
            guard let url = pageURL(for: path) else { continue }
            var entry = "<url><loc>\(Escaping.text(url))</loc>"
            if let date, Self.isCalendarDate(date) { entry += "<lastmod>\(date)</lastmod>" }
            lines.append(entry + "</url>")
        }
        return (lines + ["</urlset>"]).joined(separator: "\n") + "\n"
    }

    /// `YYYY-MM-DD` with a month 01–12 and a day 01–31.
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
