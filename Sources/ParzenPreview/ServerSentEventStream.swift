import FlyingSocks

/// A `text/event-stream` response body: a `retry` hint and a comment at once (so the browser
/// sees the stream open), then one `event: reload` record per announced page. It never ends on
/// its own; it ends when the page closes (the write fails) or the broadcaster finishes.
struct ServerSentEventStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let pages: AsyncStream<String>

    func makeAsyncIterator() -> Iterator {
        Iterator(pages: pages.makeAsyncIterator(), pending: Array("retry: 500\n: connected\n\n".utf8))
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var pages: AsyncStream<String>.Iterator
        /// Bytes of the current record not yet handed out.
        var pending: [UInt8]

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let page = await pages.next() else { return nil }
                pending = Array("event: \(LiveReloadScript.reloadEvent)\ndata: \(page)\n\n".utf8)
            }
            let chunk = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(chunk.count)
            return chunk
        }
    }
}
