import Foundation
import ParzenReport
import ParzenRunner
import Testing

/// The LaTeX writer's structure: what the author wrote and what the directives returned,
/// found in the `.tex` as the LaTeX commands that mean it.
@Suite struct LaTeXWriterTests {
    static let notebook = """
        ---
        title: Echo & co
        authors: [Ada Lovelace]
        math:
          macros:
            R: "\\\\mathbb{R}"
            pair: "(#1, #2)"
        ---

        ## First steps

        Intro with $x \\in \\R$ and *emphasis*, **strong**, `a_b%c`, [a link](https://example.org/a#b):
        see {ref}`e`, \\eqref{eq:a}, {ref}`first-steps`, {value}`e.value` and {value}`e.name`. 50% of #1 costs $3.

        $$
        y = 1 \\label{eq:a}
        $$

        1. one
        2. two

        > quoted

        | a | b |
        |:--|--:|
        | 1 | 2 |

        ```python
        print("\\end{verbatim}")
        ```

        ```{echo} e
        value: 2
        caption: The *echo*.
        ```

        Between. {ref}`nope`

        ```{echo} bad
        value: 1
        fail: true
        ```

        """

    static func write(_ text: String = notebook) throws -> (tex: String, diagnostics: [String]) {
        let (document, diagnostics) = ReportBuilder(registry: testRegistry, allowOutside: false)
            .write(path: try temporaryNotebook(text), with: LaTeXNotebookWriter(registry: testRegistry))
        return (document!, diagnostics.map(\.message))
    }

    @Test func isAStandaloneDocumentWithTheNeededPackages() throws {
        let tex = try Self.write().tex
        #expect(tex.contains("\\documentclass"))
        for package in ["amsmath, amssymb", "booktabs", "pgfplots", "hyperref"] {
            #expect(tex.contains("\\usepackage{\(package)}") || tex.contains("]{\(package)}"), "\(package)")
        }
        #expect(tex.hasSuffix("\\end{document}\n"))
    }

    @Test func titleBlockAndMacrosComeFromTheFrontMatter() throws {
        let tex = try Self.write().tex
        #expect(tex.contains("\\title{Echo \\& co}"))
        #expect(tex.contains("\\author{Ada Lovelace}"))
        #expect(tex.contains("\\maketitle"))
        #expect(tex.contains("\\renewcommand{\\R}{\\mathbb{R}}"))
        #expect(tex.contains("\\renewcommand{\\pair}[2]{(#1, #2)}"))
    }

    @Test func proseIsConvertedFromTheMarkdownTree() throws {
        let tex = try Self.write().tex
        #expect(tex.contains("\\section{First steps}\\label{first-steps}"))
        #expect(tex.contains("$x \\in \\R$"))
        #expect(tex.contains("\\emph{emphasis}"))
        #expect(tex.contains("\\textbf{strong}"))
        #expect(tex.contains("\\texttt{a\\_\\allowbreak{}b\\%c}"))
        #expect(tex.contains("\\href{https://example.org/a\\#b}{a link}"))
        #expect(tex.contains("50\\% of \\#1 costs \\$3."))
        #expect(tex.contains("\\begin{equation}\ny = 1 \\label{eq:a}\n\\end{equation}"))
        #expect(tex.contains("\\begin{enumerate}\n\\item one"))
        #expect(tex.contains("\\begin{quote}\nquoted"))
        #expect(tex.contains("\\begin{tabular}{lr}\n\\toprule\na & b \\\\\n\\midrule\n1 & 2 \\\\\n\\bottomrule"))
        // The code's own `\end{verbatim}` must not end the environment.
        #expect(tex.contains("\\begin{verbatim}\nprint(\"\\end {verbatim}\")\n\\end{verbatim}"))
    }

    /// `subequations` is a text-mode environment in LaTeX: it must not go into `equation*`.
    @Test func subequationsStandAlone() throws {
        let math = "\\begin{subequations}\\label{s}\n\\begin{align}a&=b\\label{s1}\\end{align}\n\\end{subequations}"
        let tex = try Self.write("---\ntitle: S\n---\n$$\n" + math + "\n$$\n\nSee \\eqref{s}.\n").tex
        #expect(tex.contains(math + "\n"))
        #expect(!tex.contains("\\begin{equation*}\n\\begin{subequations}"))
    }

    @Test func rolesAndReferencesAreLeftToLaTeXOrResolved() throws {
        let (tex, diagnostics) = try Self.write()
        #expect(tex.contains("see Figure~\\ref{e}, \\eqref{eq:a}, Section~\\ref{first-steps}, 2 and "
                             + "\\textless{}b\\textgreater{}\\&\\textless{}/b\\textgreater{}."))
        #expect(tex.contains("Between. ??"))
        #expect(diagnostics.contains("reference to undefined label 'nope'"))
    }

    @Test func directiveOutputsComeFromTheTypedResults() throws {
        let tex = try Self.write().tex
        #expect(tex.contains("The value is $v = 2$."))
        #expect(tex.contains("\\begin{tabular}{lr}\n\\toprule\nquantity & value \\\\\n\\midrule\n$v$ & 2 \\\\"))
        #expect(tex.contains("\\begin{figure}[htbp]"))
        #expect(tex.contains("\\begin{axis}["))
        #expect(tex.contains("\\addplot[series1, solid, no marks, forget plot] coordinates {(0,0) (1,2)};"))
        #expect(tex.contains("\\caption{The \\emph{echo}.}\\label{e}"))
        #expect(tex.contains("\\textbf{This directive failed:}"))
        #expect(tex.contains("echo failed as asked"))
    }

    @Test func unicodeSymbolsAreDeclaredAndExponentsRaised() throws {
        let tex = try Self.write("Mean μ ± 1.2 × 10⁻⁵ and x̂, \"quoted\" `\"code\"`.\n").tex
        #expect(tex.contains("\\DeclareUnicodeCharacter{03BC}{\\ensuremath{\\mu}}"))
        #expect(tex.contains("\\DeclareUnicodeCharacter{00B1}{\\ensuremath{\\pm}}"))
        #expect(tex.contains("10\\textsuperscript{\\ensuremath{-}5} and \\^{x}, ``quoted'' "
                             + "\\texttt{\\char`\\\"code\\char`\\\"}."))
    }
}
