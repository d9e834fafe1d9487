#!/usr/bin/env python3
"""An independent security probe of a running taliban-relations-kg server (Python 3 stdlib only).

It shares no code with the server or its tests: it speaks HTTP over raw sockets (so that it can send
what a well-behaved client library refuses to), starts its own trap listeners on the loopback address
and counts every connection that reaches them, and walks every route of the inventory with

  * writes: PUT, POST, DELETE, PATCH on each route; SPARQL Update through every way a route could take
    it (form, body, /kg/update and friends); Graph Store writes (?default, ?graph=);
  * SERVICE to a trap through every way a route takes SPARQL: query string, form body, sparql-query
    body, inside sub-queries, EXISTS, OPTIONAL, UNION, a variable endpoint, FROM / FROM NAMED and the
    protocol's default-graph-uri / named-graph-uri, LOAD; and through shapes posted to /kg/shacl
    (sh:sparql with SERVICE, SPARQL targets, constraint components, sh:targetNode of the trap,
    owl:imports of the trap, a JSON-LD remote context, an RDF/XML external entity);
  * malformed input: bad percent-encoding, bad UTF-8, huge headers, odd Content-Types and charsets,
    Accept oddities, Range headers, path traversal, %00, overlong paths, broken request lines;
  * N fuzzed queries: the competency questions in queries/*.rq mutated (token swaps, truncation,
    nesting, random functions, regex bombs, SERVICE to the trap);
  * runaway queries: must be cut at the server's time limit with a 4xx (422), never a 5xx.

Every trap URL carries the id of the request that names it, so a trap hit is pinned on its request.
Expected: no 5xx, no connection closed without an answer, zero trap hits, zero writes accepted.

Usage: probe.py --base http://127.0.0.1:PORT --timeout 5 --fuzz 10000 --out bench/results/security-probe-1
  --timeout is the server's query time limit (serve --timeout); a request that has no answer after
  timeout + --slack seconds counts as no-answer. Writes OUT.json and OUT.md; exit status 1 when any
  5xx, no-answer, trap hit or accepted write was seen.
"""

import argparse
import collections
import glob
import http.server
import json
import os
import random
import re
import socket
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

# The route inventory as SECURITY.md lists it: (route, example path, takes SPARQL as).
# "query": SPARQL queries; "shacl": posted shapes; None: no SPARQL. Cross-checked against
# src/main/java/.../serve/Routes.java when the source tree is at hand (inventory_check).
ROUTES = [
    ("/kg/sparql", "/kg/sparql", "query"),
    ("/kg/query", "/kg/query", "query"),
    ("/kg", "/kg", "query"),
    ("/kg/get", "/kg/get?default", None),
    ("/kg/shacl", "/kg/shacl?graph=default", "shacl"),
    ("/", "/", None),
    ("/query", "/query", None),
    ("/overview", "/overview", None),
    ("/assets/*", "/assets/site.css", None),
    ("/id/*", "/id/actor/russia", None),
    ("/doc/*", "/doc/actor/russia", None),
    ("/ontology", "/ontology", None),
    ("/ontology/*", "/ontology/0.1.0", None),
    ("/ontology.ttl", "/ontology.ttl", None),
    ("/ontology.rdf", "/ontology.rdf", None),
    ("/ontology.html", "/ontology.html", None),
    ("/ontology.jsonld", "/ontology.jsonld", None),
    ("/ontology.nt", "/ontology.nt", None),
    ("/.well-known/void", "/.well-known/void", None),
    ("/dataset", "/dataset", None),
    ("/dataset/*", "/dataset/x", None),
    ("/context.jsonld", "/context.jsonld", None),
    ("/dumps/*", "/dumps/kg.trig", None),
    ("/shapes/*", "/shapes/kg-shapes.ttl", None),
    ("/$/ping", "/$/ping", None),
    ("/$/metrics", "/$/metrics", None),
]
# Paths that are not routes but where a careless server might mount writes.
UNMOUNTED = ["/kg/update", "/kg/data", "/kg/upload", "/update", "/sparql", "/$/datasets", "/$/server",
             "/$/backup/kg", "/$/compact/kg", "/$/tasks", "/$/stats", "/$/logs", "/kg/shacl/x"]

PREFIXES = ("PREFIX tir: <https://w3id.org/taliban-relations/ontology#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
PROBE_S = "urn:probe:written"


# ---------------------------------------------------------------------------------------------
# Traps

class Trap:
    """Loopback listeners that count every connection and remember the request ids in its paths."""

    def __init__(self):
        self.lock = threading.Lock()
        self.connections = 0
        self.hits = collections.Counter()   # request id -> hits
        self.servers = []
        trap = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                m = re.search(r"/t/(\d+)", self.path)
                with trap.lock:
                    trap.hits[int(m.group(1)) if m else -1] += 1
                body = b'{"head":{"vars":[]},"results":{"bindings":[]}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
            do_GET = do_POST = do_HEAD = do_PUT = do_OPTIONS = _any

            def log_message(self, *a):
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address):
                with trap.lock:
                    trap.connections += 1
                return True

        for _ in range(2):  # two listeners: one named by IP, one by name
            s = Server(("127.0.0.1", 0), Handler)
            threading.Thread(target=s.serve_forever, daemon=True).start()
            self.servers.append(s)
        self.by_ip = "http://127.0.0.1:%d" % self.servers[0].server_address[1]
        self.by_name = "http://localhost:%d" % self.servers[1].server_address[1]

    def url(self, rid, by_name=False):
        return "%s/t/%d" % (self.by_name if by_name else self.by_ip, rid)

    def hits_for(self, rid):
        with self.lock:
            return self.hits.get(rid, 0)

    def total(self):
        with self.lock:
            return sum(self.hits.values()), self.connections

    def stop(self):
        for s in self.servers:
            s.shutdown()


# ---------------------------------------------------------------------------------------------
# HTTP over raw sockets

class Result:
    __slots__ = ("status", "body", "error", "seconds")

    def __init__(self, status, body, error, seconds):
        self.status, self.body, self.error, self.seconds = status, body, error, seconds


def raw_request(host, port, data, wait, half_close=False):
    """Sends bytes, reads the answer to EOF. status None: no status line came back (no-answer).
    half_close: shut the sending side after the bytes, so that a server waiting for a body that the
    request promised and never sends sees its end at once, instead of after its idle timeout."""
    t0 = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=10) as s:
            s.settimeout(wait)
            try:
                s.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may answer and close before reading all of a huge request
            if half_close:
                try:
                    s.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
            chunks = []
            deadline = time.monotonic() + wait
            while True:
                try:
                    c = s.recv(65536)
                except (ConnectionResetError, socket.timeout) as e:
                    if not chunks:
                        return Result(None, b"", type(e).__name__, time.monotonic() - t0)
                    break
                if not c:
                    break
                chunks.append(c)
                if time.monotonic() > deadline:
                    break
    except OSError as e:
        return Result(None, b"", "connect: %s" % e, time.monotonic() - t0)
    resp = b"".join(chunks)
    m = re.match(rb"HTTP/1\.[01] (\d{3})", resp)
    if not m:
        return Result(None, resp[:300], "no status line", time.monotonic() - t0)
    status = int(m.group(1))
    # Skip 1xx interim answers.
    while 100 <= status < 200:
        rest = resp.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in resp else b""
        m = re.match(rb"HTTP/1\.[01] (\d{3})", rest)
        if not m:
            return Result(None, rest[:300], "only an interim answer", time.monotonic() - t0)
        resp, status = rest, int(m.group(1))
    body = resp.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in resp else b""
    return Result(status, body[:2000], None, time.monotonic() - t0)


def build(method, target, headers=None, body=None, version="HTTP/1.1", host=None):
    if isinstance(body, str):
        body = body.encode("utf-8")
    if isinstance(target, str):
        target = target.encode("latin-1", "strict") if all(ord(c) < 256 for c in target) else target.encode("utf-8")
    lines = [method.encode("latin-1") + b" " + target + b" " + version.encode()]
    hs = [("Host", host)] if host is not None else []
    hs += list((headers or {}).items())
    if body is not None and not any(k.lower() in ("content-length", "transfer-encoding") for k, _ in hs):
        hs.append(("Content-Length", str(len(body))))
    hs.append(("Connection", "close"))
    for k, v in hs:
        lines.append(k.encode("latin-1") + b": " + (v if isinstance(v, bytes) else v.encode("latin-1", "replace")))
    return b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")


def enc(s):
    # surrogatepass: a fuzzed query may hold a lone surrogate; it goes out as the bad UTF-8 it is.
    return urllib.parse.quote(s, safe="", errors="surrogatepass")


# ---------------------------------------------------------------------------------------------
# The probe

