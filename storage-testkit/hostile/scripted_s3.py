#!/usr/bin/python3
"""A scripted, read-only S3 for keys S3Proxy cannot hold (an object and objects under it: 'a' and 'a/b'; folder
markers 'dir/'): ListObjectsV2 (flat or with a delimiter), HEAD and GET. No authentication.

usage: scripted_s3.py PORT OBJECTS.json      (OBJECTS.json: {"key": "content", ...}; any bucket name works)
"""
import http.server, socketserver, sys, hashlib, urllib.parse, json
port = int(sys.argv[1]); objects = json.load(open(sys.argv[2]))  # {"key": "content"}
objs = {k: v.encode() for k, v in objects.items()}
def etag(b): return '"%s"' % hashlib.md5(b).hexdigest()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def send(self, code, body=b"", ctype="application/xml", extra=None):
        self.send_response(code); self.send_header("Content-Type", ctype); self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items(): self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD": self.wfile.write(body)
    def do_GET(self):
        u = urllib.parse.urlsplit(self.path); q = urllib.parse.parse_qs(u.query, keep_blank_values=True)
        parts = u.path.lstrip("/").split("/", 1)
        if len(parts) == 1 or parts[1] == "":
            prefix = q.get("prefix", [""])[0]; delim = q.get("delimiter", [""])[0]; after = q.get("start-after", [""])[0]
            keys = sorted(k for k in objs if k.startswith(prefix) and k > after); cps = set(); out = []
            for k in keys:
                rest = k[len(prefix):]
                if delim and delim in rest: cps.add(prefix + rest.split(delim, 1)[0] + delim)
                else: out.append(k)
            x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>%s</Name><Prefix>%s</Prefix><KeyCount>%d</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>" % (parts[0], prefix, len(out) + len(cps))
            for k in out:
                x += "<Contents><Key>%s</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>%s</ETag><Size>%d</Size><StorageClass>STANDARD</StorageClass></Contents>" % (k, etag(objs[k]).replace('"', "&quot;"), len(objs[k]))
            for c in sorted(cps): x += "<CommonPrefixes><Prefix>%s</Prefix></CommonPrefixes>" % c
            x += "</ListBucketResult>"; return self.send(200, x.encode())
        key = urllib.parse.unquote(parts[1])
        if key not in objs: return self.send(404, b"<Error><Code>NoSuchKey</Code><Message>no</Message></Error>")
        b = objs[key]
        self.send(200, b, "application/octet-stream", {"ETag": etag(b), "Last-Modified": "Thu, 01 Jan 2026 00:00:00 GMT"})
    do_HEAD = do_GET
    def log_message(self, *a): pass
class T(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
T(("127.0.0.1", port), H).serve_forever()
