import ParzenMarkup

extension MathMLWriter {
    /// The box-like nodes: `<mpadded>`, CSS-styled `<mrow>`, `<mmultiscripts>` and rules.
    /// MathML Core has no `<menclose>` or `<none>`: frames and strike-outs are CSS on an
    /// `<mrow>`, and an empty script is an empty `<mrow>`.
    mutating func writeBox(_ node: MathNode) {
        switch node.kind {
        case .padded(let content, let box):
            output += "<mpadded"
            for (name, value) in [
                ("width", box.width), ("height", box.height), ("depth", box.depth),
                ("lspace", box.lspace), ("voffset", box.voffset),
            ] {
                if let value { output += " \(name)=\"" + Escaping.attribute(value) + "\"" }
            }
            output += ">"
            write(content)
            output += "</mpadded>"
        case .styled(let content, let css):
            output += "<mrow style=\"" + Escaping.attribute(css) + "\">"
            write(content)
            output += "</mrow>"
        case .multiscripts(let base, let post, let pre):
            output += "<mmultiscripts>"
            write(base)
            writeScriptPairs(post)
            if !pre.isEmpty {
                output += "<mprescripts></mprescripts>"
                writeScriptPairs(pre)
            }
            output += "</mmultiscripts>"
        case .rule(let width, let height, let depth):
            output += "<mspace width=\"" + Escaping.attribute(width) + "\""
            output += " height=\"" + Escaping.attribute(height) + "\""
            output += " depth=\"" + Escaping.attribute(depth) + "\" style=\"background:currentcolor\"></mspace>"
        default:
            write(node)
        }
    }

    private mutating func writeScriptPairs(_ pairs: [MathNode.ScriptPair]) {
        for pair in pairs {
            for script in [pair.sub, pair.sup] {
                if let script { writeScript(script, level: level + 1) } else { output += "<mrow></mrow>" }
            }
        }
    }
}
