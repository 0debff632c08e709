import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw-socket HTTP GET whose response is read as it arrives, so a test can wait for a
/// record such as `data: fixture.html` on the preview's never-ending event stream (URLSession
/// on Linux hands a body over only when it ends), or for a line of Chromium's DevTools list
/// (which URLSession on Linux fails to read: "Failed writing header").
final class RawHTTPStream: @unchecked Sendable {
    private let socket: Int32
    /// Everything received so far; guarded by `lock`.
    private var received = ""
    /// How many UTF-8 bytes of `received` earlier waits consumed.
    private var consumed = 0
    private let lock = NSLock()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Connects to 127.0.0.1:`port` and sends `GET path`.
    init(port: Int, path: String) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to port \(port)") }
        // Reads give up after 100 ms so that `wait` can check its deadline.
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
    }

    deinit { close(socket) }

    /// Waits until `text` arrives after what earlier waits consumed (up to `seconds`, a guard
    /// against a hang, not a speed requirement), and consumes up to its end.
    func wait(for text: String, seconds: Double = 30) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                let deadline = Date().addingTimeInterval(seconds)
                while Date() < deadline {
                    if self.consume(text) { return continuation.resume() }
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    let count = recv(self.socket, &buffer, buffer.count, 0)
                    if count > 0 {
                        self.lock.withLock { self.received += String(decoding: buffer[..<count], as: UTF8.self) }
                    } else if count == 0 {
                        break
                    }
                }
                continuation.resume(throwing: Failure(description: "no '\(text)' in the response; got: \(self.text)"))
            }
        }
    }

    /// Everything received so far.
    var text: String { lock.withLock { received } }

    private func consume(_ text: String) -> Bool {
        lock.withLock {
            let start = received.utf8.index(received.startIndex, offsetBy: consumed)
            guard let range = received.range(of: text, range: start..<received.endIndex) else { return false }
            consumed = received.utf8.distance(from: received.startIndex, to: range.upperBound)
            return true
        }
    }
}
