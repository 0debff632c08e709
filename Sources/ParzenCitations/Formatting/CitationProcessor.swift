/// Formats a page's citations and its reference list in one style.
///
/// It sees every citation of the page at once, because both styles depend on the whole page:
/// author–year adds "a"/"b" to the years of works that would otherwise cite alike, numeric
/// numbers works in the order they are first cited.
///
/// ```swift
/// let citations = texts.flatMap { Citation.find(in: $0) }
/// let processor = CitationProcessor(database: database, citations: citations)
/// processor.format(citations[0])   // [.text("("), .reference(key: "parzen1962", …), .text(")")]
/// processor.references             // sorted entries, DOIs and URLs as links
/// ```
public struct CitationProcessor: Sendable {
    /// The style it formats in.
    public let style: CitationStyle
    private let database: BibDatabase
    private var formatters: [String: ReferenceFormatter] = [:]
    /// The names each work's in-text citations show, disambiguated (author–year).
    private var inTextNames: [String: String] = [:]
    private var numbers: [String: Int] = [:]
    /// The listed keys in the style's order.
    private var order: [String] = []

    /// - Parameters:
    ///   - citations: every citation of the page, in reading order (unknown keys are left out
    ///     of the list; report them with ``Citation/unknownKeys(in:)``).
    ///   - nocite: keys to list although not cited (`"*"` lists the whole database).
    public init(
        database: BibDatabase, style: CitationStyle = .authorYear, citations: [Citation], nocite: [String] = []
    ) {
        self.style = style
        self.database = database
        var keys: [String] = [], listed: Set<String> = []
        for key in citations.flatMap({ $0.items.map(\.key) }) + nocite.flatMap({ $0 == "*" ? database.keys : [$0] })
        where database.entry(forKey: key) != nil && listed.insert(key).inserted {
            keys.append(key)
        }
        let works = keys.compactMap { database.entry(forKey: $0) }.map(Work.init)
        let sorted = works.sorted(by: Self.referenceOrder)
        switch style.kind {
        case .numeric:
            order = keys
            for (offset, key) in keys.enumerated() { numbers[key] = offset + 1 }
            for work in works { formatters[work.entry.key] = ReferenceFormatter(work: work, yearSuffix: "") }
        case .authorYear:
            order = sorted.map(\.entry.key)
            inTextNames = Self.disambiguatedNames(sorted, etAlMinimum: style.etAlMinimum)
            // Works that still cite alike ("Doe 2001") get a, b, … in reference-list order.
            let groups = Dictionary(grouping: sorted) { [inTextNames[$0.entry.key] ?? "", $0.year ?? ""] }
            for work in sorted {
                let group = groups[[inTextNames[work.entry.key] ?? "", work.year ?? ""]] ?? []
                let position = group.firstIndex { $0.entry.key == work.entry.key } ?? 0
                let suffix = group.count > 1 ? String(UnicodeScalar(UInt8(ascii: "a") + UInt8(position % 26))) : ""
                formatters[work.entry.key] = ReferenceFormatter(work: work, yearSuffix: suffix)
            }
        }
    }

    /// The reference list, in the style's order: author–year sorts by names, year, title;
    /// numeric lists in order of first citation.
    public var references: [ReferenceEntry] {
        var previousNames: String?
        return order.compactMap { key in
            guard let formatter = formatters[key] else { return nil }
            let names = formatter.namesBlock
            let repeats = style.kind == .authorYear && names != nil && names == previousNames
            previousNames = names
            let content = CitationInline.merged(formatter.entry(repeatsNames: repeats))
            return ReferenceEntry(key: key, label: numbers[key].map(String.init), content: content)
        }
    }

    /// The citation as it reads in the text: "(Parzen 1962, 12)", "Parzen (1962)", "[1, 3]".
    /// Each work is wrapped in ``CitationInline/reference(key:_:)``; a key the database lacks
    /// prints as "?key" (in brackets) or as written ("@key", narrative).
    public func format(_ citation: Citation) -> [CitationInline] {
        CitationInline.merged(style.kind == .authorYear ? authorYear(citation) : numeric(citation))
    }

