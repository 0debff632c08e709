import Foundation

/// Caps on the size of what Parzen reads, so that a hostile or mistaken input fails early
/// with an error naming the cap, not after minutes or gigabytes. Each default is far above
/// what a tutorial needs; each can be raised for one run through an environment variable
/// (`PARZEN_MAX_…`, listed with the defaults in docs/security.md).
public struct InputLimits: Sendable, Hashable {
    /// Bytes of a notebook's text (`PARZEN_MAX_NOTEBOOK_BYTES`, default 8 MiB).
    public var notebookBytes: Int
    /// Columns of a GFM table (`PARZEN_MAX_TABLE_COLUMNS`, default 1,000). Checked before the
    /// text reaches cmark-gfm, whose 0.29.0.gfm.6 takes time quadratic in a table's width
    /// (CVE-2023-37463; 12 s at 10,000 columns).
    public var tableColumns: Int
    /// Bytes of a CSV file (`PARZEN_MAX_CSV_BYTES`, default 64 MiB).
    public var csvBytes: Int
    /// Data rows of a CSV file (`PARZEN_MAX_CSV_ROWS`, default 1,000,000).
    public var csvRows: Int
    /// Columns of a CSV file (`PARZEN_MAX_CSV_COLUMNS`, default 1,000): models build d×d
    /// matrices, so 20,000 columns would mean gigabytes.
    public var csvColumns: Int

    /// The built-in caps.
    public static let defaults = InputLimits(notebookBytes: 8 << 20, tableColumns: 1_000, csvBytes: 64 << 20,
                                             csvRows: 1_000_000, csvColumns: 1_000)

    /// The caps in effect: the defaults, each replaced by its environment variable when set
    /// to a positive whole number.
    public static let current: InputLimits = {
        let environment = ProcessInfo.processInfo.environment
        func value(_ name: String, _ fallback: Int) -> Int {
            environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? fallback
        }
        let base = InputLimits.defaults
        return InputLimits(
            notebookBytes: value("PARZEN_MAX_NOTEBOOK_BYTES", base.notebookBytes),
            tableColumns: value("PARZEN_MAX_TABLE_COLUMNS", base.tableColumns),
            csvBytes: value("PARZEN_MAX_CSV_BYTES", base.csvBytes),
            csvRows: value("PARZEN_MAX_CSV_ROWS", base.csvRows),
            csvColumns: value("PARZEN_MAX_CSV_COLUMNS", base.csvColumns))
    }()

    /// Caps given explicitly (tests, embedding programs).
    public init(notebookBytes: Int, tableColumns: Int, csvBytes: Int, csvRows: Int, csvColumns: Int) {
        self.notebookBytes = notebookBytes
        self.tableColumns = tableColumns
        self.csvBytes = csvBytes
        self.csvRows = csvRows
        self.csvColumns = csvColumns
    }

    /// "set PARZEN_MAX_… to raise it" for the cap read from `variable`.
    public static func howToRaise(_ variable: String) -> String {
        "split the input, or set \(variable) to raise the cap"
    }
}
