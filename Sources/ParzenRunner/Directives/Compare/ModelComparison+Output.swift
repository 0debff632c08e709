import ParzenCore

/// What `{compare}` shows: the tables, the verdict, and the MLE ⇔ min-KL derivation with
/// this comparison's numbers.
extension ModelComparison {
    typealias M = MathExpression

    var output: [OutputBlock] {
        var blocks: [OutputBlock] = [.table(likelihoodTable)]
        if let moments = momentsTable { blocks.append(.table(moments)) }
        if let tests = twoSampleTable { blocks.append(.table(tests)) }
        blocks.append(.paragraph(verdict))
        // A training NLL does not estimate the KL divergence (the models were fitted to those
        // very points), so the argument that it does is written for held-out and k-fold NLLs only.
        if CompareDirective.writesDerivation(criterion: criterion, on: on) {
            blocks.append(.paragraph(derivationIntroduction))
            blocks.append(.derivation(derivation))
            if let check = identityCheck { blocks.append(.paragraph(check)) }
        }
        return blocks
    }

    /// Which model has the lowest NLL, by how much, and whether the data can tell — or, on the
    /// training points, that the gap measures an in-sample fit and not which model predicts better.
    private var verdict: [Inline] {
        let (worse, better) = derivationPair
        let difference = pairedDifference(worse, better)
        let part = ["train": "training", "heldout": "held-out", "kfold": "\(folds)-fold cross-validated"][on]!
        var verdict: [Inline] = [.code(rows[better].label), .text(" has the lowest \(part) NLL")]
        if difference.value.isFinite, difference.standardError.isFinite {
            verdict += [
                .text(": "), .number(difference.value), .text(" nats per point below "), .code(rows[worse].label),
                .text(", with a paired standard error of "), .number(difference.standardError, digits: 2)]
            if on == "train" {
                verdict.append(.text(" — an in-sample fit, which favours the more flexible model."))
            } else {
                let clear = difference.value > 2 * difference.standardError
                verdict.append(.text(clear ? " — a clear difference."
                                     : " — within two standard errors, so this data cannot really tell them apart."))
            }
        } else {
            verdict += [
                .text("; "), .code(rows[worse].label), .text("'s is "), .number(rows[worse].nll.value), .text("."),
            ]
        }
        if on == "train" { verdict.append(.oncePerPage(key: "compare-in-sample", Self.inSampleCaveat)) }
        return verdict
    }

    /// What a training NLL is, said after the first comparison on training data of a page.
    static let inSampleCaveat: [Inline] = [
        .text(" Every model was fitted to these very points, so its training NLL is "
              + "biased low, the more so the more flexible the model (a KDE with a small bandwidth drives it "
              + "down without limit). It does not estimate the KL divergence from the data's distribution, nor "
              + "which model predicts new points better; for that, compare with "),
        .code("on: heldout"), .text(" or "), .code("on: kfold"), .text("."),
    ]

    /// NLL per model, and KL from the truth when computed.
    private var likelihoodTable: ResultTable {
        let part = ["train": "train", "heldout": "held-out", "kfold": "\(folds)-fold"][on]!
        var header: [ResultTable.Cell] = [[.text("model")], [.text("NLL (\(part))")], [.text("± SE")]]
        let hasKL = rows[0].kl != nil
        if hasKL {
            header += [[.math(Self.kl(from: Self.pData, to: .sub(.variable("p"), .greek(.theta))))], [.text("± SE")]]
        }
        let body = rows.enumerated().map { i, row -> [ResultTable.Cell] in
            var cells: [ResultTable.Cell] = [[.code(row.label)] + (i == best ? [.text(" (best)")] : []),
                                             [.number(row.nll.value)], [.number(row.nll.standardError)]]
            if let kl = row.kl { cells += [[.number(kl.value)], [.number(kl.standardError)]] }
            return cells
        }
        let reading = on == "train" ? "of the points they were fitted to (in sample: lower is a closer fit, "
            + "not a better model)" : "in nats per point, lower is better"
        var caption: [Inline] = [.text("Models of "), .code(dataset.label),
                                 .text(": average negative log-likelihood \(reading).")]
        if hasKL {
            caption += [.text(" KL divergence from the true density by Monte Carlo from "), .count(rows[0].kl!.count),
                        .text(" of its draws.")]
            caption += binnedEvaluationNote
        }
        return ResultTable(header: header, rows: body, caption: caption)
    }

