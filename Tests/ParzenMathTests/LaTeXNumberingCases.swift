/// The equation-numbering cases of `NumberingAgainstLaTeXTests`: a LaTeX document body of
/// displays, and the labels real LaTeX gave them.
///
/// `auxLabels` is the `\newlabel` lines of the `.aux` file that `latex` (TeX Live 2022,
/// amsmath 2022/04/08) wrote for `document` after two runs; `latexStillAgrees` checks that it
/// still does when `latex` is on PATH. To add a case, add it to `body`, run that test once and
/// paste the lines it prints.
enum LaTeXNumberingCases {
    static let body = #"""
\begin{equation}a\label{e1}\end{equation}
\begin{subequations}\label{sub}
\begin{align}
a&=b\label{s1}\\
c&=d\label{s2}\\
e&=f\notag\\
g&=h\tag{T}\label{s3}
\end{align}
\begin{equation}x\label{s4}\end{equation}
\end{subequations}
\begin{equation}y\label{aftersub}\end{equation}
\begin{align}
a&=b\label{t1}\\
c&=d\label{t2}\\
\end{align}
\begin{equation}z\label{aftertrailing}\end{equation}
\begin{gather}
a\label{g1}\\ b\nonumber\\ c\label{g2}\\
\end{gather}
\begin{multline}
a\\ b\\ c\label{m1}
\end{multline}
\begin{multline}
a\\ b\label{m2}\\
\end{multline}
\begin{equation}z\label{aftermultline}\end{equation}
\begin{flalign}
a&=b\label{f1} & c&=d\\
e&=f\label{f2}
\end{flalign}
\begin{alignat}{2}
a&=b &\quad c&=d\label{at1}\\
e&=f\notag\\
g&=h\label{at2}
\end{alignat}
\begin{eqnarray}
a&=&b\label{q1}\\
\end{eqnarray}
\begin{equation}z\label{aftereqnarray}\end{equation}
\begin{align}
a&=b\tag*{S}\label{st}\\
c&=d\label{afterstar}
\end{align}
\[ x \tag{P}\label{plain}\]
\begin{equation}\text{see \eqref{e1} and \ref{s1}}\label{txt}\end{equation}
\begin{align}
a&=b\notag\label{carried}\\ c&=d\\ e&=f\label{y}
\end{align}
\begin{align}
a&=b\\ c&=d\notag\label{carriedtotrailing}\\
\end{align}
\begin{equation}z\label{aftercarried}\end{equation}
\begin{align}
a&=b\\
\notag
\end{align}
\begin{equation}z\label{afternotagrow}\end{equation}
\begin{align}
a&=b\\
\label{trailinglabel}
\end{align}
\begin{equation}\begin{split}a&=b\\c&=d\label{sp}\end{split}\end{equation}
\begin{gather*}a\\ b\tag{G}\label{gs}\end{gather*}
\begin{flalign*}a&=b\tag{F}\label{fs}\end{flalign*}
\begin{subequations}\label{parent}
\begin{align}a&=b\label{pa}\\c&=d\\\end{align}
\end{subequations}
\begin{equation}z\label{end}\end{equation}
\begin{equation}a\\b\label{eqbreak}\end{equation}
\begin{equation}z\label{aftereqbreak}\end{equation}
\begin{multline}a\tag{M}\\b\label{mt}\end{multline}
\begin{equation}z\label{aftertaggedmultline}\end{equation}
"""#

    static let document = "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n"
        + body + "\n\\end{document}\n"

    static let auxLabels = #"""
\newlabel{e1}{{1}{1}}
\newlabel{sub}{{2}{1}}
\newlabel{s1}{{2a}{1}}
\newlabel{s2}{{2b}{1}}
\newlabel{s3}{{{T}}{1}}
\newlabel{s4}{{2c}{1}}
\newlabel{aftersub}{{3}{1}}
\newlabel{t1}{{4}{1}}
\newlabel{t2}{{5}{1}}
\newlabel{aftertrailing}{{7}{1}}
\newlabel{g1}{{8}{1}}
\newlabel{g2}{{9}{1}}
\newlabel{m1}{{11}{1}}
\newlabel{m2}{{12}{1}}
\newlabel{aftermultline}{{13}{1}}
\newlabel{f1}{{14}{1}}
\newlabel{f2}{{15}{1}}
\newlabel{at1}{{16}{1}}
\newlabel{at2}{{17}{1}}
\newlabel{q1}{{18}{2}}
\newlabel{aftereqnarray}{{20}{2}}
\newlabel{st}{{S}{2}}
\newlabel{afterstar}{{21}{2}}
\newlabel{plain}{{{P}}{2}}
\newlabel{txt}{{22}{2}}
\newlabel{carried}{{23}{2}}
\newlabel{y}{{24}{2}}
\newlabel{carriedtotrailing}{{26}{2}}
\newlabel{aftercarried}{{27}{2}}
\newlabel{afternotagrow}{{29}{2}}
\newlabel{trailinglabel}{{31}{2}}
\newlabel{sp}{{32}{2}}
\newlabel{gs}{{{G}}{2}}
\newlabel{fs}{{{F}}{2}}
\newlabel{parent}{{33}{2}}
\newlabel{pa}{{33a}{2}}
\newlabel{end}{{34}{3}}
\newlabel{eqbreak}{{35}{3}}
\newlabel{aftereqbreak}{{36}{3}}
\newlabel{mt}{{{M}}{3}}
\newlabel{aftertaggedmultline}{{37}{3}}
"""#
}
