import Foundation
import ParzenFuzz

// The libFuzzer driver for every ``FuzzTarget``; `PARZEN_FUZZ_TARGET` (notebook, tex, csv,
// options, bib) picks the target, the arguments are libFuzzer's. Built only by `make fuzz` (see the
// Makefile), with `-sanitize=fuzzer,address`, which links libFuzzer. SwiftPM points `main` at
// this file's top-level code, which wins over libFuzzer's `main`, so the code below hands over
// to the driver libFuzzer exports for that case; `LLVMFuzzerTestOneInput` must still exist
// because libFuzzer's unused `main` refers to it.

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

let name = ProcessInfo.processInfo.environment["PARZEN_FUZZ_TARGET"] ?? ""
guard let chosen = FuzzTarget(rawValue: name) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("set PARZEN_FUZZ_TARGET to one of: \(names) (found '\(name)')\n".utf8))
    exit(2)
}
let target = chosen

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(runFuzzerDriver(&argc, &argv, testOneInput))
