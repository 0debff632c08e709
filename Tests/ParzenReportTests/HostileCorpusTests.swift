import Foundation
import ParzenTestSupport
import Testing

/// The hostile-input corpus of issue 16: one input each through the `parzen` binary
/// (`parzen render nb.md -o out`), each with its exact outcome — the exit status, every line on
/// stderr (file:line:column, the problem, the fix) and a complete page or none — and no crash.
/// Positions are read off the inputs by hand; a comment says how where it is not plain.
/// (`OneMistakeNotebookTests` holds the one-mistake notebooks of every option in process.)
@Suite struct HostileCorpusTests {
    enum Page: Sendable { case complete, none }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var notebook: [UInt8]
        var files: [String: [UInt8]] = [:]
        /// Symbolic links to create: name → target (`<outside>` is a folder beside the project).
        var links: [String: String] = [:]
        /// Files in the folder that holds the project folder (a `parzen.yml` above it).
        var aboveProject: [String: String] = [:]
        var environment: [String: String] = [:]
        var status: Int32
        var stderr: [String]
        var page = Page.complete
        var arguments = ["render", "nb.md", "-o", "out"]
        var testDescription: String { name }

        /// A notebook that fails with these diagnostics (exit status 1, the page still written).
        init(_ name: String, _ notebook: String, files: [String: String] = [:], _ stderr: String...) {
            self.init(name, bytes: Array(notebook.utf8), files: files, status: 1, stderr)
        }

