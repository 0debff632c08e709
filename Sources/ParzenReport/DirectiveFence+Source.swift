import ParzenFormat

extension DirectiveFence {
    /// The fence as an author writes it, for `echo: true`: a backtick fence (longer than any
    /// run of backticks in the body), the name, the label and the body. A colon fence is
    /// shown with backticks; the options are the body exactly as written.
    var sourceText: String {
        var longest = 0, run = 0
        for character in body {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let ticks = String(repeating: "`", count: max(3, longest + 1))
        var body = self.body
        if !body.isEmpty, body.last != "\n" { body += "\n" }
        return ticks + "{" + name + "}" + (label.map { " " + $0 } ?? "") + "\n" + body + ticks
    }
}