    /// Which models were evaluated at the Monte Carlo draws through the binned grid, and the
    /// largest bound on the evaluation error of their KLs; nothing when every model was exact.
    private var binnedEvaluationNote: [Inline] {
        let binned = rows.filter { $0.klBound != nil }
        guard let bound = binned.compactMap(\.klBound).max() else { return [] }
        let one = binned.count == 1
        return [.text(" ")] + .list(binned.map { [.code($0.label)] })
            + [.text((one ? " was" : " were") + " evaluated at the draws through a binned grid (exactly where its "
                     + "computed bound was too large): the evaluation error of "
                     + (one ? "its KL" : "each of their KLs") + " is at most "),
               .number(bound, digits: 2), .text(" nats, below a thousandth of its standard error.")]
    }

    /// Moments of model draws and of the data, every coordinate: in d > 1 one row per model
    /// and coordinate, the coordinate named by its column.
    private var momentsTable: ResultTable? {
        guard let first = rows[0].moments else { return nil }
        let columns = dataset.dimension > 1 ? Array(0..<dataset.dimension) : [0]
        func cells(_ name: [Inline], _ m: Moments) -> [[ResultTable.Cell]] {
            columns.map { k in
                [name] + (dataset.dimension > 1 ? [[.code(dataset.columns[k])]] : [])
                    + [m.mean[k], m.covariance[k, k].squareRoot(), m.skewness[k], m.excessKurtosis[k]]
                    .map { [.number($0)] }
            }
        }
        var body = rows.flatMap { cells([.code($0.label)], $0.moments!.model) }
        body += cells([.text("data")], first.data)
        let names = ["moments"] + (dataset.dimension > 1 ? ["column"] : [])
            + ["mean", "sd", "skewness", "excess kurtosis"]
        let caption: [Inline] = [.text("Matching statistics: moments of "), .count(first.sampleCount),
                                 .text(" draws from each model and of the training data"
                                       + (dataset.dimension > 1 ? ", per coordinate." : "."))]
        return ResultTable(header: names.map { [Inline.text($0)] }, rows: body, caption: caption)
    }

    /// MMD² and energy distance between model draws and data, with p-values.
    private var twoSampleTable: ResultTable? {
        guard rows[0].mmd != nil else { return nil }
        let body = rows.map { row -> [ResultTable.Cell] in
            [[.code(row.label)]]
                + [row.mmd!.value, row.mmd!.pValue, row.energy!.value, row.energy!.pValue].map { [.number($0)] }
        }
        let header = ["samples alike?", "MMD²", "p", "energy distance", "p"].map { [Inline.text($0)] }
        let test = rows[0].mmd!, all = dataset.train.count
        let used = Self.thinned(dataset.train, to: Self.twoSamplePoints).count
        let points: [Inline] = used == all
            ? [.text("all "), .count(all), .text(" training points")]
            : [.count(used), .text(" of the "), .count(all), .text(" training points (one in every "),
               .count((all + used - 1) / used), .text(")")]
        let caption: [Inline] = [
            .text("Two-sample tests between as many model draws and ")] + points + [.text(": MMD² with a Gaussian "
            + "kernel (median heuristic) and the energy distance, permutation p-values from "),
            .count(test.permutations),
            .text(" permutations; a small p says the samples look different.")]
        return ResultTable(header: header, rows: body, caption: caption)
    }

    private var derivationIntroduction: [Inline] {
        let (worse, better) = derivationPair
        let logData = M.row([.symbol(.logarithm), Self.pData])
        let expectedGap = M.row([Self.expectation, .fenced(.row([logData, .symbol(.minus), .symbol(.logarithm),
                                                                 .sub(.variable("p"), .greek(.theta))]), .brackets)])
        let entropy = M.row([
            Self.entropy, .symbol(.equals), .symbol(.minus), Self.expectation, .fenced(logData, .brackets),
        ])
        return [
            .text("Why the lower NLL means the better model: with "), .math(Self.theta(1)), .text(" = "),
            .code(rows[worse].label),
                .text(" and "), .math(Self.theta(2)), .text(" = "), .code(rows[better].label),
            .text(", the difference of their KL divergences from "), .math(Self.pData),
            .text(" needs no knowledge of "),
                .math(Self.pData), .text(" beyond samples: each is "), .math(expectedGap), .text(", and the entropy "),
                .math(entropy), .text(" cancels. Here "), .math(Self.expectation), .text(" is the expectation under "),
                .math(Self.pData), .text(", estimated by the average over the "), .count(rows[worse].nll.count),
                .text(" evaluated points.")]
    }

