/// One node of the parsed formula, with the UTF-8 offset of the TeX it came from.
///
/// The tree mirrors MathML Core closely; `MathMLWriter` switches over `Kind` exhaustively.
struct MathNode {
    indirect enum Kind {
        /// `<mi>`; `upright` asks for `mathvariant="normal"` on a single letter (`\Theta`, `\mathrm{d}`).
        case identifier(String, upright: Bool)
        /// An operator name (`\log`, `\operatorname{tr}`): `<mi>` followed by U+2061, with TeX's thin spaces.
        case operatorName(String)
        /// `<mn>`.
        case number(String)
        /// `<mo>`.
        case op(String, OperatorAttributes)
        /// `<mtext>`, optionally with a CSS font style for `\textbf`/`\textit`.
        case text(String, style: String?)
        /// `<mspace width=…>`.
        case space(width: String)
        /// `<mrow>` (a TeX group).
        case row([MathNode])
        /// `\left … \middle … \right`: an `<mrow>` whose fences stretch.
        case fenced([MathNode])
        /// `<mfrac>`; `lineThickness` "0" for binomials.
        case fraction(numerator: MathNode, denominator: MathNode, lineThickness: String?)
        /// `<msqrt>` or `<mroot>`.
        case root(MathNode, index: MathNode?)
        /// Sub- and superscripts: `<msub>`… when `limits` is false, `<munder>`… when true.
        case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
        /// Accents and stacked material (`\hat`, `\overbrace`, `\stackrel`): `<mover>`/`<munder>`.
        case stack(base: MathNode, over: MathNode?, under: MathNode?, accent: Bool)
        /// `<mstyle>` for `\displaystyle`, `\dfrac`, `\color`.
        case style(MathNode, displayStyle: Bool?, scriptLevel: Int?, color: String?)
        /// `<mphantom>`.
        case phantom(MathNode)
        /// `<mtable>`: environments, with equation numbers.
        case table(MathTable)
        /// `\eqref{label}` / `\ref{label}`, resolved after the whole document is typeset.
        /// `form`: the tag form `\eqref` puts the number in (the one in use where it stands); nil for `\ref`.
        case reference(label: String, form: TagForm?)
        /// `<merror>` showing the offending source.
        case error(String)
        /// Nothing in the output: what `\label`, `\tag` and `\nonumber` leave in the tree.
        case empty
        /// `<mpadded>`: material whose box is changed (`\smash`, `\mathrlap`, `\raisebox`, `\hphantom`).
        case padded(MathNode, PaddedBox)
        /// An `<mrow>` with CSS: frames (`\boxed`), backgrounds (`\colorbox`), strike-outs
        /// (`\cancel`) and font sizes (`\Large`).
        case styled(MathNode, css: String)
        /// `<mmultiscripts>`: scripts after the base and before it (`\sideset`, `\prescript`),
        /// as (subscript, superscript) pairs; nil is an empty script.
        case multiscripts(base: MathNode, post: [ScriptPair], pre: [ScriptPair])
        /// A filled rectangle (`\rule`): lengths as attribute values.
        case rule(width: String, height: String, depth: String)
    }

    /// One column of `<mmultiscripts>`: a subscript and a superscript, either possibly empty.
    struct ScriptPair {
        var sub: MathNode?
        var sup: MathNode?
    }

    /// The box `<mpadded>` gives its content; nil keeps the content's own value.
    struct PaddedBox {
        var width: String?
        var height: String?
        var depth: String?
        var lspace: String?
        var voffset: String?
    }

    /// Where scripts attached to this node go.
    enum Limits {
        /// Always beside, as sub- and superscripts (`x_i`, `\int`).
        case never
        /// Under and over in display style, beside in text style (`\sum`, `\lim`).
        case display
        /// Always under and over (`\underbrace`).
        case always
    }

    var kind: Kind
    var offset: Int
    var limits: Limits

    init(_ kind: Kind, at offset: Int, limits: Limits = .never) {
        self.kind = kind
        self.offset = offset
        self.limits = limits
    }

    /// The TeX class of the node, for spacing decisions.
    var atomClass: AtomClass {
        switch kind {
        case .identifier, .number, .text, .root, .row, .phantom, .table, .reference, .error, .space, .empty, .rule:
            return .ordinary
        case .operatorName:
            return .largeOperator
        case .op(_, let attributes):
            return attributes.atomClass
        case .fenced, .fraction:
            return .inner
        case .scripts(let base, _, _, _), .stack(let base, _, _, _), .style(let base, _, _, _), .padded(let base, _),
             .styled(let base, _), .multiscripts(let base, _, _):
            return base.atomClass
        }
    }

    /// True when the node is an operator name, possibly with limits (`\min_x`): it is followed
    /// by a function application sign.
    var isOperatorName: Bool {
        switch kind {
        case .operatorName: return true
        case .scripts(let base, _, _, _): return base.isOperatorName
        default: return false
        }
    }