    // MARK: Author–year

    private func authorYear(_ citation: Citation) -> [CitationInline] {
        if citation.form == .narrative, let item = citation.items.first {
            guard let formatter = formatters[item.key] else { return [.text("@" + item.key)] }
            let inner = [formatter.dateText] + locatorText(item, numeric: false) + [item.suffix]
            return [.reference(key: item.key, authorText(formatter) + [.text(" (" + inner.joined() + ")")])]
        }
        var pieces: [CitationInline] = [.text("(")]
        var previous: (names: String, plain: Bool)?
        for (offset, item) in citation.items.enumerated() {
            guard let formatter = formatters[item.key] else {
                pieces.append(.text((offset > 0 ? "; " : "") + "?" + item.key))
                previous = nil
                continue
            }
            let names = CitationInline.plainText(authorText(formatter))
            let tail = [formatter.dateText] + locatorText(item, numeric: false) + [item.suffix]
            let plain = item.prefix.isEmpty && item.locator == nil && item.suffix.isEmpty && !item.suppressesAuthor
            // Consecutive works by the same names share them: "(Doe 2001a, 2001b)" — not when
            // either carries a prefix, a locator or a suffix (pandoc keeps those apart).
            if let previous, previous.names == names, previous.plain, plain {
                pieces.append(.text(", "))
                pieces.append(.reference(key: item.key, [.text(tail.joined())]))
            } else {
                if offset > 0 { pieces.append(.text("; ")) }
                if !item.prefix.isEmpty { pieces.append(.text(item.prefix + " ")) }
                // Chicago puts a comma before "n.d.": "(Oldman, n.d.)".
                let separator: CitationInline = .text(formatter.work.year == nil ? ", " : " ")
                let author = item.suppressesAuthor ? [] : authorText(formatter) + [separator]
                pieces.append(.reference(key: item.key, author + [.text(tail.joined())]))
            }
            previous = (names, plain)
        }
        pieces.append(.text(")"))
        return CitationInline.merged(pieces)
    }

    /// The names an in-text citation shows: authors, else editors, else the title.
    private func authorText(_ formatter: ReferenceFormatter) -> [CitationInline] {
        let work = formatter.work
        if work.names.isEmpty { return formatter.shortTitle }
        let names = inTextNames[work.entry.key] ?? NameFormatter.short(work.names, etAlMinimum: style.etAlMinimum)
        return [.text(names)]
    }

    /// In-text names that tell works apart before year letters do, as Chicago author-date
    /// asks (CSL `disambiguate-add-givenname`, `givenname-disambiguation-rule="primary-name"`,
    /// `disambiguate-add-names`): a first author whose family name another cited person shares
    /// gets initials ("P. Hall", "J. A. Hall"); works whose "et al." hides different teams show
    /// as many names as it takes ("Fox, Lee, et al.", "Fox, Wu, et al.").
    private static func disambiguatedNames(_ works: [Work], etAlMinimum: Int) -> [String: String] {
        let primaries = works.compactMap { $0.names.first { !$0.isOthers } }
        let shared = Set(Dictionary(grouping: primaries, by: \.last)
            .filter { Set($0.value.map(NameFormatter.person)).count > 1 }.keys)
        func names(_ work: Work, shown: Int) -> String {
            guard !work.names.isEmpty else {
                return CitationInline.plainText(ReferenceFormatter(work: work, yearSuffix: "").shortTitle)
            }
            let initials = work.names.first.map { shared.contains($0.last) } ?? false
            return NameFormatter.short(work.names, etAlMinimum: etAlMinimum, shown: shown, initials: initials)
        }
        var result = Dictionary(uniqueKeysWithValues: works.map { ($0.entry.key, names($0, shown: 1)) })
        let alike = Dictionary(grouping: works) { [result[$0.entry.key]!, $0.year ?? ""] }
            .values.filter { $0.count > 1 }
        for group in alike {
            let most = group.map(\.names.count).max() ?? 1
            guard most > 1, let shown = (2...most).first(where: { n in
                Set(group.map { names($0, shown: n) }).count == group.count
            }) else { continue }
            for work in group { result[work.entry.key] = names(work, shown: shown) }
        }
        return result
    }

