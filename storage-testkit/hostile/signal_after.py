#!/usr/bin/python3
"""Runs a command with default signal handling (a shell's background job ignores SIGINT), sends it a signal
after a delay, and records its exit code: SIGINT (Ctrl-C), SIGTERM and SIGKILL cases of docs/reliability.md.

usage: signal_after.py SIGNAL DELAY_SECONDS OUT_DIR COMMAND...   (OUT_DIR gets out, err, rc)
"""
import subprocess, signal, sys, time, os
sig, delay, out = getattr(signal, sys.argv[1]), float(sys.argv[2]), sys.argv[3]
p = subprocess.Popen(sys.argv[4:], stdout=open(out + "/out", "w"), stderr=open(out + "/err", "w"), cwd=out,
                     preexec_fn=lambda: (signal.signal(signal.SIGINT, signal.SIG_DFL), signal.signal(signal.SIGTERM, signal.SIG_DFL)))
time.sleep(delay); t = time.time(); p.send_signal(sig); rc = p.wait()
open(out + "/rc", "w").write("%d\n" % rc); print("rc", rc, "exited %.1f s after the signal" % (time.time() - t))