        init(_ name: String, bytes: [UInt8], files: [String: String] = [:], status: Int32, _ stderr: [String]) {
            self.name = name
            self.notebook = bytes
            self.files = files.mapValues { Array($0.utf8) }
            self.status = status
            self.stderr = stderr
        }
    }

    /// A case that renders: exit status 0 with these warnings (often none).
    static func renders(_ name: String, _ notebook: String, files: [String: String] = [:], _ stderr: String...) -> Case {
        Case(name, bytes: Array(notebook.utf8), files: files, status: 0, stderr)
    }

    static func with(_ base: Case, _ change: (inout Case) -> Void) -> Case {
        var copy = base
        change(&copy)
        return copy
    }

    /// A 1-D data set of eight values (lines 1–3, blank line 4).
    static let data = "```{data} d\nvalues: [1.2, 2.3, 2.9, 3.1, 4.8, 5.0, 3.3, 2.2]\n```\n\n"
    /// A Gaussian fit of `data` (lines 5–8, blank line 9).
    static let gauss = "```{fit} g\ndata: d\nmodel: gaussian\n```\n\n"
    /// `{data}` from `d.csv` (the source on line 2, column 9).
    static let csv = "```{data} d\nsource: d.csv\n```\n"
    static let yamlFix = "check indentation, colons and quotes on this line"
    static let cellFix = "every cell of a data column must be a finite number"

    static let yaml: [Case] = [
        Case("front matter: a tab", "---\ntitle: T\n\tauthor: x\n---\n",
             "nb.md:3:1: error: invalid YAML: found a tab character that violates indentation while scanning a plain "
                + "scalar; \(yamlFix)"),
        // 'title: "unclosed' is 16 scalars: the end of the front matter is column 17.
        Case("front matter: unclosed quote", "---\ntitle: \"unclosed\n---\n",
             "nb.md:2:17: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar; "
                 + "\(yamlFix)"),
        Case("front matter: unclosed flow mapping", "---\ntitle: {a: 1\n---\n",
             "nb.md:2:13: error: invalid YAML: did not find expected ',' or '}' while parsing a flow mapping; "
                 + "\(yamlFix)"),
        Case("front matter: unclosed list", "---\ntitle: [a\n---\n# x\n",
             "nb.md:2:10: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence; "
                 + "\(yamlFix)"),
        // CRLF: the end of "title: [x" is column 10, not after the carriage return.
        Case("front matter: unclosed list, CRLF", "---\r\ntitle: [x\r\n---\r\n",
             "nb.md:2:10: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence; "
                 + "\(yamlFix)"),
        Case("front matter: unclosed list after a byte-order mark", "\u{FEFF}---\ntitle: [x\n---\n",
             "nb.md:2:10: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence; "
                 + "\(yamlFix)"),
        Case("front matter: duplicate key", "---\ntitle: a\ntitle: b\n---\n",
             "nb.md:3:1: error: duplicate key 'title' (first given at line 2); remove one of the two"),
        Case("front matter: a list", "---\n- a\n- b\n---\n",
             "nb.md:2:1: error: front matter must be a mapping of keys to values, found a list; write it as "
                + "'title: My notebook' lines"),
        Case("front matter: plain text", "---\njust text\n---\n",
             "nb.md:2:1: error: front matter must be a mapping of keys to values, found the text 'just text'; write it "
                + "as 'title: My notebook' lines"),
        Case("front matter: never closed", "---\ntitle: x\n",
             "nb.md:1:1: error: front matter starts with '---' but never ends; add a line '---' after the last "
                + "front-matter key"),
        Case("front matter: anchor", "---\nseed: &a 1\n---\n",
             "nb.md:2:7: error: YAML anchor '&a' is not supported in notebooks; remove the anchor and write each value "
                 + "out"),
        Case("front matter: python tag", "---\ntitle: !!python/object:os.system x\n---\n",
             "nb.md:2:8: error: YAML tag '!!python/object:os.system' is not supported in notebooks; remove the tag; "
                + "quote the value if it is meant as text"),
        Case("front matter: seed .inf", "---\nseed: .inf\n---\n",
             "nb.md:2:7: error: front-matter key 'seed' expects a non-negative whole number, found '.inf', which is "
                 + "infinite; write e.g. seed: 42"),
        Case("front matter: seed 1e400", "---\nseed: 1e400\n---\n",
             "nb.md:2:7: error: front-matter key 'seed' expects a non-negative whole number, found the number 1e400; "
                + "write e.g. seed: 42"),
        Case("front matter: negative seed", "---\nseed: -5\n---\n",
             "nb.md:2:7: error: front-matter key 'seed' expects a non-negative whole number, found the number -5; "
                + "write e.g. seed: 42"),
        // "math: {macros: [a]}": the list opens at column 16.
        Case("front matter: macros as a list", "---\nmath: {macros: [a]}\n---\n",
             "nb.md:2:16: error: front-matter key 'math.macros' expects a mapping of macro names to TeX, found a list; "
                 + #"write e.g. macros: {'\R': '\mathbb{R}'}"#),
        Case("front matter: recursive macro", "---\nmath: {macros: {a: \"\\\\def\\\\b{\\\\b}\\\\b\"}}\n---\n$\\a$\n",
             "nb.md:4:2: error: more than 2000 macro expansions; check '\\b' for recursion"),
        Case("front matter: macro with an unclosed brace", "---\nmath: {macros: {a: \"\\\\frac{\"}}\n---\n$\\a$\n",
             "nb.md:4:2: error: '{' is never closed; add '}'"),
        Case("body: less indented line", "---\ntitle: x\n---\n```{fit} g\n  data: d\n model: x\n```\n",
             "nb.md:6:2: error: invalid YAML: did not find expected <document start>; \(yamlFix)"),
        Case("body: unclosed list", "```{data} d\nvalues: [1, 2\n```\n",
             "nb.md:2:14: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence; "
                 + "\(yamlFix)"),
        Case("body: alias", "```{data} d\nvalues: *x\n```\n",
             "nb.md:2:9: error: YAML alias '*x' is not supported in notebooks; write the value out"),
        Case("body: anchor", "```{data} d\n&a values: [1, 2]\n```\n",
             "nb.md:2:1: error: YAML anchor '&a' is not supported in notebooks; remove the anchor and write each value "
                 + "out"),
        Case("body: tag", "```{data} d\nvalues: !!seq [1, 2]\n```\n",
             "nb.md:2:9: error: YAML tag '!!seq' is not supported in notebooks; remove the tag; quote the value if it "
                 + "is "
                + "meant as text"),
        Case("body: explicit str tag on a number", "```{data} d\nvalues: [1, 2]\nseed: !!str 5\n```\n",
             "nb.md:3:7: error: YAML tag '!!str' is not supported in notebooks; remove the tag; quote the value if it "
                 + "is "
                + "meant as text"),
        Case("body: complex key", "```{data} d\n? complex key\n: 1\n```\n",
             "nb.md:2:3: error: unknown option 'complex key' for {data}; expected one of: source, columns, values, "
                + "generate, n, holdout, test, where, sample, transform, seed, expect, echo, output"),
        Case("body: list as a key", "```{data} d\n[1, 2]: x\n```\n",
             "nb.md:2:1: error: a key must be a name, found a list; write 'name: value'"),
        Case("body: two documents", "```{data} d\nvalues: [1, 2]\n---\nvalues: [3]\n```\n",
             "nb.md:3:1: error: invalid YAML: expected a single document in the stream, but found another document; "
                + yamlFix),
        Case("body: billion laughs", bytes: Array(("```{data} d\n" + billionLaughs + "```\n").utf8), status: 1,
             billionLaughsDiagnostics),
        Case("body: quoted number", "```{data} d\nvalues: [1, 2] # ok\nseed: \"12\"\n```\n",
             "nb.md:3:7: error: option 'seed' expects a whole number ≥ 0, found the text '12'; write e.g. seed: 10"),
        Case("body: CRLF lines", "```{data} d\nvalues: [1, 2]\r\nseed: x\r\n```\n",
             "nb.md:3:7: error: option 'seed' expects a whole number ≥ 0, found the text 'x'; write e.g. seed: 10"),
        // CRLF lines and a blank line in a body: the second 'model' is line 5.
        Case("body: duplicate key after a CRLF line", "```{fit} k\nmodel: a\r\n\nx: 1\nmodel: b\n```\n",
             "nb.md:5:1: error: duplicate key 'model' (first given at line 2); remove one of the two"),
        Case("body: quoted list", "```{data} d\nvalues: \"[1, 2]\"\n```\n",
             "nb.md:2:9: error: option 'values' expects a number, found the text '[1, 2]'; write e.g. values: [1, "
                 + "2.5]"),
        Case("body: mapping for a list", "```{data} d\nvalues: {a: 1}\n```\n",
             "nb.md:2:9: error: option 'values' expects a number, found a mapping; write e.g. values: [1, 2.5]"),
        Case("body: empty value", "```{data} d\nvalues:\n```\n",
             "nb.md:2:8: error: option 'values' expects a number, found an empty value; write e.g. values: [1, 2.5]"),
        Case("body: empty", "```{data} d\n```\n",
             "nb.md:1:1: error: {data} needs one of 'source', 'values' or 'generate'; e.g. source: "
                 + "data/old-faithful.csv"),
        Case("body: a list", "```{data} d\n- values: [1, 2]\n```\n",
             "nb.md:2:1: error: the body of {data} must be 'option: value' lines, found a list; write one option per "
                + "line, e.g. 'source: …'"),
    ]

    /// Nine anchors, each a list of nine aliases of the one before (10⁹ nodes if expanded).
    static let billionLaughs: String = {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = Array("abcdefghi")
        for index in 1..<names.count {
            let aliases = Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",")
            yaml += "\(names[index]): &\(names[index]) [\(aliases)]\n"
        }
        return yaml
    }()

    /// The first ten anchors and aliases one by one (`a: &a` at 2:4, `b: &b [*a,*a,…` at
    /// 3:4, 3:8, 3:11, …), then a count of the other 71.
    static let billionLaughsDiagnostics: [String] = {
        let anchor = { (line: Int, name: String) in
            "nb.md:\(line):4: error: YAML anchor '&\(name)' is not supported in notebooks; remove the anchor and write "
                + "each value out"
        }
        let alias = { (column: Int) in
            "nb.md:3:\(column): error: YAML alias '*a' is not supported in notebooks; write the value out"
        }
        return [anchor(2, "a"), anchor(3, "b")] + [8, 11, 14, 17, 20, 23, 26, 29].map(alias)
            + ["nb.md:3:29: note: and 71 more anchors, aliases and tags"]
    }()

    static let options: [Case] = [
        // 'values: [1, ' is 12 scalars: the second value is column 13.
        Case("values: .nan", "```{data} d\nvalues: [1, .nan]\n```\n",
             "nb.md:2:13: error: option 'values' expects a number, found '.nan', which is not a number; write e.g. "
                 + "values: [1, 2.5]"),
        Case("values: .inf", "```{data} d\nvalues: [1, .inf]\n```\n",
             "nb.md:2:13: error: option 'values' expects a number, found '.inf', which is infinite; write e.g. values: "
                + "[1, 2.5]"),
        Case("values: 1e400", "```{data} d\nvalues: [1, 1e400]\n```\n",
             "nb.md:2:13: error: option 'values' expects a number, found the number 1e400; write e.g. values: [1, "
                 + "2.5]"),
        Case("values: -1e400", "```{data} d\nvalues: [1, -1e400]\n```\n",
             "nb.md:2:13: error: option 'values' expects a number, found the number -1e400; write e.g. values: [1, "
                 + "2.5]"),
        Case("values: NaN", "```{data} d\nvalues: [1, NaN]\n```\n",
             "nb.md:2:13: error: option 'values' expects a number, found 'NaN', which is not a number; write e.g. "
                 + "values: [1, 2.5]"),
        Case("values: binary tag", "```{data} d\nvalues: !!binary aGk=\n```\n",
             "nb.md:2:9: error: YAML tag '!!binary' is not supported in notebooks; remove the tag; quote the value if "
                 + "it "
                + "is meant as text"),
        Case("n: above the cap", "```{data} d\ngenerate: {gaussian: {mean: 0, sd: 1}}\nn: 1000001\n```\n",
             "nb.md:3:4: error: option 'n' expects a whole number in 2…1000000, found the number 1000001; write e.g. n: "
                 + "10"),
        Case("n: 1e6 as a float", "```{data} d\ngenerate: {gaussian: {mean: 0, sd: 1}}\nn: 1e6\n```\n",
             "nb.md:3:4: error: option 'n' expects a whole number in 2…1000000, found the number 1e6; write e.g. n: "
                 + "10"),
        Case("n: fractional", "```{data} d\ngenerate: {gaussian: {mean: 0, sd: 1}}\nn: 2.5\n```\n",
             "nb.md:3:4: error: option 'n' expects a whole number in 2…1000000, found the number 2.5; write e.g. n: "
                 + "10"),
        // 'generate: {gaussian: {mean: 0, sd: ' is 35 scalars.
        Case("sd: negative", "```{data} d\ngenerate: {gaussian: {mean: 0, sd: -1}}\n```\n",
             "nb.md:2:36: error: sd -1.0 is not positive; a standard deviation must be > 0"),
        Case("mean: .nan", "```{data} d\ngenerate: {gaussian: {mean: .nan, sd: 1}}\n```\n",
             "nb.md:2:29: error: 'mean' expects a number, found '.nan', which is not a number; write a finite number, "
                + "e.g. mean: 1"),
        Case("sd: overflowing variance", "```{data} d\ngenerate: {gaussian: {mean: 1e308, sd: 1e308}}\n```\n",
             "nb.md:2:22: error: the 1×1 matrix is not positive definite (pivot 1 is inf); remove constant or collinear "
                 + ""
                + "columns, or add a small ridge to the diagonal"),
        Case("generate: no sd", "```{data} d\ngenerate: {gaussian: {mean: 0}}\n```\n",
             "nb.md:2:22: error: this component has neither 'sd' nor 'covariance'; add sd: a positive number"),
        Case("generate: a name only", "```{data} d\ngenerate: gaussian\n```\n",
             "nb.md:2:11: error: 'generate' must be a mapping with one key, 'mixture' or 'gaussian'; e.g. generate: "
                + "{mixture: [{weight: 0.6, mean: -1.5, sd: 0.5}, {weight: 0.4, mean: 2, sd: 1}]}"),
        Case("seed: 2^64", "```{data} d\nvalues: [1, 2]\nseed: 18446744073709551616\n```\n",
             "nb.md:3:7: error: option 'seed' expects a whole number ≥ 0, found the number 18446744073709551616; write "
                 + "e.g. seed: 10"),
        Case("seed: hexadecimal", "```{data} d\nvalues: [1, 2]\nseed: 0x10\n```\n",
             "nb.md:3:7: error: option 'seed' expects a whole number ≥ 0, found the number 0x10; write e.g. seed: 10"),
        Case("holdout: .nan", "```{data} d\nvalues: [1, 2]\nholdout: .nan\n```\n",
             "nb.md:3:10: error: option 'holdout' expects a number in [0, 1), found '.nan', which is not a number; "
                 + "write e.g. holdout: 0.2"),
        Case("holdout: negative", "```{data} d\nvalues: [1, 2]\nholdout: -0.1\n```\n",
             "nb.md:3:10: error: option 'holdout' expects a number in [0, 1), found the number -0.1; write e.g. "
                 + "holdout: 0.2"),
        Case("bandwidth: .inf", data + "```{fit} k\ndata: d\nmodel: kde\nbandwidth: .inf\n```\n",
             "nb.md:8:12: error: option 'bandwidth' expects a positive number or one of scott, silverman, isj, cv, "
                + "found '.inf', which is infinite; write e.g. bandwidth: scott"),
        // Positive, but its square is 0 or ∞ in double precision: refused at the value, 8:12.
        Case("bandwidth: 1e-320", data + "```{fit} k\ndata: d\nmodel: kde\nbandwidth: 1e-320\n```\n",
             "nb.md:8:12: error: the bandwidth h = 1e-320 is out of range: h² is 0.0; use a bandwidth between 1e-150 "
                + "and 1e150"),
        Case("bandwidth: 1e308", data + "```{fit} k\ndata: d\nmodel: kde\nbandwidth: 1e308\n```\n",
             "nb.md:8:12: error: the bandwidth h = 1e+308 is out of range: h² is inf; use a bandwidth between 1e-150 "
                + "and 1e150"),
        Case("components: 51", data + "```{fit} m\ndata: d\nmodel: gmm\ncomponents: 51\n```\n",
             "nb.md:8:13: error: option 'components' expects a whole number in 1…50, found the number 51; write e.g. "
                 + "components: 10"),
        Case("components: 2.0", data + "```{fit} m\ndata: d\nmodel: gmm\ncomponents: 2.0\n```\n",
             "nb.md:8:13: error: option 'components' expects a whole number in 1…50, found the number 2.0; write e.g. "
                 + "components: 10"),
        Case("components: a list", data + "```{fit} m\ndata: d\nmodel: gmm\ncomponents: [2]\n```\n",
             "nb.md:8:13: error: option 'components' expects a whole number in 1…50, found a list; write e.g. "
                 + "components: 10"),
        Case("data: a list", data + "```{fit} g\ndata: [d]\nmodel: gaussian\n```\n",
             "nb.md:6:7: error: option 'data' expects the label of an earlier data set, found a list; write e.g. data: "
                 + "d"),
        Case("model: capitalised", data + "```{fit} g\ndata: d\nmodel: Gaussian\n```\n",
             "nb.md:7:8: error: option 'model' expects one of gaussian, student_t, kde, empirical, gmm, ppca, latent, "
                + "found 'Gaussian'; did you mean 'gaussian'?"),
        Case("unbiased: quoted true", data + "```{fit} g\ndata: d\nmodel: gaussian\nunbiased: \"true\"\n```\n",
             "nb.md:8:11: error: option 'unbiased' expects true or false, found the text 'true'; write e.g. unbiased: "
                 + "true"),
        // "kernel: exp(-x^2)*1e400": the formula starts at column 9, '1e400' at its offset 10.
        Case("kernel: overflowing constant", data + "```{fit} k\ndata: d\nmodel: kde\nkernel: exp(-x^2)*1e400\n```\n",
             "nb.md:8:19: error: cannot read the kernel formula: '1e400' is not a number"),
        Case("kernel: x alone", data + "```{fit} k\ndata: d\nmodel: kde\nkernel: x\n```\n",
             "nb.md:8:9: error: unknown kernel 'x'; use one of gaussian, epanechnikov, tophat, exponential, linear, "
                + "cosine, biweight, triweight, a formula in x, or a radial formula in r"),
        Case("kernel: a number", data + "```{fit} k\ndata: d\nmodel: kde\nkernel: 0\n```\n",
             "nb.md:8:9: error: unknown kernel '0'; use one of gaussian, epanechnikov, tophat, exponential, linear, "
                + "cosine, biweight, triweight, a formula in x, or a radial formula in r"),
        Case("kernel: not integrable", data + "```{fit} k\ndata: d\nmodel: kde\nkernel: exp(x^2)\n```\n",
             "nb.md:8:9: error: the kernel exp(x^2) is not valid: K(27.0) is infinite; a kernel must satisfy K(x) ≥ 0 "
                + "and ∫K dx < ∞"),
        // 70 '(' and 71 ')': the unmatched one is the last, column 9 + 70 + 1 + 71 - 1.
        Case("kernel: unbalanced parentheses", data + "```{fit} k\ndata: d\nmodel: kde\nkernel: "
                + String(repeating: "(", count: 70) + "x" + String(repeating: ")", count: 71) + "\n```\n",
             "nb.md:8:150: error: cannot read the kernel formula: unmatched ')'"),
        // The quote is column 9, the formula starts at 10: the missing ')' (offset 8) is column 18.
        Case("kernel: quoted formula", data + "```{fit} k\ndata: d\nmodel: kde\nkernel: \"exp(-x^2\"\n```\n",
             "nb.md:8:18: error: cannot read the kernel formula: expected ')' to close '(' at offset 3"),
        // Folded to "exp(-x^2 + 1" or unescaped, the text is not the source column for column:
        // the error is at the value (fuzz finding options/kernel-formula-folded-scalar-column).
        Case("kernel: formula folded over two lines",
             data + "```{fit} k\ndata: d\nmodel: kde\nkernel: exp(-x^2\n  + 1\n```\n",
             "nb.md:8:9: error: cannot read the kernel formula: expected ')' to close '(' at offset 3"),
        Case("kernel: formula with an escape",
             data + "```{fit} k\ndata: d\nmodel: kde\nkernel: \"\\x65xp(-x^2\"\n```\n",
             "nb.md:8:9: error: cannot read the kernel formula: expected ')' to close '(' at offset 3"),
        Case("sample n: 1e9", data + gauss + "```{sample} s\nfit: g\nn: 1e9\n```\n",
             "nb.md:12:4: error: option 'n' expects a whole number in 1…1000000, found the number 1e9; write e.g. n: "
                 + "10"),
        Case("plot: unknown option grid", data + "```{plot} p\ndata: d\nkind: density\ngrid: 1e9\n```\n",
             "nb.md:8:1: error: unknown option 'grid' for {plot}; expected one of: kind, data, fits, sample, kernels, "
                + "betas, dimensions, caption, seed, bandwidth_axis, table, bins, x, y, log, size, aspect, legend, "
                + "title, show_heldout, expect, echo, output"),
        Case("compare: unknown option permutations",
             data + gauss + "```{fit} k\ndata: d\nmodel: kde\n```\n\n```{compare} c\nmodels: [g, k]\npermutations: 1e9\n```\n",
             "nb.md:17:1: error: unknown option 'permutations' for {compare}; expected one of: models, criterion, on, "
                + "folds, samples, seed, expect, echo, output"),
        Case("label used twice", "```{data} d\nvalues: [1, 2]\n```\n\n```{data} d\nvalues: [1, 2]\n```\n",
             "nb.md:5:11: error: label 'd' is already used at line 1; labels must be unique in a notebook; rename one"),
        Case("label of two words", "```{data} a b\nvalues: [1, 2]\n```\n",
             "nb.md:1:1: error: directive label 'a b' must be one word; use '-' or '_' instead of spaces, e.g. 'a-b'"),
        Case("fence with an empty name", "```{}\nvalues: [1, 2]\n```\n",
             "nb.md:1:1: error: directive fence '{}' has an empty name; write the directive as ```{name} label, e.g. "
                + "```{fit} kde"),
        Case("fence without its brace", "```{data d\nvalues: [1, 2]\n```\n",
             "nb.md:1:1: error: directive fence '{data d' has no closing '}'; write the directive as ```{name} label, "
                + "e.g. ```{fit} kde"),
        Case("fence never closed", data + "```{fit} k\ndata: d\nmodel: kde\nb",
             "nb.md:5:1: error: this {fit} fence is never closed; end its body with a line of ```"),
    ]

    static let markdown: [Case] = [
        renders("20,000 nested brackets", String(repeating: "[", count: 20_000) + "x" + String(repeating: "]", count: 20_000) + "\n"),
        renders("20,000 emphasis openers", String(repeating: "*a **a ", count: 20_000) + "\n"),
        renders("20,000 identical headings", String(repeating: "# h\n\n", count: 20_000)),
        renders("10,000 backticks", String(repeating: "`", count: 10_000) + "x\n"),
        renders("10,000 unclosed link tags", String(repeating: "<a href=\"", count: 10_000) + "\n"),
        // Each "$\text{$" is a formula "\text{" (its closing '$' opens the next copy): 10,000
        // formulas, the '{' of each at column 7 + 14k, all reported.
        Case("20,000 unclosed \\text groups", bytes: Array((String(repeating: "$\\text{", count: 20_000) + "\n").utf8),
             status: 1, unclosedText),
        renders("20,000 unclosed \\(", String(repeating: "\\(", count: 20_000) + "\n"),
        // 100 levels of "> " are 200 scalars: the 101st level starts at column 201.
        renders("1,000 nested block quotes", String(repeating: "> ", count: 1_000) + "x\n",
                "nb.md:1:201: warning: content nested more than 100 levels deep is flattened"),
        // Line i (from 0) is indented 2i: the 101st level is line 101, column 201.
        renders("200 nested lists", (0..<200).map { String(repeating: "  ", count: $0) + "- x\n" }.joined(),
                "nb.md:101:201: warning: content nested more than 100 levels deep is flattened"),
        Case("a table of 20,000 columns", "|" + String(repeating: "a|", count: 20_000) + "\n|"
                + String(repeating: "-|", count: 20_000) + "\n",
             "nb.md:2:1: error: this table has 20000 columns, more than the cap of 1000; it is shown as text; split the "
                 + ""
                + "input, or set PARZEN_MAX_TABLE_COLUMNS to raise the cap"),
        Case("a table of 1,001 columns", "|" + String(repeating: "a|", count: 1_001) + "\n|"
                + String(repeating: "-|", count: 1_001) + "\n",
             "nb.md:2:1: error: this table has 1001 columns, more than the cap of 1000; it is shown as text; split the "
                + "input, or set PARZEN_MAX_TABLE_COLUMNS to raise the cap"),
        renders("a table of 1,000 columns", "|" + String(repeating: "a|", count: 1_000) + "\n|"
                    + String(repeating: "-|", count: 1_000) + "\n"),
        renders("20,000 unclosed colon fences", String(repeating: ":::{data} d\n", count: 20_000),
                unclosedColonFences(count: 20_000)),
        renders("display math broken by a list", "$$\nx\n\n- b\n$$\n",
                "nb.md:1:1: warning: '$$' is not closed in this paragraph; the formula is shown as text; close it with "
                    + "'$$'; a line inside $$…$$ must not be blank or start with '-', '+', '>', '#', '1.' or four "
                    + "spaces, because that ends the paragraph"),
        renders("javascript link", "[click](javascript:alert(1))\n",
                "nb.md:1:1: warning: the link to 'javascript:alert(1)' is written as plain text: script URLs never "
                    + "become links; link to an http(s) address or to a file of the project"),
        renders("javascript autolink", "<javascript:alert(1)>\n",
                "nb.md:1:1: warning: the link to 'javascript:alert(1)' is written as plain text: script URLs never "
                    + "become links; link to an http(s) address or to a file of the project"),
        Case("\\eqref to nothing", "\\eqref{nope}\n",
             "nb.md:1:1: error: reference to undefined label 'nope'; nothing on this page has a label; add \\label{…} "
                + "to an equation or label a {plot}"),
        Case("{ref} to nothing", "{ref}`nope`\n",
             "nb.md:1:7: error: reference to undefined label 'nope'; nothing on this page has a label; add \\label{…} "
                + "to an equation or label a {plot}"),
        Case("{value} of nothing", "{value}`d.n`\n",
             "nb.md:1:9: error: no result labelled 'd'; no directive in this notebook has a label"),
        renders("caption that is a directive fence", data
                    + "```{plot} p\ndata: d\ncaption: \"```{plot} q\\ndata: d\\n```\"\n```\n"),
        renders("only NUL bytes", "\u{0}\u{0}\u{0}"),
        renders("an empty notebook", ""),
    ]

    /// 10,000 unclosed `\text{` groups (the other 10,000 `$` close formulas), 14 scalars
    /// apart from column 7: the first 20 reported, then a count (the cap per kind of
    /// diagnostic, `Diagnostic.perKindCap`).
    static let unclosedText: [String] = (0..<20).map {
        "nb.md:1:\(7 + 14 * $0): error: '{' after '\\text' is never closed; add '}'"
    } + ["nb.md:1:273: note: and 9980 more like it"]

    /// The warnings of `count` unclosed `:::{data}` lines: the first ten, then a count.
    static func unclosedColonFences(count: Int) -> [String] {
        (1...10).map {
            "nb.md:\($0):1: warning: this ':::{data}' fence is never closed, so it is shown as text; end its body "
                + "with a line of :::"
        } + ["nb.md:10:1: note: and \(count - 10) more unclosed ':::' fences"]
    }

    static func renders(_ name: String, _ notebook: String, _ stderr: [String]) -> Case {
        Case(name, bytes: Array(notebook.utf8), status: 0, stderr)
    }

    static let tex: [Case] = [
        Case("\\frac without arguments", "$\\frac$\n", "nb.md:1:2: error: '\\frac' is missing an argument; write \\frac{…}"),
        Case("\\frac with one argument", "$\\frac{1}$\n",
             "nb.md:1:2: error: '\\frac' is missing an argument; write \\frac{…}"),
        Case("double superscript", "$x^1^2$\n", "nb.md:1:5: error: double superscript; group them: x^{ab}"),
        Case("double subscript", "$x_1_2$\n", "nb.md:1:5: error: double subscript; group them: x_{ab}"),
        Case("\\end without \\begin", "$\\end{align}$\n",
             "nb.md:1:2: error: '\\end{align}' has no matching '\\begin{align}'"),
        Case("\\left without \\right", "$\\left( x$\n",
             "nb.md:1:2: error: '\\left(' has no matching '\\right'; add \\right) or \\right. to close it"),
        Case("\\right without \\left", "$x \\right)$\n",
             "nb.md:1:4: error: '\\right' has no matching '\\left'; add \\left before it, or use \\big"),
        Case("a lone closing brace", "$}$\n", "nb.md:1:2: error: '}' has no matching '{'; remove it or add '{' before it"),
        // "$\def\a{\a}\a": the call \a is at column 12.
        Case("\\def recursion", "$\\def\\a{\\a}\\a$\n",
             "nb.md:1:12: error: more than 2000 macro expansions; check '\\a' for recursion"),
        Case("\\newcommand doubling", "$\\newcommand{\\a}{\\a\\a}\\a$\n",
             "nb.md:1:23: error: more than 2000 macro expansions; check '\\a' for recursion"),
        Case("10,000 unknown commands", bytes: Array(("$" + String(repeating: "\\foo", count: 10_000) + "$\n").utf8),
             status: 1, unknownCommands),
        Case("\\verb unclosed", "$\\verb|x$\n",
             "nb.md:1:2: error: '\\verb' needs its text between two equal characters; write \\verb|…|"),
        Case("a control character", "$a\u{1}b$\n",
             "nb.md:1:3: error: invalid character U+0001 (a control character); remove it"),
        Case("an escape character", "$\u{1B}[2J$\n",
             "nb.md:1:2: error: invalid character U+001B (a control character); remove it"),
        // At the 'q': `$\begin{array}{` is 15 scalars.
        Case("unknown array column", "$\\begin{array}{q}a\\end{array}$\n",
             "nb.md:1:16: error: unknown column type 'q' in the column specification; use l, c, r, p{…}, |, :, @{…}, "
                + ">{…}, <{…} or *{n}{…}"),
        Case("\\sqrt[ unclosed", "$\\sqrt[$\n", "nb.md:1:7: error: '[' is never closed; add ']'"),
        renders("\\label outside a display", "$\\label{a}\\label{a}$\n",
                "nb.md:1:2: warning: '\\label{a}' is outside a numbered display, so references to it show '??'; put it "
                    + "inside \\begin{equation}…\\end{equation}",
                "nb.md:1:11: warning: '\\label{a}' is outside a numbered display, so references to it show '??'; put "
                    + "it inside \\begin{equation}…\\end{equation}"),
        renders("\\frac in \\text", "$\\text{\\frac{1}{2}}$\n",
                "nb.md:1:8: warning: '\\frac' is not supported inside '\\text'; it is shown as written; leave text mode "
                    + ""
                    + "with $…$ for math"),
        Case("\\href with a script", "$\\href{javascript:alert(1)}{x}$\n",
             "nb.md:1:2: error: unknown command '\\href'; did you mean '\\ref'?"),
        // After a two-line display formula (consumed without cmark counting its lines).
        Case("error after a display formula", "$$\nh\n$$\nx$$}\n$$t\n",
             "nb.md:4:4: error: '}' has no matching '{'; remove it or add '{' before it"),
        Case("error after a hard line break", "\\\n$\\x$\n",
             "nb.md:2:2: error: unknown command '\\x'; did you mean '\\xi'?"),
    ]

    /// 10,000 × `\foo` from column 2, four columns each: twenty reported (no command is near
    /// enough to suggest), then a count.
    static let unknownCommands: [String] = (0..<20).map {
        "nb.md:1:\(2 + 4 * $0): error: unknown command '\\foo'"
    } + ["nb.md:1:82: error: and 9980 more problems in this formula; fix the ones above first"]

    static func csvError(_ name: String, _ file: String, _ problem: String) -> Case {
        Case(name, csv, files: ["d.csv": file], "nb.md:2:9: error: d.csv " + problem)
    }

    static let csvFiles: [Case] = [
        renders("CSV: UTF-8 byte-order mark", csv, files: ["d.csv": "\u{FEFF}x,y\n1,2\n3,4\n"]),
        renders("CSV: CRLF", csv, files: ["d.csv": "x,y\r\n1,2\r\n3,4\r\n"]),
        renders("CSV: old Mac line ends", csv, files: ["d.csv": "x,y\r1,2\r3,4\r"]),
        renders("CSV: quoted header with a line break", csv, files: ["d.csv": "\"x\ny\",z\n1,2\n3,4\n"]),
        renders("CSV: padded names", csv, files: ["d.csv": " x , y \n1,2\n3,4\n"]),
        csvError("CSV: UTF-16", String(decoding: Array("x,y\n1,2\n".utf8).flatMap { [$0, 0] }, as: UTF8.self),
                 "(line 1): the file contains NUL bytes, so it is not UTF-8 text (probably UTF-16); save it as UTF-8"),
        // "3" is one scalar: the Latin-1 'é' (0xE9) after it is column 2 of line 3.
        with(csvError("CSV: Latin-1", "",
                      "(line 3, column 2): byte 0xE9 is not UTF-8 text; save the file as UTF-8; from Latin-1: iconv -f "
                        + "latin1 -t utf-8 d.csv > d-utf8.csv, then use that file")) {
            $0.files = ["d.csv": Array("x,y\n1,2\n3".utf8) + [0xE9, 0x2C, 0x34, 0x0A]]
        },
        with(csvError("CSV: UTF-16 with a byte-order mark", "",
                      "(line 1, column 1): byte 0xFF is not UTF-8 text; save the file as UTF-8; from UTF-16: iconv -f "
                        + "utf-16 -t utf-8 d.csv > d-utf8.csv, then use that file")) {
            $0.files = ["d.csv": [0xFF, 0xFE] + Array("x,y\n1,2\n".utf8).flatMap { [$0, 0] }]
        },
        Case("CSV: a folder as source", "```{data} d\nsource: data\n```\n", files: ["data/b.csv": "", "data/a.csv": ""],
             "nb.md:2:9: error: 'data' is a folder, not a file; name a file in it, e.g. 'data/a.csv'"),
        Case("CSV: an empty folder as source", "```{data} d\nsource: data/\n```\n", files: ["data/.keep": ""],
             "nb.md:2:9: error: 'data/' is a folder, not a file; it holds no files; name the file to read, e.g. "
                + "'data/data.csv'"),
        csvError("CSV: semicolons", "x;y\n1;2\n3;4\n",
                 "(line 1): the header has no commas but semicolons: Parzen reads comma-separated files; save the file "
                    + "comma-separated, with '.' as the decimal mark"),
        csvError("CSV: thousands separator", "x\n\"1,234\"\n5\n",
                 "(line 2, column 1): column 'x' has '1,234', which is not a number; write numbers without thousands "
                    + "separators ('1234')"),
        csvError("CSV: decimal comma", "x\n\"3,5\"\n5\n",
                 "(line 2, column 1): column 'x' has '3,5', which is not a number; write numbers with '.' as the "
                    + "decimal mark ('3.5')"),
        csvError("CSV: NA", "x,y\n1,NA\n3,4\n",
                 "(line 2, column 3): column 'y' has 'NA', which is not a number; missing values are not supported: "
                    + "remove the row or fill the cell in"),
        csvError("CSV: question mark", "x,y\n1,?\n3,4\n",
                 "(line 2, column 3): column 'y' has '?', which is not a number; missing values are not supported: "
                    + "remove the row or fill the cell in"),
        csvError("CSV: empty cell", "x,y\n1,\n3,4\n", "(line 2, column 3): column 'y' has an empty cell; \(cellFix)"),
        csvError("CSV: ragged row", "x,y\n1,2,3\n3,4\n",
                 "(line 2): row has 3 fields but the header has 2; every row needs one value per column"),
        csvError("CSV: unclosed quote", "x,y\n1,\"2\n3,4\n",
                 "(line 2, column 3): a quoted field is never closed; add the closing \""),
        csvError("CSV: empty file", "", "(line 1): the file is empty; a CSV file needs a header row and at least one "
                    + "data row"),
        csvError("CSV: header only", "x,y\n", "(line 1): the file has a header but no data rows; add at least one row "
                    + "of numbers"),
        csvError("CSV: inf", "x,y\n1,inf\n3,4\n",
                 "(line 2, column 3): column 'y' has the non-finite value 'inf'; \(cellFix)"),
        csvError("CSV: 1e400", "x,y\n1,2\n3,1e400\n",
                 "(line 3, column 3): column 'y' has the non-finite value '1e400'; \(cellFix)"),
        csvError("CSV: text after old Mac line ends", "x,y\n1,2\r3,z\r",
                 "(line 3, column 3): column 'y' has 'z', which is not a number; \(cellFix)"),
        // The quoted field "1⏎" spans lines 2 and 3; 'z' follows `",` on line 3, column 3.
        csvError("CSV: cell after a multi-line field", "x,y\n\"1\n\",z\n",
                 "(line 3, column 3): column 'y' has 'z', which is not a number; \(cellFix)"),
        csvError("CSV: cell after a carriage return in quotes", "x,y\n\"1\r\",z\n",
                 "(line 3, column 3): column 'y' has 'z', which is not a number; \(cellFix)"),
        csvError("CSV: escape sequence in a cell", "x,y\na\u{1B}[2J,2\n3,4\n",
                 "(line 2, column 1): column 'x' has 'a\\u{1B}[2J', which is not a number; \(cellFix)"),
        csvError("CSV: a name twice", "x,x\n1,2\n3,4\n",
                 "(line 1, column 3): the header names 'x' twice (columns 1 and 2); rename one of the two columns"),
        csvError("CSV: more columns than the cap", "x,y,z\n1,2,3\n",
                 "(line 1, column 5): the header has more than 2 columns; split the input, or set "
                    + "PARZEN_MAX_CSV_COLUMNS to raise the cap"),
        csvError("CSV: more rows than the cap", "x\n1\n2\n3\n4\n",
                 "(line 4): the file has more than 2 data rows; split the input, or set PARZEN_MAX_CSV_ROWS to raise "
                    + "the cap"),
        Case("CSV: misspelt column", csv.replacingOccurrences(of: "```\n", with: "columns: [eruption]\n```\n"),
             files: ["d.csv": "eruptions,waiting\n1,2\n3,4\n"],
             "nb.md:3:10: error: d.csv (line 1): no column named 'eruption'; did you mean 'eruptions'?"),
    ]

    static let paths: [Case] = [
        Case("path: parent folder", "```{data} d\nsource: ../d.csv\n```\n",
             "nb.md:2:9: error: path '../d.csv' leaves the project folder <folder>; move the file into the project, or "
                + "run with --allow-outside"),
        Case("path: absolute", "```{data} d\nsource: /etc/passwd\n```\n",
             "nb.md:2:9: error: path '/etc/passwd' leaves the project folder <folder>; move the file into the project, "
                + "or run with --allow-outside"),
        Case("path: up through a subfolder", "```{data} d\nsource: sub/../../d.csv\n```\n",
             "nb.md:2:9: error: path 'sub/../../d.csv' leaves the project folder <folder>; move the file into the "
                + "project, or run with --allow-outside"),
        Case("path: home folder", "```{data} d\nsource: ~/d.csv\n```\n",
             "nb.md:2:9: error: file '~/d.csv' not found (looked for <folder>/~/d.csv); paths are relative to the "
                + "notebook's folder"),
        Case("path: empty", "```{data} d\nsource: \"\"\n```\n",
             "nb.md:2:9: error: option 'source' expects a file path relative to the notebook, found an empty value; "
                 + "write e.g. source: data/old-faithful.csv"),
        Case("path: a list", "```{data} d\nsource: [a.csv]\n```\n",
             "nb.md:2:9: error: option 'source' expects a file path relative to the notebook, found a list; write e.g. "
                 + "source: data/old-faithful.csv"),
        Case("path: missing file", "```{data} d\nsource: nope.csv\n```\n",
             "nb.md:2:9: error: file 'nope.csv' not found (looked for <folder>/nope.csv); paths are relative to the "
                + "notebook's folder"),
        renders("bibliography: parent folder", "---\nbibliography: ../refs.bib\n---\n",
                "nb.md:2:15: warning: bibliography '../refs.bib' leaves the project folder <folder>; move the file into "
                    + ""
                    + "the project, or run with --allow-outside"),
        renders("bibliography: absolute", "---\nbibliography: /etc/passwd\n---\n",
                "nb.md:2:15: warning: bibliography '/etc/passwd' leaves the project folder <folder>; move the file "
                    + "into the project, or run with --allow-outside"),
    ]

    /// A `parzen.yml` above the project's `.git` (a file, as in a worktree) is another
    /// repository's: the project root is the notebook's folder, as `ProjectFile.locate` has it.
    static let projectRoots: [Case] = [
        with(Case("path: parzen.yml above .git", "```{data} d\nsource: ../outside/o.csv\n```\n",
                  files: [".git": "gitdir: /nowhere\n"],
                  "nb.md:2:9: error: path '../outside/o.csv' leaves the project folder <folder>; move the file into the "
                      + ""
                    + "project, or run with --allow-outside")) { $0.aboveProject = ["parzen.yml": "title: Outer\n"] },
    ]

    static let links: [Case] = [
        with(Case("path: symbolic link out of the project", "```{data} d\nsource: link.csv\n```\n",
                  "nb.md:2:9: error: path 'link.csv' leaves the project folder <folder>; move the file into the "
                    + "project, or run with --allow-outside")) { $0.links = ["link.csv": "<outside>/o.csv"] },
        with(Case("path: through a linked folder", "```{data} d\nsource: dir/o.csv\n```\n",
                  "nb.md:2:9: error: path 'dir/o.csv' leaves the project folder <folder>; move the file into the "
                    + "project, or run with --allow-outside")) { $0.links = ["dir": "<outside>"] },
    ]

    static let notebooks: [Case] = [
        // "# caf" is five scalars: the Latin-1 'é' is byte 0xE9 at column 6.
        Case("notebook: Latin-1", bytes: Array("# caf".utf8) + [0xE9, 0x0A], status: 1,
             ["nb.md:1:6: error: cannot read the notebook as UTF-8 text: byte 0xE9 here is not UTF-8; save it as UTF-8"]),
        Case("notebook: UTF-16", bytes: [0xFF, 0xFE, 0x23, 0, 0x20, 0, 0x78, 0, 0x0A, 0], status: 1,
             ["nb.md:1:1: error: cannot read the notebook as UTF-8 text: byte 0xFF here is not UTF-8; save it as UTF-8"]),
        Case("notebook: truncated character", bytes: Array("ok\n".utf8) + [0xC3, 0xA9, 0x74, 0xC3, 0x0A], status: 1,
             ["nb.md:2:3: error: cannot read the notebook as UTF-8 text: byte 0xC3 here is not UTF-8; save it as UTF-8"]),
        // A cap of 10 bytes: "# big\n\n" is 7, so the 10th byte is on line 3.
        with(Case("notebook: over the size cap", "# big\n\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
                  "nb.md:3:1: error: the notebook is 42 bytes, more than the cap of 10 bytes (reached on this line); "
                    + "split the input, or set PARZEN_MAX_NOTEBOOK_BYTES to raise the cap")) {
            $0.environment = ["PARZEN_MAX_NOTEBOOK_BYTES": "10"]
        },
        with(Case("notebook: missing", bytes: [], status: 2, [
            "Error: Cannot read the notebook 'nope.md'. Please check the path.",
            "Usage: parzen render [<options>] [<notebooks> ...]",
            "  See 'parzen render --help' for more information.",
        ])) {
            $0.arguments = ["render", "nope.md", "-o", "out"]
            $0.page = .none
        },
    ]

    static let cases: [Case] = yaml + options + markdown + tex + csvFiles.map(capped) + paths + projectRoots + links
        + notebooks

    /// The row and column caps are lowered for the two cases that test them.
    static func capped(_ test: Case) -> Case {
        with(test) {
            if $0.name == "CSV: more columns than the cap" { $0.environment = ["PARZEN_MAX_CSV_COLUMNS": "2"] }
            if $0.name == "CSV: more rows than the cap" { $0.environment = ["PARZEN_MAX_CSV_ROWS": "2"] }
        }
    }

    @Test func thereAreAtLeastOneHundredFiftyCases() {
        #expect(Self.cases.count >= 150)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }

    @Test(arguments: cases)
    func hostileInputHasItsExactOutcome(_ test: Case) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-hostile-\(UUID().uuidString)")
        let project = root.appendingPathComponent("project"), outside = root.appendingPathComponent("outside")
        for folder in [project, outside] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x,y\n1,2\n3,4\n".utf8).write(to: outside.appendingPathComponent("o.csv"))
        try Data(test.notebook).write(to: project.appendingPathComponent("nb.md"))
        for (name, bytes) in test.files {
            let file = project.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        }
        for (name, text) in test.aboveProject { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        for (name, target) in test.links {
            try FileManager.default.createSymbolicLink(
                atPath: project.appendingPathComponent(name).path,
                withDestinationPath: target.replacingOccurrences(of: "<outside>", with: outside.path))
        }
        let run = try await ExternalProcess.run(CommandLineTests.executable, test.arguments, in: project,
                                                environment: test.environment)
        let stderr = run.errors

        #expect(run.reason == .exit, "crashed")
        #expect(run.status == test.status)
        let folder = project.resolvingSymlinksInPath().path
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.replacingOccurrences(of: folder, with: "<folder>") }
        #expect(lines == test.stderr)
        let out = project.appendingPathComponent("out")
        let written = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).sorted()
        switch test.page {
        case .none:
            #expect(written == [])
        case .complete:
            // The page and the index, nothing half-written beside them.
            #expect(written == ["index.html", "nb.html"])
            let page = try String(contentsOf: out.appendingPathComponent("nb.html"), encoding: .utf8)
            #expect(page.hasPrefix("<!DOCTYPE html>"))
            #expect(page.hasSuffix("</html>\n"))
        }
    }
}
