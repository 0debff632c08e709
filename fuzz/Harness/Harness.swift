import Foundation
import ParzenFuzz

// The libFuzzer entry points for every ``FuzzTarget``; `PARZEN_FUZZ_TARGET` (notebook, tex,
// csv, options) picks the target. Built only by `make fuzz` (see the Makefile): libFuzzer
// supplies `main`, so this cannot be linked without `-sanitize=fuzzer`.

nonisolated(unsafe) var target = FuzzTarget.notebook

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let name = ProcessInfo.processInfo.environment["PARZEN_FUZZ_TARGET"] ?? ""
    guard let chosen = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set PARZEN_FUZZ_TARGET to one of: \(names) (found '\(name)')\n".utf8))
        exit(2)
    }
    target = chosen
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
