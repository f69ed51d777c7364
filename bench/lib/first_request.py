#!/usr/bin/env python3
"""Time from launching the CLI to its first S3 request: a loopback listener accepts the first
connection of `migrate` between two S3 components pointing at it, then the run is killed.

    python3 bench/lib/first_request.py [LAUNCHER] [RUNS]      (defaults: bin/atlan-storage, 9)
"""
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
launcher = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "bin", "atlan-storage")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9

components = tempfile.mkdtemp(prefix="first-request-")
times = []
for i in range(runs):
    # a fresh listener per run, so a killed run's second connection is never taken for the next run's first
    with socket.socket() as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen(16)
        port = srv.getsockname()[1]
        for name, bucket in (("source", "src"), ("destination", "dst")):
            with open(os.path.join(components, name + ".yaml"), "w") as f:
                f.write(f"""apiVersion: dapr.io/v1alpha1
kind: Component
metadata:
  name: fr-{name}
spec:
  type: bindings.aws.s3
  version: v1
  metadata:
    - name: bucket
      value: "{bucket}"
    - name: endpoint
      value: "http://127.0.0.1:{port}"
    - name: accessKey
      value: "a"
    - name: secretKey
      value: "b"
""")
        t0 = time.monotonic()
        proc = subprocess.Popen([launcher, "migrate", "--components", components, "--source", "fr-source",
                                 "--destination", "fr-destination", "--json"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        conn, _ = srv.accept()
        times.append(time.monotonic() - t0)
        conn.close()
        proc.kill()
        proc.wait()
print("time to first S3 request, s:", " ".join(f"{t:.3f}" for t in times), f"median {statistics.median(times):.3f}")
