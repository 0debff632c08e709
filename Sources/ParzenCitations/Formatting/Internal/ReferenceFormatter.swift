/// The reference-list entry of a work in Chicago author-date form, laid out as pandoc's
/// default `chicago-author-date.csl` does (checked against `pandoc --citeproc`, see the tests):
///
///     Parzen, Emanuel. 1962. “On Estimation of a Probability Density Function and Mode.”
///         *The Annals of Mathematical Statistics* 33 (3): 1065–76. https://doi.org/10.1214/aoms/1177704472.
///
/// An entry is a sequence of blocks (names, date, title, where published, link), each ending
/// in a period unless its text already ends in one.
struct ReferenceFormatter {
    let work: Work
    /// "a" in "2001a", when two works would otherwise cite alike.
    let yearSuffix: String

    /// The names block as written, or `nil` when the work has no authors or editors; the list
    /// compares it with the previous entry's to print "———" for a repeated author.
    var namesBlock: String? {
        guard !work.names.isEmpty else { return nil }
        let names = NameFormatter.referenceList(work.names)
        guard work.namesAreEditors else { return names }
        return names + (work.names.count > 1 ? ", eds." : ", ed.")
    }

    var dateText: String { (work.year ?? "n.d.") + yearSuffix }

    /// The title as in-text citations use it when there are no names: quoted or italic.
    var shortTitle: [CitationInline] {
        let title = work.title ?? [.text(work.entry.key)]
        return work.hasItalicTitle ? [.emphasis(title)] : [.text("“")] + title + [.text("”")]
    }

    /// The whole entry; `repeatsNames` replaces the names with "———".
    func entry(repeatsNames: Bool) -> [CitationInline] {
        var blocks: [[CitationInline]] = []
        if let names = namesBlock {
            blocks.append([.text(repeatsNames ? "———" : names)])
            blocks.append([.text(dateText)])
            if let title = titleBlock { blocks.append(title) }
        } else {
            if let title = titleBlock { blocks.append(title) }
            blocks.append([.text(dateText)])
        }
        blocks += publicationBlocks()
        if let link = linkBlock { blocks.append(link) }
        return joined(blocks)
    }

    private var titleBlock: [CitationInline]? {
        guard let title = work.title else { return nil }
        if work.hasItalicTitle { return [.emphasis(title)] }
        let ending = endsInPunctuation(title) ? "" : "."
        return [.text("“")] + title + [.text(ending + "”")]
    }

    private func publicationBlocks() -> [[CitationInline]] {
        switch work.kind {
        case .article: return [journalBlock].compactMap { $0 }
        case .book, .editedBook, .manual:
            return [editionBlock, seriesBlock, publisherBlock(publisher)].compactMap { $0 }
        case .chapter, .paper:
            return [containerBlock, publisherBlock(publisher)].compactMap { $0 }
        case .thesis:
            let genre = work.entry.type == "mastersthesis" ? "Master’s thesis" : "PhD thesis"
            let school = work.plain("school") ?? work.plain("institution")
            return [[.text(school.map { "\(genre), \($0)" } ?? genre)]]
        case .report:
            return [work.text("number"), publisherBlock(work.plain("institution"))].compactMap { $0 }
        case .webpage: return [[.text(work.year ?? "n.d.")]]
        case .unpublished: return []
        case .other: return [work.text("howpublished")].compactMap { $0 }
        }
    }

    /// Who published it; a manual's organisation stands in for a publisher.
    private var publisher: String? { work.plain("publisher") ?? work.plain("organization") }

    private var journalBlock: [CitationInline]? {
        guard let journal = work.text("journal", titleCase: true) ?? work.text("journaltitle", titleCase: true)
        else { return nil }
        var block: [CitationInline] = [.emphasis(journal)]
        let volume = work.plain("volume"), number = work.plain("number") ?? work.plain("issue")
        if let volume {
            block.append(.text(" " + volume + (number.map { " (\($0))" } ?? "")))
        } else if let number {
            block.append(.text(", no. " + number))
        }
        if let pages = work.plain("pages") { block.append(.text(": " + PageRange.chicago(pages))) }
        return block
    }

    /// "In *Booktitle*, edited by A and B, 45–67".
    private var containerBlock: [CitationInline]? {
        let booktitle = work.text("booktitle", titleCase: true)
        let pages = work.plain("pages").map(PageRange.chicago)
        let editedBy = work.namesAreEditors || work.editors.isEmpty ? nil : NameFormatter.running(work.editors)
        guard booktitle != nil || pages != nil || editedBy != nil else { return nil }
        var block: [CitationInline] = [.text("In ")]
        if let booktitle { block.append(.emphasis(booktitle)) }
        if let editedBy { block.append(.text(", edited by " + editedBy)) }
        if let pages { block.append(.text(", " + pages)) }
        return block
    }

    private var editionBlock: [CitationInline]? {
        guard let edition = work.plain("edition") else { return nil }
        guard let number = Int(edition) else { return [.text(edition + " ed.")] }
        let suffix = (number % 100 >= 11 && number % 100 <= 13) ? "th"
            : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return [.text("\(number)\(suffix) ed.")]
    }

    private var seriesBlock: [CitationInline]? {
        guard let series = work.text("series", titleCase: true) else { return nil }
        return series + (work.plain("number").map { [.text(" " + $0)] } ?? [])
    }

    private func publisherBlock(_ publisher: String?) -> [CitationInline]? {
        let place = work.plain("address") ?? work.plain("location")
        switch (place, publisher) {
        case let (place?, publisher?): return [.text("\(place): \(publisher)")]
        case let (place?, nil): return [.text(place)]
        case let (nil, publisher?): return [.text(publisher)]
        case (nil, nil): return nil
        }
    }

    private var linkBlock: [CitationInline]? {
        guard let url = work.doiURL ?? work.plain("url") else { return nil }
        return [.link(url: url, [.text(url)])]
    }

    /// Blocks joined by spaces, each closed by a period unless it ends in `.`, `?`, `!` or a
    /// quotation that does.
    private func joined(_ blocks: [[CitationInline]]) -> [CitationInline] {
        var result: [CitationInline] = []
        for (offset, block) in blocks.enumerated() {
            if offset > 0 { result.append(.text(" ")) }
            result += block
            let plain = CitationInline.plainText(block)
            if !(plain.hasSuffix("”") || endsInPunctuation(block)) {
                result.append(.text("."))
            }
        }
        return result
    }

    private func endsInPunctuation(_ pieces: [CitationInline]) -> Bool {
        guard let last = CitationInline.plainText(pieces).last else { return false }
        return ".?!".contains(last)
    }
}
