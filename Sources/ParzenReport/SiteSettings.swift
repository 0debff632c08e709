import ParzenFormat

/// What a project adds to its pages (``RenderPlan`` reads it from `parzen.yml`): the site's
/// name, where it is published, and its navigation. Pages rendered outside a project have none.
public struct SiteSettings: Sendable, Equatable {
    /// A heading of the site navigation and its pages, by output path.
    public struct Section: Sendable, Equatable {
        public var title: String?
        public var pages: [String]

        public init(title: String?, pages: [String]) {
            self.title = title
            self.pages = pages
        }
    }

    /// The site's name (navigation, index, `og:site_name`).
    public var title: String?
    /// The absolute URL of the output folder, ending in `/`: with it, pages carry canonical and
    /// Open Graph links and the site gets a `sitemap.xml`.
    public var siteURL: String?
    /// The navigation; empty outside a project (no sidebar, no breadcrumbs).
    public var sections: [Section]
    /// The project's default `lang` and its `words:`, for the index (pages take their own
    /// front matter's language).
    public var words: WordTable

    public init(title: String? = nil, siteURL: String? = nil, sections: [Section] = [],
                words: WordTable = WordTable()) {
        self.title = title
        self.siteURL = siteURL
        self.sections = sections
        self.words = words
    }

    /// Outside a project: pages as they always were.
    public static let none = SiteSettings()

    public var hasNavigation: Bool { !sections.isEmpty }
}
