#!/usr/bin/env python3
"""Save → reload event → new page fetched, for a prose edit in `parzen preview`.

Copies notebooks/ into a temporary folder (the repository's files are never edited), starts
`parzen preview` on a free port, opens the reload event stream like a page does, then edits one
word of prose in what-is-a-generative-model.md ROUNDS times. Each round's time runs from just
before the file is written to the end of fetching the re-rendered page (checked to contain the
edit). Prints every round and the median; the issue's target is 150 ms.

Usage: bench/preview-latency.py [path/to/parzen] [rounds]   (default .build/release/parzen, 10)
`parzen preview` runs `parzen-preview` from the same folder: build both products first
(`swift build -c release --static-swift-stdlib --product parzen` and `--product parzen-preview`).
"""
import os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARZEN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/parzen")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
NOTEBOOK = "what-is-a-generative-model.md"
PAGE = "what-is-a-generative-model.html"
ORIGINAL = "Imagine a table of numbers"


def main():
    work = tempfile.mkdtemp(prefix="parzen-preview-bench-")
    shutil.copytree(os.path.join(ROOT, "notebooks"), os.path.join(work, "notebooks"))
    notebook = os.path.join(work, "notebooks", NOTEBOOK)
    text = open(notebook, encoding="utf-8").read()
    assert ORIGINAL in text, "the prose to edit moved; update ORIGINAL"
    server = subprocess.Popen([PARZEN, "preview", "notebooks", "--port", "0"], cwd=work,
                              stderr=subprocess.PIPE, text=True)
    try:
        port = None
        for line in server.stderr:
            match = re.search(r"Serving http://127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
                break
        assert port, "parzen preview did not start"
        # Keep reading the server's terminal output (so that it never blocks on a full pipe),
        # and collect the render times it prints, to split the latency into render and the rest.
        renders = []

        def read_terminal():
            for line in server.stderr:
                match = re.search(r"Rendered .*" + re.escape(NOTEBOOK) + r" in (\d+) ms", line)
                if match:
                    renders.append(int(match.group(1)))
        threading.Thread(target=read_terminal, daemon=True).start()
        events = socket.create_connection(("127.0.0.1", port))
        events.sendall(b"GET /__parzen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        received = b""
        while b": connected" not in received:
            received += events.recv(4096)
        times = []
        for n in range(ROUNDS):
            word = f"Imagine table number {n} of numbers"
            start = time.perf_counter()
            with open(notebook, "w", encoding="utf-8") as f:
                f.write(text.replace(ORIGINAL, word))
            received = b""
            marker = f"data: {PAGE}\n".encode()
            while marker not in received:
                received += events.recv(4096)
            body = urllib.request.urlopen(f"http://127.0.0.1:{port}/{PAGE}").read().decode()
            elapsed = (time.perf_counter() - start) * 1e3
            assert word in body, "the fetched page is not the edited one"
            times.append(elapsed)
            print(f"round {n + 1}: {elapsed:.0f} ms")
            time.sleep(0.3)  # let the index's reload event pass before the next edit
        print(f"save → reload event → page fetched: median {statistics.median(times):.0f} ms, "
              f"min {min(times):.0f}, max {max(times):.0f} (target 150 ms)")
        if renders:
            render = statistics.median(renders)
            print(f"of which rendering the notebook (from the cache): median {render:.0f} ms; "
                  f"watch + debounce + event + fetch: about {statistics.median(times) - render:.0f} ms")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
