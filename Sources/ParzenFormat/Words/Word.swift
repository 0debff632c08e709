/// A word or fixed phrase a report adds to the author's text: labels ("Figure"), headings
/// ("References"), navigation, error boxes, dates. Every writer takes them from a
/// ``WordTable``, never from a string of its own, so a page reads in one language.
///
/// The raw value is the key `words:` in `parzen.yml` overrides it by. Single words are keyed
/// by their English form; phrases with a place for a value by a name, and the value's place is
/// written `{name}` (see ``placeholders``).
public enum Word: String, CaseIterable, Sendable, Hashable {
    // Page furniture.
    case contents = "Contents"
    case previous = "Previous"
    case next = "Next"
    case series = "Series"
    case part = "part"
    case site = "Site"
    case breadcrumbs = "Breadcrumbs"
    case notebooks = "Notebooks"
    case otherNotebooks = "Other notebooks"
    case renderedFrom = "rendered-from"
    // What is numbered and cited.
    case figure = "Figure"
    case table = "Table"
    case equation = "Equation"
    case section = "Section"
    case references = "References"
    // Problems shown in the page.
    case error = "error"
    case warning = "warning"
    case note = "note"
    case failed = "failed"
    case refused = "Refused, as intended"
    case problems = "problems"
    case problemsExplained = "problems-explained"
    // Dates: `date:` written as YYYY-MM-DD is shown as `{day} {month} {year}` in the page's language.
    case dateFormat = "date"
    case january = "January", february = "February", march = "March", april = "April", may = "May"
    case june = "June", july = "July", august = "August", september = "September", october = "October"
    case november = "November", december = "December"

    /// The months in calendar order.
    public static let months: [Word] = [
        .january, .february, .march, .april, .may, .june, .july, .august, .september, .october, .november, .december,
    ]

    /// The values a phrase is written around (`{count}`): an override must keep each of them.
    public var placeholders: [String] {
        switch self {
        case .renderedFrom: ["source"]
        case .problems: ["count"]
        case .dateFormat: ["day", "month", "year"]
        default: []
        }
    }
}