    /// ", 12", ", ch. 2" — Chicago prints page numbers bare and other parts with their term;
    /// numeric styles keep "p." too.
    private func locatorText(_ item: CitationItem, numeric: Bool) -> [String] {
        guard let locator = item.locator else { return [] }
        let value = locator.label == .page ? PageRange.chicago(locator.value)
            : locator.value.replacingOccurrences(of: "-", with: "–")
        let term = locator.isPlural ? locator.label.shortForm.plural : locator.label.shortForm.singular
        return [", " + (locator.label == .page && !numeric ? value : term + " " + value)]
    }

    // MARK: Numeric

    private func numeric(_ citation: Citation) -> [CitationInline] {
        let items = citation.items
        // Plain numbers are sorted and runs of three or more collapsed ("[1–3, 5]").
        let plain = items.allSatisfy {
            $0.prefix.isEmpty && $0.locator == nil && $0.suffix.isEmpty && numbers[$0.key] != nil
        }
        var pieces: [CitationInline] = []
        if citation.form == .narrative, let item = items.first, let formatter = formatters[item.key] {
            pieces += authorText(formatter) + [.text(" ")]
        } else if citation.form == .narrative, let item = items.first {
            return [.text("@" + item.key)]
        }
        pieces.append(.text("["))
        if plain {
            let sorted = items.sorted { numbers[$0.key]! < numbers[$1.key]! }
            var runs: [[CitationItem]] = []
            for item in sorted {
                if let last = runs.last?.last, numbers[item.key]! == numbers[last.key]! + 1 {
                    runs[runs.count - 1].append(item)
                } else if runs.last?.last?.key != item.key {
                    runs.append([item])
                }
            }
            for (offset, run) in runs.enumerated() {
                if offset > 0 { pieces.append(.text(", ")) }
                if run.count >= 3 {
                    pieces.append(numberReference(run.first!))
                    pieces.append(.text("–"))
                    pieces.append(numberReference(run.last!))
                } else {
                    for (index, item) in run.enumerated() {
                        if index > 0 { pieces.append(.text(", ")) }
                        pieces.append(numberReference(item))
                    }
                }
            }
        } else {
            for (offset, item) in items.enumerated() {
                if offset > 0 { pieces.append(.text("; ")) }
                if !item.prefix.isEmpty { pieces.append(.text(item.prefix + " ")) }
                pieces.append(numberReference(item))
                pieces.append(.text((locatorText(item, numeric: true) + [item.suffix]).joined()))
            }
        }
        pieces.append(.text("]"))
        return CitationInline.merged(pieces)
    }

    private func numberReference(_ item: CitationItem) -> CitationInline {
        guard let number = numbers[item.key] else { return .text("?" + item.key) }
        return .reference(key: item.key, [.text(String(number))])
    }

    // MARK: Order

    /// Chicago's reference-list order: names (the title when there are none), year, title.
    private static func referenceOrder(_ a: Work, _ b: Work) -> Bool {
        let keyA = sortKeys(a), keyB = sortKeys(b)
        return keyA.lexicographicallyPrecedes(keyB)
    }

    private static func sortKeys(_ work: Work) -> [String] {
        let title = CitationInline.plainText(work.title ?? []).sortFolded
        let names = work.names.isEmpty ? title : NameFormatter.sortKey(work.names)
        // Undated works follow dated ones by the same names.
        return [names, work.year ?? "~", title, work.entry.key]
    }
}
