@testable import ParzenCitations
import Testing

/// Page ranges against the examples of the Chicago Manual of Style, 15th ed., §9.64 (the table
/// citeproc's `page-range-format="chicago"` implements; pandoc prints 1496–1504). The 16th
/// edition dropped the four-digit rule (its 1496–500); the 15th's gives 1496–1500.
@Suite struct PageRangeTests {
    @Test(arguments: [
        ("3--10", "3–10"), ("71-72", "71–72"), ("96-117", "96–117"), ("100-104", "100–104"),
        ("1100-1113", "1100–1113"), ("101-108", "101–8"), ("808-833", "808–33"), ("1103-1104", "1103–4"),
        ("321-328", "321–28"), ("498-532", "498–532"), ("1087-1089", "1087–89"), ("1496-1500", "1496–1500"),
        ("11564-11615", "11564–615"), ("12991-13001", "12991–3001"), ("1496-1504", "1496–1504"),
        ("2787-2816", "2787–2816"),
    ])
    func chicagoExamples(written: String, printed: String) {
        #expect(PageRange.chicago(written.replacingOccurrences(of: "--", with: "–")) == printed)
    }

    @Test func listsAndNonNumbersAreKept() {
        #expect(PageRange.chicago("1–5, 7–9") == "1–5, 7–9")
        #expect(PageRange.chicago("e101–e108") == "e101–e108")
        #expect(PageRange.chicago("12") == "12")
    }
}