    /// A copy whose leading `<mo>` (also inside scripts or stacks) has `form="infix"`: used at
    /// the start of an alignment cell (`& = b`), where amsmath inserts an empty group so that
    /// the relation keeps its spaces, while MathML would infer a prefix form; and for the base
    /// of `\overset`/`\stackrel`, whose core operator Chromium otherwise looks up as prefix
    /// (first child of `<mover>`), which for `∼` means no space at all.
    func withInfixForm() -> MathNode {
        var copy = self
        switch kind {
        case .op(let text, var attributes)
        where attributes.form == nil && (attributes.atomClass == .relation || attributes.atomClass == .binary):
            attributes.form = "infix"
            copy.kind = .op(text, attributes)
        case .scripts(let base, let sub, let sup, let limits):
            copy.kind = .scripts(base: base.withInfixForm(), sub: sub, sup: sup, limits: limits)
        case .stack(let base, let over, let under, let accent):
            copy.kind = .stack(base: base.withInfixForm(), over: over, under: under, accent: accent)
        case .row(let children) where children.count == 1:
            copy.kind = .row([children[0].withInfixForm()])
        default:
            break
        }
        return copy
    }

    /// A copy without operator spacing when the node is a lone `<mo>` (possibly in a one-child
    /// group): as a script (`x^*`, `\stackrel{?}{=}`) it takes no space, as in TeX's script styles.
    func withoutOperatorSpacing() -> MathNode {
        var copy = self
        switch kind {
        case .op(let text, var attributes):
            attributes.lspace = "0em"
            attributes.rspace = "0em"
            copy.kind = .op(text, attributes)
        case .row(let children) where children.count == 1:
            copy.kind = .row([children[0].withoutOperatorSpacing()])
        default:
            break
        }
        return copy
    }

    /// A copy set in script style as TeX does it: relations, binary operators and punctuation
    /// lose their spaces (TeXbook p. 170: those spaces apply in display and text style only),
    /// which MathML Core would otherwise keep at script size (`i = 1` under `\sum`).
    func inScriptStyle() -> MathNode {
        var copy = self
        switch kind {
        case .op(let text, var attributes) where [.relation, .binary, .punctuation].contains(attributes.atomClass):
            if attributes.lspace == nil { attributes.lspace = "0em" }
            if attributes.rspace == nil { attributes.rspace = "0em" }
            copy.kind = .op(text, attributes)
        case .row(let children):
            copy.kind = .row(children.map { $0.inScriptStyle() })
        case .fenced(let children):
            copy.kind = .fenced(children.map { $0.inScriptStyle() })
        case .fraction(let numerator, let denominator, let lineThickness):
            copy.kind = .fraction(
                numerator: numerator.inScriptStyle(), denominator: denominator.inScriptStyle(),
                lineThickness: lineThickness)
        case .root(let radicand, let index):
            copy.kind = .root(radicand.inScriptStyle(), index: index)
        case .scripts(let base, let sub, let sup, let limits):
            copy.kind = .scripts(base: base.inScriptStyle(), sub: sub, sup: sup, limits: limits)
        case .stack(let base, let over, let under, let accent):
            copy.kind = .stack(base: base.inScriptStyle(), over: over, under: under, accent: accent)
        case .style(let content, let displayStyle, let scriptLevel, let color)
        where scriptLevel == nil || scriptLevel! > 0:
            copy.kind = .style(
                content.inScriptStyle(), displayStyle: displayStyle, scriptLevel: scriptLevel, color: color)
        case .phantom(let content):
            copy.kind = .phantom(content.inScriptStyle())
        case .padded(let content, let box):
            copy.kind = .padded(content.inScriptStyle(), box)
        case .styled(let content, let css):
            copy.kind = .styled(content.inScriptStyle(), css: css)
        default:
            break
        }
        return copy
    }

    /// True for `{}`: a group with nothing in it.
    var isEmptyRow: Bool {
        if case .row(let children) = kind { return children.isEmpty }
        return false
    }

    /// True for a `\left`, `\middle` or `\right` delimiter: an `<mo>` that stretches freely.
    var isFence: Bool {
        if case .op(_, let attributes) = kind { return attributes.stretchy == true && attributes.minsize == nil }
        return false
    }

    /// Whether the node is taller than a line of text, so that `\left…\right` delimiters
    /// around it must grow: fractions, tables, limits, display-size large operators, `\big`
    /// delimiters, braces. Scripts do not count (TeX keeps the normal delimiter for `x_i^2`).
    func isTall(display: Bool) -> Bool {
        switch kind {
        case .fraction, .table:
            return true
        case .op(_, let attributes):
            return (attributes.atomClass == .largeOperator && display) || attributes.minsize != nil
                || attributes.stretchy == true
        case .row(let children), .fenced(let children):
            return children.contains { $0.isTall(display: display) }
        case .scripts(let base, _, _, let limits):
            return limits || base.isTall(display: display)
        case .stack(let base, _, _, let accent):
            return !accent || base.isTall(display: display)
        case .style(let content, let displayStyle, _, _):
            return content.isTall(display: displayStyle ?? display)
        case .root(let radicand, _), .phantom(let radicand), .styled(let radicand, _),
            .multiscripts(let radicand, _, _):
            return radicand.isTall(display: display)
        case .padded(let content, let box):
            return box.height != "0" && content.isTall(display: display)
        case .identifier, .operatorName, .number, .text, .space, .reference, .error, .empty, .rule:
            return false
        }
    }
}