    /// The MLE ⇔ min-KL argument, aligned, labelled with the comparison's label so prose can
    /// cite it with `\eqref{eq:<label>}` or `{ref}`.
    private var derivation: Derivation {
        let (worse, better) = derivationPair
        let l1 = rows[worse].nll.value, l2 = rows[better].nll.value
        let difference = l1 - l2
        let relation: MathSymbol = difference > 0 ? .greaterThan : (difference < 0 ? .lessThan : .equals)
        let p1 = M.sub(.variable("p"), Self.theta(1)), p2 = M.sub(.variable("p"), Self.theta(2))
        let expectedLog = { (p: M) in
            M.row([Self.expectation, .fenced(.row([.symbol(.logarithm), p]), .stretchyBrackets)])
        }
        let crossTerm = { (p: M) in
            M.fenced(.row([.symbol(.minus), Self.entropy, .symbol(.minus), expectedLog(p)]), .stretchyParentheses)
        }
        let loss = { (n: Int) in M.row([.variable("L"), .fenced(Self.theta(n), .parentheses)]) }
        return Derivation(rows: [
            (.row([Self.kl(from: Self.pData, to: p1), .symbol(.minus), Self.kl(from: Self.pData, to: p2)]),
             .row([.symbol(.equals), crossTerm(p1), .symbol(.minus), crossTerm(p2)])),
            (nil, .row([.symbol(.equals), expectedLog(p2), .symbol(.minus), expectedLog(p1)])),
                (
                    nil,
                    .row([
                        .symbol(.approximately), loss(1), .symbol(.minus), loss(2), .symbol(.equals), .num(l1),
                        .symbol(.minus),
                        .num(l2), .symbol(.equals), .num(difference), .symbol(relation), .int(0)])),
        ], label: CompareDirective.derivationLabel(for: label))
    }

    /// With a known true density: H(p_data), both KLs, and the identity checked in numbers.
    private var identityCheck: [Inline]? {
        let (worse, better) = derivationPair
        guard let entropy, let kl1 = rows[worse].kl, let kl2 = rows[better].kl else { return nil }
        let klDifference = Estimate(meanOf: zip(rows[worse].klTerms, rows[better].klTerms).map { $0 - $1 })
        let approx = { (left: M, value: Double) in Inline.math(.row([left, .symbol(.approximately), .num(value)])) }
        let p1 = M.sub(.variable("p"), Self.theta(1)), p2 = M.sub(.variable("p"), Self.theta(2))
        let losses = M.row([.variable("L"), .fenced(Self.theta(1), .parentheses), .symbol(.minus), .variable("L"),
                            .fenced(Self.theta(2), .parentheses), .symbol(.equals),
                            .num(rows[worse].nll.value - rows[better].nll.value)])
        return [.text("The data were generated, so "), .math(Self.pData),
                .text(" is known and every term can be computed by Monte Carlo from "), .count(kl1.count),
                .text(" draws of it: "), approx(Self.entropy, entropy.value), .text(", "),
                approx(Self.kl(from: Self.pData, to: p1), kl1.value), .text(" and "),
                approx(Self.kl(from: Self.pData, to: p2), kl2.value), .text(", whose difference "),
                .number(kl1.value - kl2.value), .text(" ± "), .number(klDifference.standardError, digits: 2),
            .text(" is what "), .math(losses), .text(" ± "),
            .number(pairedDifference(worse, better).standardError, digits: 2),
                .text(" estimates from the data alone.")]
    }

    static let pData = M.sub(.variable("p"), .text("data"))
    static let expectation = M.styled(.blackboard, "E")
    static let entropy = M.row([.variable("H"), .fenced(pData, .parentheses)])

    static func theta(_ n: Int) -> M { .sub(.greek(.theta), .int(n)) }

    /// D_KL(p ‖ q).
    static func kl(from p: M, to q: M) -> M {
        .row([.sub(.variable("D"), .styled(.roman, "KL")), .fenced(.row([p, .symbol(.parallel), q]), .parentheses)])
    }
}
