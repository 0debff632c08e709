import ParzenFormat
@testable import ParzenRunner
import Testing

/// What changes a result's cache key, and what does not.
@Suite struct ResultKeyTests {
    let here = SourceLocation(line: 3, column: 1)

    func call(_ options: [String: OptionValue.Content], label: String? = "k", line: Int = 3) -> DirectiveCall {
        var values: [String: OptionValue] = [:]
        for (offset, (name, content)) in options.sorted(by: { $0.key < $1.key }).enumerated() {
            values[name] = OptionValue(content, at: SourceLocation(line: line + 1 + offset, column: 1))
        }
        return DirectiveCall(name: "fit", label: label, location: SourceLocation(line: line, column: 1),
                             options: OptionValues(values))
    }

    func key(_ call: DirectiveCall, version: Int = 1, seed: UInt64 = 7, inputs: DirectiveInputs = DirectiveInputs(),
             upstream: [String: ContentDigest] = ["d": ContentDigest(of: [1, 2, 3] as [UInt8])],
             files: [String: ContentDigest] = [:]) -> ContentDigest? {
        ResultKey.make(for: call, version: version, seed: seed, inputs: inputs, upstream: upstream,
                       fileDigest: { files[$0] })
    }

    var base: [String: OptionValue.Content] {
        ["data": .label("d"), "model": .text("kde"), "bandwidth": .text("scott")]
    }

    @Test func theSameOptionsWrittenElsewhereOrWithACaptionGiveTheSameKey() {
        let a = key(call(base))
        #expect(a != nil)
        #expect(key(call(base, line: 40)) == a)
        var captioned = base
        captioned["caption"] = .text("A new caption")
        captioned["expect"] = .text("error")
        #expect(key(call(captioned)) == a)
    }

    @Test func nestedMappingsAreComparedByValue() {
        func mapping(_ pairs: [(String, String)], line: Int) -> OptionValue.Content {
            let at = SourceLocation(line: line, column: 1)
            return .yaml(.mapping(pairs.map {
                YAMLEntry(key: $0.0, keyLocation: at, value: .scalar($0.1, isPlain: true, at: at))
            }, at: at))
        }
        var one = base, other = base
        one["boundary"] = mapping([("lower", "0"), ("upper", "5")], line: 1)
        other["boundary"] = mapping([("upper", "5"), ("lower", "0")], line: 2)
        #expect(key(call(one)) == key(call(other)))
        #expect(key(call(one)) != key(call(base)))
    }

    @Test func everyInputChangesTheKey() {
        let a = key(call(base))
        var changed = base
        changed["bandwidth"] = .text("silverman")
        #expect(key(call(changed)) != a)
        #expect(key(call(base, label: "other")) != a)
        #expect(key(call(base), version: 2) != a)
        #expect(key(call(base), seed: 8) != a)
        #expect(key(call(base), upstream: ["d": ContentDigest(of: [1, 2, 4] as [UInt8])]) != a)
        let file = DirectiveInputs(labels: [], files: ["/p/a.csv"])
        let one = key(call(base), inputs: file, files: ["/p/a.csv": ContentDigest(of: [9] as [UInt8])])
        let two = key(call(base), inputs: file, files: ["/p/a.csv": ContentDigest(of: [8] as [UInt8])])
        #expect(one != nil && one != two && one != a)
    }

    @Test func aResultWithoutAKeyOfItsOwnGivesNone() {
        #expect(key(call(base), upstream: [:]) == nil)
        #expect(key(call(base), inputs: DirectiveInputs(labels: [], files: ["/gone.csv"])) == nil)
    }
}