class Probe:
    def __init__(self, base, timeout, slack, trap):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port or 80
        self.hostheader = "%s:%d" % (self.host, self.port)
        self.wait = timeout + slack
        self.trap = trap
        self.lock = threading.Lock()
        self.next_id = 0
        # route -> category -> stats
        self.stats = collections.defaultdict(lambda: collections.defaultdict(
            lambda: {"requests": 0, "status": collections.Counter(), "5xx": 0, "no_answer": 0,
                     "trap_hits": 0, "writes_accepted": 0}))
        self.findings = []

    def rid(self):
        with self.lock:
            self.next_id += 1
            return self.next_id

    def send(self, route, category, what, method, target, headers=None, body=None, write=False,
             rid=None, expect=None, raw=None, version="HTTP/1.1", host=True, half_close=False, version_probe=False):
        """One request. write: a request that must not succeed (2xx counts as an accepted write).
        expect: a predicate on the status; a miss is a finding (but not a 5xx unless it is one)."""
        if rid is None:
            rid = self.rid()
        data = raw if raw is not None else build(method, target, headers, body, version,
                                                 self.hostheader if host else None)
        r = raw_request(self.host, self.port, data, self.wait, half_close)
        hits = self.trap.hits_for(rid)
        with self.lock:
            st = self.stats[route][category]
            st["requests"] += 1
            st["status"][("505 (version)" if r.status == 505 and version_probe else str(r.status)) if r.status else "none"] += 1
            kind = None
            if r.status is None:
                st["no_answer"] += 1
                kind = "no-answer (%s)" % r.error
            elif r.status == 505 and version_probe:
                pass
            elif r.status >= 500:
                st["5xx"] += 1
                kind = "5xx"
            if hits:
                st["trap_hits"] += hits
                kind = (kind + ", " if kind else "") + "trap hit x%d" % hits
            if write and r.status is not None and 200 <= r.status < 300:
                st["writes_accepted"] += 1
                kind = (kind + ", " if kind else "") + "write accepted"
            if kind is None and expect is not None and r.status is not None and not expect(r.status):
                kind = "unexpected status"
            if kind:
                self.findings.append({"route": route, "category": category, "what": what, "kind": kind,
                                      "status": r.status, "request": data[:600].decode("latin-1"),
                                      "answer": r.body[:400].decode("utf-8", "replace"),
                                      "seconds": round(r.seconds, 2)})
        return r

    # -- writes -------------------------------------------------------------------------------

    def writes(self, route, example):
        path = example.split("?")[0]
        turtle = "<%s> <urn:probe:p> <urn:probe:o> ." % PROBE_S
        targets = [example, path + "?default", path + "?graph=" + enc("urn:probe:g"),
                   path + "?graph=" + enc("https://w3id.org/taliban-relations/id/graph/facts")]
        for t in targets:
            for m in ("PUT", "POST", "DELETE", "PATCH"):
                if m == "POST" and route == "/kg/shacl":
                    continue  # a POST of Turtle to /kg/shacl is a validation, not a write (below)
                self.send(route, "write", "%s %s" % (m, t), m, t,
                          {"Content-Type": "text/turtle"}, turtle, write=True)
        for m in ("MKCOL", "PROPFIND", "COPY", "MOVE", "LOCK", "TRACE", "CONNECT", "FOO"):
            self.send(route, "write", "%s %s" % (m, example), m, example,
                      {"Content-Type": "text/turtle"}, turtle, write=True)
        # PATCH with the RDF patch media type, N-Quads into a named graph.
        self.send(route, "write", "PATCH rdf-patch", "PATCH", example, {"Content-Type": "application/rdf-patch"},
                  "A <%s> <urn:probe:p> <urn:probe:o> .\n" % PROBE_S, write=True)
        self.send(route, "write", "POST n-quads", "POST", path, {"Content-Type": "application/n-quads"},
                  "<%s> <urn:probe:p> <urn:probe:o> <urn:probe:g> ." % PROBE_S, write=True)
        # SPARQL Update, every way.
        updates = ["INSERT DATA { <%s> <urn:probe:p> <urn:probe:o> }" % PROBE_S,
                   "DROP ALL", "CLEAR DEFAULT",
                   "DELETE WHERE { ?s ?p ?o }",
                   "WITH <urn:probe:g> INSERT { <%s> <urn:probe:p> ?o } WHERE { ?s ?p ?o } " % PROBE_S,
                   "CREATE GRAPH <urn:probe:g>"]
        for u in updates:
            self.send(route, "write", "update= form: " + u[:30], "POST", path,
                      {"Content-Type": "application/x-www-form-urlencoded"}, "update=" + enc(u), write=True)
            self.send(route, "write", "sparql-update body: " + u[:30], "POST", path,
                      {"Content-Type": "application/sparql-update"}, u, write=True)
            # A page or a file ignores a parameter it does not take: its 200 is no write (the state
            # check at the end says whether anything was written); a SPARQL route must not answer 2xx.
            takes_sparql = route in ("/kg/sparql", "/kg/query", "/kg", "/kg/get", "/kg/shacl")
            self.send(route, "write", "GET ?update=: " + u[:30], "GET",
                      path + "?update=" + enc(u), write=takes_sparql)
            self.send(route, "write", "query= holding an update", "POST", path,
                      {"Content-Type": "application/x-www-form-urlencoded"}, "query=" + enc(u),
                      expect=lambda s: s >= 400)

    def unmounted(self):
        for p in UNMOUNTED:
            for m in ("GET", "PUT", "POST", "DELETE", "PATCH"):
                self.send(p, "unmounted", m + " " + p, m, p, {"Content-Type": "application/sparql-update"},
                          "INSERT DATA { <%s> <urn:probe:p> <urn:probe:o> }" % PROBE_S, write=(m != "GET"))
            self.send(p, "unmounted", "update form " + p, "POST", p,
                      {"Content-Type": "application/x-www-form-urlencoded"},
                      "update=" + enc("INSERT DATA { <%s> <urn:probe:p> <urn:probe:o> }" % PROBE_S), write=True)

    # -- SERVICE traps ------------------------------------------------------------------------

    def trap_queries(self, t, t2):
        """Queries that reach the trap t if SERVICE (or a remote dataset) is ever honoured."""
        host = t.rsplit("/t/", 1)[0]
        tail = "t/" + t.rsplit("/t/", 1)[1]
        return [
            ("plain", "SELECT * WHERE { SERVICE <%s> { ?s ?p ?o } }" % t),
            ("silent", "SELECT * WHERE { SERVICE SILENT <%s> { ?s ?p ?o } }" % t),
            ("by name", "SELECT * WHERE { SERVICE <%s> { ?s ?p ?o } }" % t2),
            ("sub-query", "SELECT * WHERE { { SELECT * WHERE { SERVICE <%s> { ?s ?p ?o } } LIMIT 1 } }" % t),
            ("deep sub-query", "SELECT * WHERE { { SELECT ?s WHERE { { SELECT ?s WHERE { SERVICE SILENT <%s> { ?s ?p ?o } } } } } }" % t),
            ("exists", "ASK { FILTER EXISTS { SERVICE <%s> { ?s ?p ?o } } }" % t),
            ("not exists", "SELECT * WHERE { ?s a tir:State FILTER NOT EXISTS { SERVICE <%s> { ?s ?p ?o } } }" % t),
            ("optional", "SELECT * WHERE { ?s a tir:State OPTIONAL { SERVICE <%s> { ?s ?p ?o } } }" % t),
            ("union", "SELECT * WHERE { { ?s a tir:State } UNION { SERVICE <%s> { ?s ?p ?o } } }" % t),
            ("minus", "SELECT * WHERE { ?s a tir:State MINUS { SERVICE <%s> { ?s ?p ?o } } }" % t),
            ("graph", "SELECT * WHERE { GRAPH ?g { SERVICE <%s> { ?s ?p ?o } } }" % t),
            ("variable BIND", "SELECT * WHERE { BIND(<%s> AS ?u) SERVICE ?u { ?s ?p ?o } }" % t),
            ("variable VALUES", "SELECT * WHERE { VALUES ?u { <%s> } SERVICE ?u { ?s ?p ?o } }" % t),
            ("variable IRI()", "SELECT * WHERE { BIND(IRI(CONCAT(\"%s\", \"\")) AS ?u) SERVICE ?u { ?s ?p ?o } }" % t),
            ("variable from data", "SELECT * WHERE { ?u a tir:State SERVICE ?u { ?s ?p ?o } } LIMIT 3"),
            ("prefixed", "PREFIX trap: <%s/t/> SELECT * WHERE { SERVICE trap:%s { ?s ?p ?o } }" % (host, tail.split("/")[1])),
            ("base-relative", "BASE <%s/> SELECT * WHERE { SERVICE <%s> { ?s ?p ?o } }" % (host, tail)),
            ("lower case", "select * where { service <%s> { ?s ?p ?o } }" % t),
            ("comment between", "SELECT * WHERE { SERVICE #x\n <%s> { ?s ?p ?o } }" % t),
            ("construct", "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <%s> { ?s ?p ?o } }" % t),
            ("describe", "DESCRIBE ?s WHERE { SERVICE <%s> { ?s ?p ?o } }" % t),
            ("describe the trap", "DESCRIBE <%s>" % t),
            ("from", "SELECT * FROM <%s> WHERE { ?s ?p ?o } LIMIT 1" % t),
            ("from named", "SELECT * FROM NAMED <%s> WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1" % t),
            ("graph of the trap", "SELECT * WHERE { GRAPH <%s> { ?s ?p ?o } } LIMIT 1" % t),
            ("aggregate", "SELECT (COUNT(*) AS ?n) WHERE { SERVICE <%s> { ?s ?p ?o } }" % t),
            ("java function", "SELECT * WHERE { BIND(<java:org.example.Trap>(\"%s\") AS ?x) }" % t),
            ("call", "SELECT * WHERE { BIND(CALL(<%s>, 1) AS ?x) }" % t),
            ("lateral", "SELECT * WHERE { ?s a tir:State LATERAL { SERVICE <%s> { ?s ?p ?o } } }" % t),
        ]

    def service_traps(self, route, example, takes):
        path = example.split("?")[0]
        sep = "&" if "?" in example else "?"
        shown = 0
        for name, q in self.trap_queries("http://x/t/0", "http://x/t/0"):
            for way in ("GET ?query=", "POST form", "POST sparql-query", "POST sparql-query charset",
                        "GET + default-graph-uri", "POST form + named-graph-uri"):
                rid = self.rid()
                t, t2 = self.trap.url(rid), self.trap.url(rid, by_name=True)
                qq = PREFIXES + dict(self.trap_queries(t, t2))[name]
                cat = "service"
                if way == "GET ?query=":
                    self.send(route, cat, "%s %s" % (way, name), "GET", example + sep + "query=" + enc(qq), rid=rid)
                elif way == "POST form":
                    self.send(route, cat, "%s %s" % (way, name), "POST", path,
                              {"Content-Type": "application/x-www-form-urlencoded"}, "query=" + enc(qq), rid=rid)
                elif way == "POST sparql-query":
                    self.send(route, cat, "%s %s" % (way, name), "POST", path,
                              {"Content-Type": "application/sparql-query"}, qq, rid=rid,
                              expect=(lambda s: s in (400, 403)) if takes == "query" and name not in
                              ("describe the trap", "from", "from named", "graph of the trap", "variable from data", "lateral") else None)
                elif way == "POST sparql-query charset":
                    self.send(route, cat, "%s %s" % (way, name), "POST", path,
                              {"Content-Type": "application/sparql-query; charset=UTF-8"}, qq, rid=rid)
                elif way == "GET + default-graph-uri":
                    self.send(route, cat, "%s %s" % (way, name), "GET",
                              example + sep + "query=" + enc(PREFIXES + "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
                              + "&default-graph-uri=" + enc(t) + "&named-graph-uri=" + enc(t2), rid=rid)
                else:
                    self.send(route, cat, "%s %s" % (way, name), "POST", path,
                              {"Content-Type": "application/x-www-form-urlencoded"},
                              "query=" + enc(qq) + "&named-graph-uri=" + enc(t) + "&default-graph-uri=" + enc(t2), rid=rid)
        # Updates that would fetch: LOAD, SERVICE in an update's WHERE.
        for name, u in [("load", "LOAD <T>"), ("load silent into", "LOAD SILENT <T> INTO GRAPH <urn:probe:g>"),
                        ("insert from service", "INSERT { ?s ?p ?o } WHERE { SERVICE <T> { ?s ?p ?o } }")]:
            for way in ("form", "body", "GET"):
                rid = self.rid()
                uu = u.replace("<T>", "<%s>" % self.trap.url(rid))
                if way == "form":
                    self.send(route, "service", "update %s %s" % (way, name), "POST", path,
                              {"Content-Type": "application/x-www-form-urlencoded"}, "update=" + enc(uu), rid=rid, write=True)
                elif way == "body":
                    self.send(route, "service", "update %s %s" % (way, name), "POST", path,
                              {"Content-Type": "application/sparql-update"}, uu, rid=rid, write=True)
                else:
                    self.send(route, "service", "update %s %s" % (way, name), "GET", example + sep + "update=" + enc(uu), rid=rid)
        # Shapes, posted to every route (to /kg/shacl they are validated; elsewhere refused).
        for name, shapes in self.trap_shapes():
            for ctype in ("text/turtle", "application/n-triples" if name == "n-triples" else None):
                if ctype is None:
                    continue
                rid = self.rid()
                body = shapes.replace("TRAP2", self.trap.url(rid, by_name=True)).replace("TRAP", self.trap.url(rid))
                self.send(route, "shacl-trap", "shapes " + name, "POST", example, {"Content-Type": ctype}, body, rid=rid,
                          expect=(lambda s: s in (400, 403, 415, 422)) if takes == "shacl" and name in SHAPES_REFUSED else None)
        for name, ctype, body in self.trap_documents():
            rid = self.rid()
            body = body.replace("TRAP", self.trap.url(rid))
            self.send(route, "shacl-trap", "document " + name, "POST", example, {"Content-Type": ctype}, body, rid=rid)
        # Graph Store read of the trap as a graph name.
        rid = self.rid()
        self.send(route, "service", "GET ?graph=trap", "GET", path + "?graph=" + enc(self.trap.url(rid)), rid=rid)

    def trap_shapes(self):
        pre = ("@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/probe#> . "
               "@prefix owl: <http://www.w3.org/2002/07/owl#> . "
               "@prefix tir: <https://w3id.org/taliban-relations/ontology#> . ")
        s = [
            ("sparql constraint", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select "SELECT $this WHERE { SERVICE <TRAP> { ?s ?p ?o } }" ] .'),
            ("sparql constraint by name", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select "SELECT $this WHERE { SERVICE <TRAP2> { ?s ?p ?o } }" ] .'),
            ("sparql constraint silent, sub-query", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select "SELECT $this WHERE { { SELECT * WHERE { SERVICE SILENT <TRAP> { ?s ?p ?o } } } }" ] .'),
            ("sparql constraint exists", pre + 'ex:S a sh:NodeShape ; sh:targetNode <https://w3id.org/taliban-relations/id/actor/russia> ; sh:sparql [ sh:select "SELECT $this WHERE { FILTER EXISTS { SERVICE <TRAP> { ?s ?p ?o } } }" ] .'),
            ("sparql constraint variable endpoint", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select "SELECT $this WHERE { BIND(<TRAP> AS ?u) SERVICE ?u { ?s ?p ?o } }" ] .'),
            ("sparql constraint variable from data", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select "SELECT $this WHERE { SERVICE $this { ?s ?p ?o } }" ] .'),
            ("sparql constraint with sh:prefixes", pre + 'ex: sh:declare [ sh:prefix "trap" ; sh:namespace "TRAP/"^^<http://www.w3.org/2001/XMLSchema#anyURI> ] . '
             'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:prefixes ex: ; sh:select "SELECT $this WHERE { SERVICE trap:x { ?s ?p ?o } }" ] .'),
            ("sparql constraint escaped", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select "SELECT $this WHERE { \\u0053ERVICE <TRAP> { ?s ?p ?o } }" ] .'),
            ("sparql constraint long string", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select """SELECT $this\nWHERE {\n SERVICE <TRAP> { ?s ?p ?o }\n}""" ] .'),
            ("sparql ask on property shape", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:property [ sh:path tir:label ; sh:sparql [ sh:select "SELECT $this WHERE { SERVICE <TRAP> { ?s ?p ?o } }" ] ] .'),
            ("sparql target", pre + 'ex:S a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select "SELECT ?this WHERE { SERVICE <TRAP> { ?this ?p ?o } }" ] ; sh:nodeKind sh:IRI .'),
            ("sparql target type", pre + 'ex:T a sh:SPARQLTargetType ; sh:select "SELECT ?this WHERE { SERVICE <TRAP> { ?this ?p ?o } }" . ex:S a sh:NodeShape ; sh:target [ a ex:T ] ; sh:nodeKind sh:IRI .'),
            ("ask validator", pre + 'ex:C a sh:ConstraintComponent ; sh:parameter [ sh:path ex:p ] ; sh:validator [ a sh:SPARQLAskValidator ; sh:ask "ASK { SERVICE <TRAP> { ?s ?p ?o } }" ] . ex:S a sh:NodeShape ; sh:targetClass tir:State ; ex:p true .'),
            ("select validator", pre + 'ex:C a sh:ConstraintComponent ; sh:parameter [ sh:path ex:p ] ; sh:nodeValidator [ a sh:SPARQLSelectValidator ; sh:select "SELECT $this WHERE { SERVICE <TRAP> { ?s ?p ?o } }" ] . ex:S a sh:NodeShape ; sh:targetClass tir:State ; ex:p true .'),
            ("targetNode of the trap", pre + 'ex:S a sh:NodeShape ; sh:targetNode <TRAP> ; sh:nodeKind sh:Literal .'),
            ("targetNode of the trap with sparql", pre + 'ex:S a sh:NodeShape ; sh:targetNode <TRAP> ; sh:sparql [ sh:select "SELECT $this WHERE { FILTER(isIRI($this)) }" ] .'),
            ("owl:imports of the trap", pre + '<urn:probe:shapes> a owl:Ontology ; owl:imports <TRAP> . ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:nodeKind sh:IRI .'),
            ("sh:shapesGraph of the trap", pre + '<urn:probe:data> sh:shapesGraph <TRAP> . ex:S a sh:NodeShape ; sh:targetClass tir:State .'),
            ("@base of the trap", '@base <TRAP> . @prefix sh: <http://www.w3.org/ns/shacl#> . <S> a sh:NodeShape ; sh:targetNode <x> ; sh:class <y> .'),
            ("sh:class of the trap", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:class <TRAP> .'),
            ("java function in sparql", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select "SELECT $this WHERE { FILTER(<java:org.example.Trap>(\\"TRAP\\")) }" ] .'),
            ("sh:js", pre + 'ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:js [ sh:jsLibrary [ sh:jsLibraryURL "TRAP"^^<http://www.w3.org/2001/XMLSchema#anyURI> ] ; sh:jsFunctionName "f" ] .'),
            ("n-triples", '<http://example.org/probe#S> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/shacl#NodeShape> .\n'
             '<http://example.org/probe#S> <http://www.w3.org/ns/shacl#targetNode> <TRAP> .\n'
             '<http://example.org/probe#S> <http://www.w3.org/ns/shacl#sparql> _:c .\n'
             '_:c <http://www.w3.org/ns/shacl#select> "SELECT $this WHERE { SERVICE <TRAP> { ?s ?p ?o } }" .\n'),
        ]
        return s

    def trap_documents(self):
        return [
            ("json-ld remote context", "application/ld+json", '{"@context": "TRAP", "@id": "urn:probe:x"}'),
            ("json-ld remote context (text/turtle label)", "text/turtle; charset=utf-8", '@prefix x: <TRAP#> . x:a x:b x:c .'),
            ("rdf/xml external entity", "application/rdf+xml",
             '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "TRAP">]><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
             '<rdf:Description rdf:about="urn:probe:x"><rdf:value>&e;</rdf:value></rdf:Description></rdf:RDF>'),
            ("trix", "application/trix+xml", '<?xml version="1.0"?><!DOCTYPE r SYSTEM "TRAP"><TriX/>'),
            ("trig", "application/trig", '<TRAP> { <urn:a> <urn:b> <urn:c> }'),
            ("n3 / unknown", "text/n3", '@prefix x: <TRAP#> . x:a x:b x:c .'),
        ]

    # -- malformed input ----------------------------------------------------------------------

    def malformed(self, route, example, takes):
        path = example.split("?")[0]
        sep = "&" if "?" in example else "?"
        c = "malformed"
        q = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
        raw_targets = [
            ("bad percent-encoding in query", example + sep + "query=%zz%"),
            ("truncated percent-encoding", example + sep + "query=SELECT%2"),
            ("bad UTF-8 in query", example + sep + "query=%C3%28"),
            ("overlong UTF-8 in query", example + sep + "query=%C0%AF"),
            ("lone surrogate in query", example + sep + "query=%ED%A0%80"),
            ("%00 in query", example + sep + "query=SELECT%00"),
            ("bad percent-encoding in path", path + "%zz"),
            ("bad UTF-8 in path", path + "/%C3%28"),
            ("raw bytes in path", path.encode() + b"/\xff\xfe\xe9"),
            ("%00 in path", path + "%00"),
            ("%00 in path mid", path + "/a%00b"),
            ("traversal", path + "/../../../../etc/passwd"),
            ("encoded traversal", path + "/%2e%2e/%2e%2e/%2e%2e/etc/passwd"),
            ("encoded slash traversal", path + "/..%2f..%2f..%2fpom.xml"),
            ("backslash traversal", path + "/..%5c..%5cpom.xml"),
            ("double-encoded traversal", path + "/%252e%252e/%252e%252e/pom.xml"),
            ("traversal to data", "/assets/../../data/README.md"),
            ("semicolon path param", path + ";jsessionid=x"),
            ("double slash", "/" + path),
            ("trailing slash", path.rstrip("/") + "/"),
            ("overlong path", path + "/" + "a" * 20000),
            ("overlong path 200k", path + "/" + "a" * 200000),
            ("overlong query string", example + sep + "query=" + "a" * 120000),
            ("many parameters", example + sep + "&".join("p%d=%d" % (i, i) for i in range(5000))),
            ("repeated query", example + sep + "query=" + enc(q) + "&query=" + enc(q)),
            ("empty query", example + sep + "query="),
            ("graph not an IRI", example + sep + "graph=" + enc("not an iri <>")),
            ("graph relative", example + sep + "graph=x"),
            ("default and graph", example + sep + "default&graph=urn:x"),
            ("absolute URI target", ("http://%s" % self.hostheader) + example),
            ("asterisk target", "*"),
            ("fragment", example + "#frag"),
            ("unicode path", path + "/\u00e9\u4e2d"),
            ("dot segments", path + "/./././."),
        ]
        for what, t in raw_targets:
            self.send(route, c, what, "GET", t)
        # Huge and odd headers.
        hdrs = [
            ("huge header", {"X-Big": "a" * 70000}),
            ("header 16k", {"X-Big": "a" * 16000}),
            ("many headers", dict(("X-H%d" % i, "v") for i in range(2000))),
            ("huge cookie", {"Cookie": "a=" + "b" * 40000}),
            ("Accept garbage", {"Accept": "\x01\x02garbage"}),
            ("Accept q=abc", {"Accept": "application/sparql-results+json;q=abc"}),
            ("Accept q=2", {"Accept": "text/turtle;q=2, */*;q=-1"}),
            ("Accept nothing acceptable", {"Accept": "image/png"}),
            ("Accept */*;q=0", {"Accept": "*/*;q=0"}),
            ("Accept huge list", {"Accept": ", ".join("type%d/sub%d;q=0.%d" % (i, i, i % 10) for i in range(800))}),
            ("Accept empty", {"Accept": ""}),
            ("Accept params", {"Accept": 'text/html;level=1;charset="utf-8";profile="x,y"'}),
            ("Accept-Charset odd", {"Accept-Charset": "ebcdic, utf-7;q=1"}),
            ("Accept-Encoding odd", {"Accept-Encoding": "gzip;q=x, br, compress, *;q=0"}),
            ("Range reversed", {"Range": "bytes=100-50"}),
            ("Range garbage", {"Range": "bytes=abc"}),
            ("Range multi", {"Range": "bytes=0-1,3-4,6-7,9-10"}),
            ("Range huge", {"Range": "bytes=99999999999999999999-"}),
            ("Range suffix 0", {"Range": "bytes=-0"}),
            ("If-None-Match garbage", {"If-None-Match": "\"\x7f\", W/"}),
            ("If-Modified-Since garbage", {"If-Modified-Since": "yesterday"}),
            ("If-Range", {"If-Range": "\"x\"", "Range": "bytes=0-1"}),
            ("Origin null", {"Origin": "null"}),
            ("Host header injection", {"X-Forwarded-Host": "evil.example", "Forwarded": "host=evil.example"}),
            ("Content-Length on GET", {"Content-Length": "5"}),
            ("Expect odd", {"Expect": "200-ok"}),
            ("Authorization", {"Authorization": "Basic " + "a" * 8000}),
        ]
        for what, h in hdrs:
            body = "abcde" if "Content-Length" in h else None
            self.send(route, c, what, "GET", example, h, body)
        # Odd Content-Types and bodies, on a POST.
        bodies = [
            ("sparql-query charset latin1", "application/sparql-query; charset=ISO-8859-1", "SELECT * WHERE { ?s ?p \"\xe9\" }".encode("latin-1")),
            ("sparql-query charset bogus", "application/sparql-query; charset=bogus-42", q.encode()),
            ("sparql-query charset utf-16", "application/sparql-query; charset=UTF-16", q.encode("utf-16")),
            ("sparql-query bad UTF-8", "application/sparql-query", b"SELECT * WHERE { ?s ?p \"\xc3\x28\" }"),
            ("sparql-query BOM", "application/sparql-query", b"\xef\xbb\xbf" + q.encode()),
            ("sparql-query %00", "application/sparql-query", b"SELECT * WHERE { ?s ?p \"\x00\" }"),
            ("form charset utf-16", "application/x-www-form-urlencoded; charset=UTF-16", ("query=" + enc(q)).encode("utf-16")),
            ("form charset bogus", "application/x-www-form-urlencoded; charset=x-nope", ("query=" + enc(q)).encode()),
            ("form bad percent", "application/x-www-form-urlencoded", b"query=%zz%"),
            ("form bad UTF-8", "application/x-www-form-urlencoded", b"query=%C3%28"),
            ("form raw bad UTF-8", "application/x-www-form-urlencoded", b"query=SELECT \xff\xfe"),
            ("form no value", "application/x-www-form-urlencoded", b"query"),
            ("form empty", "application/x-www-form-urlencoded", b""),
            ("multipart no boundary", "multipart/form-data", b"--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n" + q.encode() + b"\r\n--x--"),
            ("multipart", "multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n" + q.encode() + b"\r\n--x--\r\n"),
            ("multipart broken", "multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n" + q.encode()),
            ("no content type", None, q.encode()),
            ("empty content type", "", q.encode()),
            ("content type garbage", "\x01;;;==", q.encode()),
            ("content type params only", ";charset=utf-8", q.encode()),
            ("text/plain", "text/plain", q.encode()),
            ("application/json", "application/json", b'{"query": "' + q.encode() + b'"}'),
            ("application/xml", "application/xml", b"<q/>"),
            ("turtle charset bogus", "text/turtle; charset=bogus", b"<urn:a> <urn:b> <urn:c> ."),
            ("turtle bad UTF-8", "text/turtle", b"<urn:a> <urn:b> \"\xc3\x28\" ."),
            ("turtle unparsable", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . ex:S a"),
            ("turtle IRI with spaces", "text/turtle", b"<urn:a b> <urn:b> <urn:c> ."),
            ("turtle deep lists", "text/turtle", b"<urn:a> <urn:b> " + b"(" * 5000 + b")" * 5000 + b" ."),
            ("turtle deep blank nodes", "text/turtle", b"<urn:a> <urn:b> " + b"[ <urn:p> " * 3000 + b"1" + b" ]" * 3000 + b" ."),
            ("shapes with a bad regex", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetSubjectsOf <http://www.w3.org/2000/01/rdf-schema#label> ; sh:pattern \"(\" ."),
            ("shapes with bad sparql", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:sparql [ sh:select \"SELECT WHERE {{{\" ] ."),
            ("shapes with a non-literal select", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:sparql [ sh:select <urn:x> ] ."),
            ("shapes with sh:path list broken", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:path ( ) ; sh:minCount 1 ] ."),
            ("shapes with sh:path literal", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:path \"x\" ; sh:minCount 1 ] ."),
            ("shapes with minCount string", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:PropertyShape ; sh:targetClass <http://www.w3.org/2000/01/rdf-schema#Class> ; sh:path <urn:p> ; sh:minCount \"x\" ."),
            ("shapes with sh:in not a list", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:in <urn:y> ."),
            ("shapes with sh:datatype literal", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode 1 ; sh:datatype \"x\" ."),
            ("shapes with cyclic sh:node", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:node <urn:S> ."),
            ("shapes with sh:qualifiedValueShape", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:PropertyShape ; sh:targetNode <urn:x> ; sh:path <urn:p> ; sh:qualifiedValueShape 1 ; sh:qualifiedMinCount 1 ."),
            ("shapes with sh:languageIn broken", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode \"x\" ; sh:languageIn ( 1 ) ."),
            ("shapes with sh:flags bad", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode \"x\" ; sh:pattern \"x\" ; sh:flags \"zq\" ."),
            ("shapes with sh:targetClass literal", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetClass \"x\" ; sh:nodeKind sh:IRI ."),
            ("shapes with sh:nodeKind unknown", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:nodeKind sh:Nope ."),
            ("shapes with sh:select unbound $this", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [ sh:select \"SELECT ?x WHERE { }\" ] ."),
            ("shapes with an update in select", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [ sh:select \"DROP ALL\" ] ."),
            ("shapes with construct in select", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [ sh:select \"CONSTRUCT WHERE { ?s ?p ?o }\" ] ."),
            ("shapes with ask in select", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [ sh:select \"ASK { }\" ] ."),
            ("shapes with a bad prefix decl", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [ sh:prefixes <urn:P> ; sh:select \"SELECT $this WHERE { }\" ] . <urn:P> sh:declare [ sh:prefix 1 ; sh:namespace 2 ] ."),
            ("shapes sparql pre-bound $value in node shape", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [ sh:select \"SELECT $this WHERE { BIND(1 AS $this) }\" ] ."),
            ("shapes sparql minus $this", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [ sh:select \"SELECT $this WHERE { MINUS { $this ?p ?o } }\" ] ."),
            ("shapes validator without parameter", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:C> a sh:ConstraintComponent ; sh:validator [ a sh:SPARQLAskValidator ; sh:ask \"ASK {}\" ] . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ."),
            ("shapes validator broken ask", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:C> a sh:ConstraintComponent ; sh:parameter [ sh:path <urn:p> ] ; sh:validator [ a sh:SPARQLAskValidator ; sh:ask \"SELECT * {}\" ] . <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ; <urn:p> 1 ."),
            ("shapes target broken", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select \"SELECT ?x WHERE {\" ] ."),
            ("shapes target without select", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:S> a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ] ; sh:nodeKind sh:IRI ."),
            ("shapes empty", "text/turtle", b""),
            ("shapes only prefixes", "text/turtle", b"@prefix sh: <http://www.w3.org/ns/shacl#> ."),
        ]
        for what, ct, b in bodies:
            h = {} if ct is None else {"Content-Type": ct}
            self.send(route, c, "POST " + what, "POST", example, h, b)
        # Broken requests.
        broken = [
            ("Content-Length larger than body", build("POST", example, {"Content-Type": "application/sparql-query", "Content-Length": "9"}, None, host=self.hostheader) + b"SELECT"),
            ("Content-Length negative", build("POST", example, {"Content-Type": "application/sparql-query", "Content-Length": "-1"}, None, host=self.hostheader)),
            ("Content-Length garbage", build("POST", example, {"Content-Type": "application/sparql-query", "Content-Length": "abc"}, None, host=self.hostheader)),
            ("two Content-Lengths", build("POST", example, {"Content-Type": "application/sparql-query", "Content-Length": "3", "content-length": "4"}, None, host=self.hostheader) + b"abcd"),
            ("chunked broken", build("POST", example, {"Content-Type": "application/sparql-query", "Transfer-Encoding": "chunked"}, None, host=self.hostheader) + b"zz\r\nSELECT\r\n0\r\n\r\n"),
            ("chunked and length", build("POST", example, {"Content-Type": "application/sparql-query", "Transfer-Encoding": "chunked", "Content-Length": "3"}, None, host=self.hostheader) + b"3\r\nabc\r\n0\r\n\r\n"),
            ("chunked query", build("POST", example, {"Content-Type": "application/sparql-query", "Transfer-Encoding": "chunked"}, None, host=self.hostheader) + ("%x\r\n%s\r\n0\r\n\r\n" % (len(q), q)).encode()),
            ("body over the limit", build("POST", example, {"Content-Type": "application/sparql-query"}, "#" + "x" * (1 << 21), host=self.hostheader)),
            ("declared body over the limit", build("POST", example, {"Content-Type": "application/sparql-query", "Content-Length": str(1 << 30)}, None, host=self.hostheader) + b"SELECT"),
            ("no Host", build("GET", example, None, None, host=None)),
            ("two Hosts", build("GET", example, {"Host": "other"}, None, host=self.hostheader)),
            ("HTTP/1.0", build("GET", example, None, None, version="HTTP/1.0", host=None)),
            ("HTTP/2.0 on plain", build("GET", example, None, None, version="HTTP/2.0", host=self.hostheader)),
            ("HTTP/9.9", build("GET", example, None, None, version="HTTP/9.9", host=self.hostheader)),
            ("lower-case method", build("get", example, None, None, host=self.hostheader)),
            ("method with bad chars", build("G(E)T", example, None, None, host=self.hostheader)),
            ("space in target", ("GET %s x HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (example, self.hostheader)).encode()),
            ("LF only", ("GET %s HTTP/1.1\nHost: %s\nConnection: close\n\n" % (example, self.hostheader)).encode()),
            ("header without colon", ("GET %s HTTP/1.1\r\nHost: %s\r\nBroken header\r\nConnection: close\r\n\r\n" % (example, self.hostheader)).encode()),
            ("header folding", ("GET %s HTTP/1.1\r\nHost: %s\r\nX-A: a\r\n b\r\nConnection: close\r\n\r\n" % (example, self.hostheader)).encode()),
            ("NUL in header", ("GET %s HTTP/1.1\r\nHost: %s\r\nX-A: a\x00b\r\nConnection: close\r\n\r\n" % (example, self.hostheader)).encode()),
            ("HEAD", build("HEAD", example, None, None, host=self.hostheader)),
            ("OPTIONS", build("OPTIONS", example, {"Origin": "http://evil.example", "Access-Control-Request-Method": "PUT"}, None, host=self.hostheader)),
            ("OPTIONS *", build("OPTIONS", "*", None, None, host=self.hostheader)),
            ("Upgrade h2c", build("GET", example, {"Upgrade": "h2c", "HTTP2-Settings": "AAMAAABkAARAAAAAAAIAAAAA", "Connection": "Upgrade, HTTP2-Settings"}, None, host=self.hostheader)),
            ("Upgrade websocket", build("GET", example, {"Upgrade": "websocket", "Sec-WebSocket-Key": "x", "Sec-WebSocket-Version": "13"}, None, host=self.hostheader)),
            ("garbage", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(64) + b"\r\n\r\n"),
        ]
        short = {"Content-Length larger than body", "declared body over the limit", "chunked broken"}
        for what, data in broken:
            # "505 HTTP Version Not Supported" is RFC 9110's answer to a major version the server does not
            # speak (HTTP/9.9, HTTP/2.0 on a plain HTTP/1.1 connection): the client's error, counted apart.
            self.send(route, c, what, None, None, raw=data, half_close=what in short,
                      version_probe=what in ("HTTP/9.9", "HTTP/2.0 on plain"))
        # Queries that are malformed as SPARQL.
        if takes == "query" or route in ("/kg/get", "/kg/shacl"):
            for what, qq in [("unparsable", "SELECT WHERE {{{"), ("nested 5000", "SELECT * WHERE " + "{" * 5000 + "}" * 5000),
                             ("nested parens", "SELECT * WHERE { FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }"),
                             ("unclosed string", 'SELECT * WHERE { ?s ?p "abc }'),
                             ("bad IRI", "SELECT * WHERE { <a b> ?p ?o }"),
                             ("bad lang", 'SELECT * WHERE { ?s ?p "a"@-- }'),
                             ("huge integer", "SELECT * WHERE { ?s ?p ?o } LIMIT 99999999999999999999999999"),
                             ("offset negative", "SELECT * WHERE { ?s ?p ?o } OFFSET -1"),
                             ("bad datatype", 'SELECT * WHERE { BIND("x"^^<http://www.w3.org/2001/XMLSchema#integer> + 1 AS ?x) }'),
                             ("deep property path", "SELECT * WHERE { ?s " + "(" * 60 + "<urn:p>" + ")*" * 60 + " ?o }"),
                             ("huge VALUES", "SELECT * WHERE { VALUES ?x { " + " ".join(str(i) for i in range(30000)) + " } }"),
                             ("update keyword", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
                             ("null char", "SELECT * WHERE { ?s ?p ?o \x00 }"),
                             ("only a comment", "# nothing"),
                             ("unknown prefix", "SELECT * WHERE { x:a ?p ?o }"),
                             ("format=garbage", None)]:
                if qq is None:
                    self.send(route, c, "query " + what, "GET", example + sep + "query=" + enc(q) + "&format=%00garbage")
                    continue
                self.send(route, c, "query " + what, "POST", path, {"Content-Type": "application/sparql-query"}, qq)
                if len(qq) < 20000:
                    self.send(route, c, "GET query " + what, "GET", example + sep + "query=" + enc(qq))

    # -- runaway ------------------------------------------------------------------------------

    def runaway(self):
        path = "/kg/sparql"
        cases = [
            ("cross product", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"),
            ("cross product, rows", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
            ("path star", "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x>|!<urn:y>)* ?b . ?c ?d ?e }"),
            ("regex bomb", 'SELECT * WHERE { BIND(CONCAT(REPLACE(STR(1000000000000000000000000000000), "0", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), "!") AS ?s) FILTER REGEX(?s, "^(a+)+$") }'),
            ("regex bomb over the data", 'SELECT * WHERE { ?x ?p ?l FILTER REGEX(CONCAT(STR(?l), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"), "(a|aa|a?)+$") }'),
            ("replace bomb", 'SELECT (REPLACE(CONCAT(REPLACE(STR(1000000000000000000000), "0", "aaaaaaaaaaaaaaaaaaaaaaa"), "!"), "^(a+)+$", "x") AS ?r) WHERE {}'),
            ("describe everything", "DESCRIBE ?s WHERE { ?s ?p ?o . ?x ?y ?z }"),
            ("construct cross", "CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }"),
            ("group concat", "SELECT (GROUP_CONCAT(STR(?o)) AS ?all) WHERE { ?a ?b ?o . ?c ?d ?e }"),
            ("order by cross", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"),
        ]
        for name, q in cases:
            # A cross product must be cut (4xx). A regex bomb is cut at the deadline as it backtracks
            # (serve/SafeRegex), or ends before it when Java's matcher fails fast on the input: any
            # answer below 500 within the time limit is right for it.
            bomb = "bomb" in name
            ok = (lambda s: s < 500) if bomb else (lambda s: 400 <= s < 500)
            for way in ("POST sparql-query", "GET"):
                if way == "GET":
                    self.send(path, "runaway", "%s %s" % (way, name), "GET", path + "?query=" + enc(q), expect=ok)
                else:
                    self.send(path, "runaway", "%s %s" % (way, name), "POST", path, {"Content-Type": "application/sparql-query"}, q,
                              expect=ok)
        # SHACL-SPARQL that runs away.
        sh = ("@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix tir: <https://w3id.org/taliban-relations/ontology#> . "
              "<urn:S> a sh:NodeShape ; sh:targetSubjectsOf <http://www.w3.org/2000/01/rdf-schema#label> ; "
              "sh:sparql [ sh:select \"SELECT $this WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c = ?f && ?f = ?i && ?b != ?e) }\" ] .")
        self.send("/kg/shacl", "runaway", "shacl-sparql cross product", "POST", "/kg/shacl?graph=default",
                  {"Content-Type": "text/turtle"}, sh, expect=lambda s: 400 <= s < 500)
        sh2 = ("@prefix sh: <http://www.w3.org/ns/shacl#> . "
               "<urn:S> a sh:NodeShape ; sh:targetSubjectsOf <http://www.w3.org/2000/01/rdf-schema#label> ; "
               "sh:property [ sh:path ( [ sh:zeroOrMorePath [ sh:alternativePath ( <http://www.w3.org/2000/01/rdf-schema#label> [ sh:inversePath [ sh:zeroOrMorePath <urn:x> ] ] ) ] ] [ sh:zeroOrMorePath [ sh:inversePath <http://www.w3.org/ns/prov#wasDerivedFrom> ] ] ) ; sh:maxCount 0 ] .")
        self.send("/kg/shacl", "runaway", "shacl path explosion", "POST", "/kg/shacl?graph=default",
                  {"Content-Type": "text/turtle"}, sh2, expect=lambda s: s < 500)

    # -- fuzz ---------------------------------------------------------------------------------

    def fuzz(self, n, seed, workers, progress=None):
        rnd = random.Random(seed)
        files = sorted(glob.glob(os.path.join(ROOT, "queries", "*.rq")))
        seeds = [open(f, encoding="utf-8").read() for f in files] or [PREFIXES + "SELECT * WHERE { ?s ?p ?o } LIMIT 10"]
        jobs = []
        for i in range(n):
            rid = self.rid()
            q = mutate(rnd, rnd.choice(seeds), self.trap.url(rid, by_name=rnd.random() < 0.3))
            route = rnd.choice(["/kg/sparql", "/kg/sparql", "/kg/query", "/kg"])
            way = rnd.choice(["GET", "form", "body", "body"])
            jobs.append((rid, route, way, q))

        def run(job):
            rid, route, way, q = job
            if way == "GET":
                target = route + "?query=" + enc(q)
                if len(target) > 7000:
                    way = "body"
                else:
                    return self.send(route, "fuzz", "fuzz GET", "GET", target, rid=rid)
            if way == "form":
                return self.send(route, "fuzz", "fuzz form", "POST", route,
                                 {"Content-Type": "application/x-www-form-urlencoded"}, "query=" + enc(q), rid=rid)
            return self.send(route, "fuzz", "fuzz body", "POST", route, {"Content-Type": "application/sparql-query"},
                             q.encode("utf-8", "surrogatepass"), rid=rid)

        with ThreadPoolExecutor(max_workers=workers) as ex:
            for i, _ in enumerate(ex.map(run, jobs), 1):
                if progress and i % 1000 == 0:
                    progress(i)

    # -- checks -------------------------------------------------------------------------------

    def state_check(self):
        """The served data after everything: nothing the probe tried to write is in it."""
        q = "ASK { { <%s> ?p ?o } UNION { GRAPH ?g { <%s> ?p ?o } } UNION { GRAPH <urn:probe:g> { ?s ?p ?o } } }" % (PROBE_S, PROBE_S)
        r = self.send("/kg/sparql", "state", "ASK for probe triples", "POST", "/kg/sparql",
                      {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json",
                       "Cache-Control": "no-cache"}, q)
        try:
            return json.loads(r.body.decode("utf-8", "replace").split("\r\n", 1)[-1] if r.body[:1] != b"{" else r.body)["boolean"]
        except Exception:
            m = re.search(rb'"boolean"\s*:\s*(true|false)', r.body)
            return None if not m else m.group(1) == b"true"

    def count_triples(self):
        r = self.send("/kg/sparql", "state", "count quads", "POST", "/kg/sparql",
                      {"Content-Type": "application/sparql-query", "Accept": "text/csv", "Cache-Control": "no-cache"},
                      "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        m = re.search(rb"\r?\n(\d+)", r.body)
        return int(m.group(1)) if m else None


SHAPES_REFUSED = {"sparql constraint", "sparql constraint by name", "sparql constraint silent, sub-query",
                  "sparql constraint exists", "sparql constraint variable endpoint", "sparql constraint variable from data",
                  "sparql constraint long string", "sparql ask on property shape", "sparql target", "ask validator",
                  "select validator", "n-triples", "java function in sparql", "sparql constraint with sh:prefixes",
                  "sparql target type"}

FUNCTIONS = ["STR", "LCASE", "UCASE", "STRLEN", "ABS", "CEIL", "ROUND", "isIRI", "isBLANK", "DATATYPE", "LANG",
             "BOUND", "MD5", "SHA512", "ENCODE_FOR_URI", "YEAR", "NOW", "RAND", "UUID", "STRUUID", "BNODE", "IRI",
             "xsd:integer", "xsd:dateTime", "xsd:double", "xsd:boolean", "<java:java.lang.System>",
             "<http://jena.apache.org/ARQ/function#sprintf>", "<http://jena.apache.org/ARQ/function#bnode>",
             "<http://www.w3.org/2005/xpath-functions#matches>", "<http://www.w3.org/2005/xpath-functions#tokenize>",
             "<http://jena.apache.org/ARQ/function#eval>", "<urn:no-such-function>", "COALESCE", "CONCAT", "SUBSTR",
             "REGEX", "REPLACE", "STRDT", "STRLANG", "LANGMATCHES", "sameTerm", "IF", "CALL", "TZ", "TIMEZONE"]
TOKENS = ["SELECT", "WHERE", "{", "}", "(", ")", ".", ";", ",", "OPTIONAL", "FILTER", "UNION", "MINUS", "GRAPH",
          "SERVICE", "BIND", "AS", "VALUES", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "OFFSET", "DISTINCT",
          "?x", "?s", "*", "a", "^", "|", "/", "+", "?", "!", "\"", "'", "<", ">", "@en", "^^", "_:b", "[]",
          "1e999", "-0", "NaN", "\"\"\"", "#", "\\", "\\u0000", "\u202e", "\ud800", "\U0001F600", "EXISTS", "NOT",
          "COUNT(*)", "SUM(?x)", "SAMPLE", "GROUP_CONCAT", "SEPARATOR", "ASK", "CONSTRUCT", "DESCRIBE", "FROM",
          "FROM NAMED", "LATERAL", "TRIPLE", "<< ?s ?p ?o >>", "{| |}", "LOAD", "INSERT", "DELETE", "DROP"]
REGEX_BOMBS = ['"^(a+)+$"', '"(a|aa)+$"', '"(a|a?)+b"', '"(.*a){20}"', '"((a*)*)*b"', '"(x+x+)+y"', '"([a-z]+)*[0-9]"',
               '"(?<!a)*"', '"["', '"\\\\"', '"(?i)(?s)(.*)+\\\\1"', '"a{99999}"']


def mutate(rnd, q, trap):
    """One fuzzed query from a competency question: one to four mutations."""
    for _ in range(rnd.randint(1, 4)):
        k = rnd.randrange(12)
        toks = re.findall(r'"[^"\n]*"|<[^>\s]*>|\?\w+|\S', q) if k < 3 else None
        if k == 0 and len(toks) > 2:  # swap two tokens
            i, j = rnd.randrange(len(toks)), rnd.randrange(len(toks))
            toks[i], toks[j] = toks[j], toks[i]
            q = " ".join(toks)
        elif k == 1 and toks:  # delete a token
            del toks[rnd.randrange(len(toks))]
            q = " ".join(toks)
        elif k == 2 and toks:  # insert a token
            toks.insert(rnd.randrange(len(toks) + 1), rnd.choice(TOKENS))
            q = " ".join(toks)
        elif k == 3:  # truncate
            q = q[:rnd.randrange(len(q) + 1)]
        elif k == 4:  # nest the WHERE body
            d = rnd.choice([1, 5, 30, 63, 64, 65, 200])
            i = q.find("{")
            j = q.rfind("}")
            if 0 <= i < j:
                q = q[:i + 1] + " {" * d + q[i + 1:j] + " }" * d + q[j:]
        elif k == 5:  # random function in a filter
            f = rnd.choice(FUNCTIONS)
            args = ", ".join(rnd.choice(["?state", "?date", "?file", "\"x\"", "1", "<urn:x>", "?nope", "()", ""])
                             for _ in range(rnd.randint(0, 3)))
            q = insert_in_where(rnd, q, "FILTER(%s(%s))" % (f, args))
        elif k == 6:  # regex bomb
            q = insert_in_where(rnd, q, "FILTER(REGEX(CONCAT(STR(?%s), \"%s!\"), %s))" % (
                rnd.choice(["state", "file", "date", "x"]), "a" * rnd.choice([5, 30, 60]), rnd.choice(REGEX_BOMBS)))
        elif k == 7:  # SERVICE to the trap
            inner = rnd.choice(["SERVICE <%s> { ?s ?p ?o }", "SERVICE SILENT <%s> { ?s ?p ?o }",
                                "{ SELECT * WHERE { SERVICE <%s> { ?s ?p ?o } } }",
                                "BIND(<%s> AS ?svc) SERVICE ?svc { ?s ?p ?o }", "FILTER EXISTS { SERVICE <%s> {} }",
                                "OPTIONAL { SERVICE <%s> { ?s ?p ?o } }"]) % trap
            q = insert_in_where(rnd, q, inner)
        elif k == 8:  # FROM the trap
            q = re.sub(r"\bWHERE\b", "FROM <%s> WHERE" % trap, q, count=1)
        elif k == 9:  # duplicate a slice
            i, j = sorted((rnd.randrange(len(q) + 1), rnd.randrange(len(q) + 1)))
            q = q[:j] + q[i:j] + q[j:]
        elif k == 10:  # random bytes / characters
            i = rnd.randrange(len(q) + 1)
            q = q[:i] + "".join(chr(rnd.choice([0, 1, 9, 10, 0x7f, 0xa0, 0xfeff, 0x202e, 0xd800, 0x10ffff,
                                                 rnd.randrange(32, 0x3000)])) for _ in range(rnd.randint(1, 5))) + q[i:]
        else:  # limits and modifiers
            q = q + rnd.choice([" LIMIT 0", " LIMIT 999999999999", " OFFSET 99999999", " LIMIT -1", " ORDER BY RAND()",
                                " GROUP BY ?state", " HAVING (COUNT(*) > 1)", " VALUES ?state { \"x\" }"])
    return q


def insert_in_where(rnd, q, text):
    i = q.find("{")
    if i < 0:
        return q + " " + text
    return q[:i + 1] + " " + text + " " + q[i + 1:]


# ---------------------------------------------------------------------------------------------

def inventory_check():
    """Routes in the server's inventory (Routes.java) that this probe does not walk, if the source is at hand."""
    p = os.path.join(ROOT, "src", "main", "java", "org", "w3id", "talibanrelations", "serve", "Routes.java")
    if not os.path.exists(p):
        return None
    listed = set(re.findall(r'new Route\("([^"]+)"', open(p, encoding="utf-8").read()))
    mine = set(r for r, _, _ in ROUTES)
    return {"in_inventory_not_probed": sorted(listed - mine), "probed_not_in_inventory": sorted(mine - listed)}


def totals(stats):
    t = {"requests": 0, "5xx": 0, "no_answer": 0, "trap_hits": 0, "writes_accepted": 0, "status": collections.Counter()}
    for cats in stats.values():
        for st in cats.values():
            for k in ("requests", "5xx", "no_answer", "trap_hits", "writes_accepted"):
                t[k] += st[k]
            t["status"].update(st["status"])
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", required=True)
    ap.add_argument("--timeout", type=float, default=5, help="the server's query time limit, seconds")
    ap.add_argument("--slack", type=float, default=30, help="seconds past --timeout before a request counts as no-answer")
    ap.add_argument("--fuzz", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--workers", type=int, default=3)
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", default=None, help="comma-separated phases: writes,service,malformed,unmounted,runaway,fuzz")
    a = ap.parse_args()
    phases = set((a.only or "writes,service,malformed,unmounted,runaway,fuzz").split(","))

    trap = Trap()
    p = Probe(a.base.rstrip("/"), a.timeout, a.slack, trap)
    t0 = time.time()
    before = p.count_triples()
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    done = []

    def save(final=None):
        """Writes OUT.json and OUT.md with what has been seen so far, so that a run cut short still
        leaves its figures; final holds the end-of-run checks once they have been made."""
        tot = totals(p.stats)
        trap_total, trap_connections = trap.total()
        stray = trap_total - sum(st["trap_hits"] for cats in p.stats.values() for st in cats.values())
        f = final or {}
        report = {
            "started": started, "seconds": round(time.time() - t0, 1), "base": a.base, "timeout": a.timeout,
            "fuzz": a.fuzz, "seed": a.seed, "phases": sorted(phases), "complete": final is not None,
            "done": list(done),
            "totals": {"requests": tot["requests"], "5xx": tot["5xx"], "no_answer": tot["no_answer"],
                       "trap_hits": trap_total, "trap_connections": trap_connections, "trap_hits_unattributed": stray,
                       "writes_accepted": tot["writes_accepted"], "probe_triples_found": f.get("written"),
                       "quads_before": before, "quads_after": f.get("after"), "status": dict(sorted(tot["status"].items()))},
            "inventory": inventory_check(),
            "routes": {r: {c: dict(st, status=dict(sorted(st["status"].items()))) for c, st in sorted(cats.items())}
                       for r, cats in p.stats.items()},
            "findings": p.findings,
        }
        with p.lock:
            with open(a.out + ".json", "w", encoding="utf-8") as fh:
                json.dump(report, fh, indent=1, ensure_ascii=False)
            with open(a.out + ".md", "w", encoding="utf-8") as fh:
                fh.write(markdown(report))
        return tot, trap_total, trap_connections

    for route, example, takes in ROUTES:
        if "writes" in phases:
            p.writes(route, example)
        if "service" in phases:
            p.service_traps(route, example, takes)
        if "malformed" in phases:
            p.malformed(route, example, takes)
        done.append(route)
        save()
        print("%-20s %6d requests so far, %d findings" % (route, p.next_id, len(p.findings)), flush=True)
    if "unmounted" in phases:
        p.unmounted()
        done.append("unmounted")
        save()
    if "runaway" in phases:
        p.runaway()
        done.append("runaway")
        save()
        print("runaway done, %d findings" % len(p.findings), flush=True)
    if "fuzz" in phases:
        def progress(i):
            if done and done[-1].startswith("fuzz "):
                done.pop()
            done.append("fuzz %d of %d" % (i, a.fuzz))
            save()
            print("fuzz %d of %d, %d findings" % (i, a.fuzz, len(p.findings)), flush=True)
        p.fuzz(a.fuzz, a.seed, a.workers, progress)
        if done and done[-1].startswith("fuzz "):
            done.pop()
        done.append("fuzz")
        print("fuzz done, %d findings" % len(p.findings), flush=True)
    time.sleep(1)  # a late SERVICE call would still land on the trap
    written = p.state_check()
    after = p.count_triples()
    tot, trap_total, trap_connections = save({"written": written, "after": after})
    trap.stop()
    bad = tot["5xx"] + tot["no_answer"] + trap_total + trap_connections + tot["writes_accepted"] + (1 if written else 0) + (0 if before == after else 1)
    print("requests %d, 5xx %d, no-answer %d, trap hits %d (connections %d), writes accepted %d, probe triples %s, quads %s -> %s"
          % (tot["requests"], tot["5xx"], tot["no_answer"], trap_total, trap_connections, tot["writes_accepted"], written, before, after))
    sys.exit(1 if bad else 0)


def markdown(rep):
    t = rep["totals"]
    out = ["# Security probe: %s" % os.path.basename(rep.get("out", "")) if False else "# Security probe",
           "",
           "`bench/security-probe/probe.py --base %s --timeout %g --fuzz %d` (seed %d), started %s, %.0f s. "
           "An independent client (Python stdlib, raw sockets) with its own loopback traps; see the script's header."
           % (rep["base"], rep["timeout"], rep["fuzz"], rep["seed"], rep["started"], rep["seconds"]),
           "",
           ("Complete run." if rep.get("complete") else "**Partial run**: the figures so far; phases done: %s." % (", ".join(rep.get("done", [])) or "none")),
           "",
           "| requests | 5xx | no answer | trap hits | trap connections | writes accepted | probe triples in the data | quads before → after |",
           "|---:|---:|---:|---:|---:|---:|---|---|",
           "| %d | %d | %d | %d | %d | %d | %s | %s → %s |" % (t["requests"], t["5xx"], t["no_answer"], t["trap_hits"],
                                                           t["trap_connections"], t["writes_accepted"],
                                                           {True: "yes", False: "none", None: "not checked yet"}[t["probe_triples_found"]],
                                                           t["quads_before"], t["quads_after"]),
           "",
           "Status histogram: " + ", ".join("%s: %d" % kv for kv in t["status"].items()),
           ""]
    inv = rep.get("inventory")
    if inv is not None:
        out += ["Inventory (`serve/Routes.java`): routes not probed: %s; probed but not listed: %s."
                % (", ".join(inv["in_inventory_not_probed"]) or "none", ", ".join(inv["probed_not_in_inventory"]) or "none"), ""]
    out += ["## Per route", "", "| route | requests | 5xx | no answer | trap hits | writes accepted | statuses |", "|---|---:|---:|---:|---:|---:|---|"]
    for r, cats in rep["routes"].items():
        agg = {"requests": 0, "5xx": 0, "no_answer": 0, "trap_hits": 0, "writes_accepted": 0}
        hist = collections.Counter()
        for st in cats.values():
            for k in agg:
                agg[k] += st[k]
            hist.update(st["status"])
        out.append("| `%s` | %d | %d | %d | %d | %d | %s |" % (r, agg["requests"], agg["5xx"], agg["no_answer"], agg["trap_hits"],
                                                           agg["writes_accepted"], " ".join("%s×%d" % kv for kv in sorted(hist.items()))))
    out += ["", "## Per category", "", "| category | requests | 5xx | no answer | trap hits | writes accepted | statuses |", "|---|---:|---:|---:|---:|---:|---|"]
    bycat = collections.defaultdict(lambda: [0, 0, 0, 0, 0, collections.Counter()])
    for cats in rep["routes"].values():
        for c, st in cats.items():
            b = bycat[c]
            b[0] += st["requests"]; b[1] += st["5xx"]; b[2] += st["no_answer"]; b[3] += st["trap_hits"]; b[4] += st["writes_accepted"]
            b[5].update(st["status"])
    for c, b in sorted(bycat.items()):
        out.append("| %s | %d | %d | %d | %d | %d | %s |" % (c, b[0], b[1], b[2], b[3], b[4], " ".join("%s×%d" % kv for kv in sorted(b[5].items()))))
    out += ["", "## Findings", ""]
    if not rep["findings"]:
        out.append("None: no 5xx, no request without an answer, no trap hit, no write accepted, no unexpected status.")
    else:
        groups = collections.OrderedDict()
        for f in rep["findings"]:
            key = (f["kind"], f["category"], f["what"])
            groups.setdefault(key, []).append(f)
        out.append("%d findings in %d groups (kind, category, request; routes and first answer):" % (len(rep["findings"]), len(groups)))
        out.append("")
        for (kind, cat, what), fs in list(groups.items())[:300]:
            routes = sorted(set(f["route"] for f in fs))
            ans = (fs[0]["answer"] or "").strip().splitlines()
            out.append("- **%s** (%s) `%s` ×%d on %s: status %s; %s" % (kind, cat, what, len(fs), ", ".join("`%s`" % r for r in routes[:8]),
                                                                      fs[0]["status"], ("`" + ans[0][:160].replace("`", "'") + "`") if ans else "no body"))
    out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    main()
