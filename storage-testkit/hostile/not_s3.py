#!/usr/bin/python3
"""Servers that are not S3, for the hostile cases of docs/reliability.md. Each binds 127.0.0.1:PORT.

usage: not_s3.py MODE PORT
  html       answers every request 200 with an HTML login page (a proxy's fallback, a portal)
  404 / 403  answers every request 404 / 403 with an HTML page
  tls        the html server over TLS with a self-signed certificate (cert.pem, key.pem in the working
             folder: openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -subj /CN=127.0.0.1)
  blackhole  accepts connections and never answers
"""
import http.server, socketserver, sys, ssl, socket, threading, time
mode, port = sys.argv[1], int(sys.argv[2])
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def answer(self):
        n = int(self.headers.get('Content-Length') or 0)
        if n: self.rfile.read(n)
        if mode in ("html", "tls"):
            body = b"<html><head><title>Login</title></head><body>Please sign in</body></html>"
            code = 200
        elif mode == "404":
            body = b"<html><body>Not Found</body></html>"; code = 404
        elif mode == "403":
            body = b"<html><body>Forbidden</body></html>"; code = 403
        self.send_response(code)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD": self.wfile.write(body)
    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = answer
    def log_message(self, *a): pass
if mode == "blackhole":
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", port)); s.listen(100)
    conns = []
    while True:
        c, _ = s.accept(); conns.append(c)
class T(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
srv = T(("127.0.0.1", port), H)
if mode == "tls":
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain("cert.pem", "key.pem")
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
srv.serve_forever()
