#!/usr/bin/env python3
"""A loopback stand-in for the four OpenAI endpoints distill-roi ingests (and each stored completion's
request messages), for the HTTP tests.

Serves fixed fixture data in the shapes of ../../../../shared/reference/openai-api-shapes.md
(sections 2-5), paginates as the real API does, checks the Authorization header and every query
parameter (an unknown or malformed one is a 400), and injects faults described in a JSON file.

Usage: openai_fixture_server.py --api-key KEY --admin-key KEY [--faults FILE] [--log FILE]
                                [--organization ID] [--project ID] [--tls]
Binds 127.0.0.1 on a port the kernel picks, prints that port on stdout, and exits when its
standard input closes (so a crashed test never leaves it running). Python 3 standard library only.

A fault is an object in the JSON list:
  {"path": "/v1/organization/costs", "after": 0, "times": 1, "kind": "status", "status": 429,
   "headers": {"Retry-After": "2"}, "delay": 2.0, "drop": "has_more"}
It applies to the requests number after+1 ... after+times to that path (retries included).
Kinds: status (answer `status` with an OpenAI error body and `headers`), reset (close the
connection with a TCP RST before answering), truncate (promise the full Content-Length, send half
the body, close), slow (wait `delay` seconds, then answer normally), malformed (answer 200 with
the page's field `drop` removed).

--tls serves HTTPS with self-signed.pem (a test-only certificate for 127.0.0.1, never trusted by
any CA bundle), to show that the client refuses a certificate it cannot verify.

Each request is appended to the log file as one JSON line: path, query, whether the credential was
right, and the organization / project headers. Never the credential itself.
"""

import argparse
import base64
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

DAY = 86400
# 2026-11-02T00:00:00Z, a Monday: the fixture week runs to 2026-11-08.
FIRST_DAY = 1793577600
TEACHER = "gpt-4o-2024-08-06"
STUDENT = "ft:gpt-4o-mini-2024-07-18:acme:faq:fx01"


def make_completions():
    items = []
    for i in range(12):
        model = TEACHER if i % 2 == 0 else STUDENT
        feature = "faq-bot" if i % 3 != 2 else "summarize"
        prompt = 100 + 10 * i
        completion = 20 + i
        cached = 10 * (i % 3)
        items.append({
            "object": "chat.completion",
            "id": "chatcmpl-fx%04d" % (i + 1),
            "model": model,
            "created": FIRST_DAY + i * 5 * 3600,
            "request_id": "req_fx%04d" % (i + 1),
            "tool_choice": None,
            "usage": {
                "total_tokens": prompt + completion,
                "completion_tokens": completion,
                "prompt_tokens": prompt,
                "prompt_tokens_details": {"cached_tokens": cached, "audio_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                              "accepted_prediction_tokens": 0,
                                              "rejected_prediction_tokens": 0},
            },
            "seed": 4944116822809979520,
            "top_p": 1.0,
            "temperature": 1.0,
            "presence_penalty": 0.0,
            "frequency_penalty": 0.0,
            "system_fingerprint": "fp_fx",
            "input_user": None,
            "service_tier": "default",
            "tools": None,
            "metadata": {"feature": feature},
            "choices": [{"index": 0, "message": {"content": "answer %d" % i, "role": "assistant",
                                                 "tool_calls": None, "function_call": None},
                         "finish_reason": "stop", "logprobs": None}],
            "response_format": None,
        })
    return items


def make_usage_rows():
    """One row per day, model, project and batch flag: what the API would sum per bucket."""
    rows = []
    for day in range(7):
        start = FIRST_DAY + day * DAY
        for index, (model, batch) in enumerate([(TEACHER, False), (STUDENT, False), (TEACHER, True)]):
            if batch and day % 2 == 1:
                continue
            rows.append({
                "time": start + 12 * 3600,
                "model": model,
                "project_id": "proj_fx",
                "batch": batch,
                "service_tier": "batch" if batch else "default",
                "input_tokens": 1000 * (day + 1) + 100 * index,
                "input_cached_tokens": 50 * (day + 1),
                "output_tokens": 200 * (day + 1) + 10 * index,
                "num_model_requests": 10 + day + index,
            })
    return rows


def make_cost_rows():
    rows = []
    for day in range(7):
        start = FIRST_DAY + day * DAY
        for line_item, value in [("gpt-4o-2024-08-06, input", "0.0375"), ("gpt-4o-2024-08-06, output", "0.12"),
                                 ("ft:gpt-4o-mini-2024-07-18, input", "0.0025")]:
            rows.append({"time": start + 12 * 3600, "line_item": line_item, "project_id": "proj_fx",
                         "value": value, "day": day})
    return rows


def make_jobs():
    jobs = []
    specs = [("succeeded", 1200000, 3), ("failed", None, 2), ("succeeded", 2400000, 4), ("running", None, 3)]
    for i, (status, trained, epochs) in enumerate(specs):
        created = FIRST_DAY + i * DAY + 3600
        finished = None if status == "running" else created + 7200
        jobs.append({
            "object": "fine_tuning.job",
            "id": "ftjob-fx%02d" % (i + 1),
            "model": "gpt-4o-mini-2024-07-18",
            "created_at": created,
            "finished_at": finished,
            "estimated_finish": None,
            "fine_tuned_model": "ft:gpt-4o-mini-2024-07-18:acme:faq:fx%02d" % (i + 1) if status == "succeeded" else None,
            "organization_id": "org-fx",
            "result_files": ["file-result%02d" % (i + 1)] if status == "succeeded" else [],
            "status": status,
            "training_file": "file-train%02d" % (i + 1),
            "validation_file": None,
            "trained_tokens": trained,
            "hyperparameters": {"n_epochs": epochs, "batch_size": "auto", "learning_rate_multiplier": "auto"},
            "method": {"type": "supervised", "supervised": {"hyperparameters": {
                "n_epochs": epochs, "batch_size": "auto", "learning_rate_multiplier": "auto"}}},
            "error": {"code": "invalid_file", "message": "bad line", "param": None} if status == "failed" else None,
            "seed": 42,
            "integrations": [],
            "metadata": {"team": "support"},
        })
    # The API lists jobs newest first.
    return sorted(jobs, key=lambda job: job["created_at"], reverse=True)


def make_messages():
    """The request messages of each stored completion, as GET /chat/completions/{id}/messages lists
    them: a system and a user message; every third completion also carries an earlier turn (four
    messages, so a small page size paginates), every fourth sends its question as content parts,
    and the last question holds an e-mail address for --redact."""
    messages = {}
    for i in range(12):
        completion = "chatcmpl-fx%04d" % (i + 1)
        question = "question %d" % i if i != 11 else "question 11, reply to ann@example.com"
        turns = [("system", "Be brief."), ("user", question)]
        if i % 3 == 0:
            turns += [("assistant", "earlier answer"), ("user", "and more?")]
        items = []
        for index, (role, text) in enumerate(turns):
            item = {"id": "%s-%d" % (completion, index), "role": role, "content": text, "name": None,
                    "content_parts": None}
            if index == 1 and i % 4 == 1:
                item["content"] = None
                item["content_parts"] = [{"type": "text", "text": text}]
            items.append(item)
        messages[completion] = items
    return messages


COMPLETIONS = make_completions()
MESSAGES = make_messages()
USAGE_ROWS = make_usage_rows()
COST_ROWS = make_cost_rows()
JOBS = make_jobs()


class BadRequest(Exception):
    def __init__(self, message, param=None):
        super().__init__(message)
        self.param = param


def integer(query, name, default=None, low=None, high=None, required=False):
    if name not in query:
        if required:
            raise BadRequest("Missing required parameter: '%s'." % name, name)
        return default
    try:
        value = int(query[name])
    except ValueError:
        raise BadRequest("Invalid value for '%s': expected an integer." % name, name)
    if (low is not None and value < low) or (high is not None and value > high):
        raise BadRequest("Invalid value for '%s': out of range." % name, name)
    return value


def check_allowed(query, allowed, prefixes=()):
    for name in query:
        if name not in allowed and not any(name.startswith(p) for p in prefixes):
            raise BadRequest("Unrecognized request argument supplied: %s" % name, name)


def group_by(pairs, allowed):
    values = [v for k, v in pairs if k in ("group_by", "group_by[]")]
    for value in values:
        if value not in allowed:
            raise BadRequest("Invalid value for 'group_by': %s." % value, "group_by")
    return values


def encode_page(start):
    return "page_" + base64.urlsafe_b64encode(str(start).encode()).decode()


def decode_page(token):
    try:
        return int(base64.urlsafe_b64decode(token[len("page_"):].encode()).decode())
    except Exception:
        raise BadRequest("Invalid page cursor.", "page")


def bucket_page(query, pairs, widths, limits, rows_for_bucket):
    check_allowed(query, {"start_time", "end_time", "bucket_width", "group_by", "group_by[]", "limit", "page"})
    start = integer(query, "start_time", required=True)
    end = integer(query, "end_time", default=int(time.time()))
    width_name = query.get("bucket_width", "1d")
    if width_name not in widths:
        raise BadRequest("Invalid value for 'bucket_width': %s." % width_name, "bucket_width")
    width = widths[width_name]
    default_limit, max_limit = limits[width_name]
    limit = integer(query, "limit", default=default_limit, low=1, high=max_limit)
    cursor = decode_page(query["page"]) if "page" in query else start
    buckets = []
    bucket_start = cursor
    while bucket_start < end and len(buckets) < limit:
        bucket_end = bucket_start + width - (bucket_start % width)
        buckets.append({"object": "bucket", "start_time": bucket_start, "end_time": bucket_end,
                        "results": rows_for_bucket(bucket_start, bucket_end)})
        bucket_start = bucket_end
    has_more = bucket_start < end
    return {"object": "page", "data": buckets, "has_more": has_more,
            "next_page": encode_page(bucket_start) if has_more else None}


def usage_page(query, pairs):
    groups = group_by(pairs, {"project_id", "user_id", "api_key_id", "model", "batch", "service_tier"})

    def rows(start, end):
        sums = {}
        for row in USAGE_ROWS:
            if not start <= row["time"] < end:
                continue
            key = tuple(row[g] if g in row else None for g in groups)
            entry = sums.setdefault(key, {"object": "organization.usage.completions.result", "input_tokens": 0,
                                          "output_tokens": 0, "num_model_requests": 0, "input_cached_tokens": 0,
                                          "input_audio_tokens": 0, "output_audio_tokens": 0, "project_id": None,
                                          "user_id": None, "api_key_id": None, "model": None, "batch": None,
                                          "service_tier": None})
            for field in ("input_tokens", "output_tokens", "num_model_requests", "input_cached_tokens"):
                entry[field] += row[field]
            for g in groups:
                entry[g] = row.get(g)
        return list(sums.values())

    return bucket_page(query, pairs, {"1m": 60, "1h": 3600, "1d": DAY},
                       {"1m": (60, 1440), "1h": (24, 168), "1d": (7, 31)}, rows)


def costs_page(query, pairs):
    groups = group_by(pairs, {"project_id", "line_item", "api_key_id"})

    def rows(start, end):
        sums = {}
        for row in COST_ROWS:
            if not start <= row["time"] < end:
                continue
            key = tuple(row[g] if g in row else None for g in groups)
            entry = sums.setdefault(key, {"object": "organization.costs.result", "amount": {"value": 0, "currency": "usd"},
                                          "line_item": None, "project_id": None, "quantity": None,
                                          "quantity_unit": None, "raw": []})
            entry["raw"].append(row["value"])
            for g in groups:
                entry[g] = row.get(g)
        results = []
        for entry in sums.values():
            raw = entry.pop("raw")
            entry["amount"]["value"] = round(sum(float(v) for v in raw), 10)
            results.append(entry)
        return results

    return bucket_page(query, pairs, {"1d": DAY}, {"1d": (7, 180)}, rows)


def completions_page(query, pairs):
    check_allowed(query, {"model", "after", "limit", "order"}, prefixes=("metadata[",))
    limit = integer(query, "limit", default=20, low=1, high=100)
    order = query.get("order", "asc")
    if order not in ("asc", "desc"):
        raise BadRequest("Invalid value for 'order'.", "order")
    items = [c for c in COMPLETIONS if "model" not in query or c["model"] == query["model"]]
    for name, value in pairs:
        if name.startswith("metadata[") and name.endswith("]"):
            key = name[len("metadata["):-1]
            items = [c for c in items if c["metadata"].get(key) == value]
    items.sort(key=lambda c: (c["created"], c["id"]), reverse=order == "desc")
    if "after" in query:
        ids = [c["id"] for c in items]
        if query["after"] not in ids:
            raise NotFound("No completion found with id '%s'." % query["after"])
        items = items[ids.index(query["after"]) + 1:]
    page = items[:limit]
    return {"object": "list", "data": page, "first_id": page[0]["id"] if page else None,
            "last_id": page[-1]["id"] if page else None, "has_more": len(items) > limit}


def messages_page(completion, query):
    check_allowed(query, {"after", "limit", "order"})
    if completion not in MESSAGES:
        raise NotFound("No completion found with id '%s'." % completion)
    limit = integer(query, "limit", default=20, low=1, high=100)
    order = query.get("order", "asc")
    if order not in ("asc", "desc"):
        raise BadRequest("Invalid value for 'order'.", "order")
    items = list(MESSAGES[completion]) if order == "asc" else list(reversed(MESSAGES[completion]))
    if "after" in query:
        ids = [m["id"] for m in items]
        if query["after"] not in ids:
            raise NotFound("No message found with id '%s'." % query["after"])
        items = items[ids.index(query["after"]) + 1:]
    page = items[:limit]
    return {"object": "list", "data": page, "first_id": page[0]["id"] if page else None,
            "last_id": page[-1]["id"] if page else None, "has_more": len(items) > limit}


def jobs_page(query, pairs):
    check_allowed(query, {"after", "limit"}, prefixes=("metadata[",))
    limit = integer(query, "limit", default=20, low=1, high=100)
    items = JOBS
    if "after" in query:
        ids = [job["id"] for job in items]
        if query["after"] not in ids:
            raise NotFound("No fine-tuning job found with id '%s'." % query["after"])
        items = items[ids.index(query["after"]) + 1:]
    return {"object": "list", "data": items[:limit], "has_more": len(items) > limit}


class NotFound(Exception):
    pass


ROUTES = {
    "/v1/chat/completions": ("project", completions_page),
    "/v1/fine_tuning/jobs": ("project", jobs_page),
    "/v1/organization/usage/completions": ("admin", usage_page),
    "/v1/organization/costs": ("admin", costs_page),
}


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.counts = {}
        self.faults = []
        if args.faults:
            with open(args.faults) as handle:
                self.faults = json.load(handle)

    def next_fault(self, path):
        with self.lock:
            number = self.counts.get(path, 0) + 1
            self.counts[path] = number
            for fault in self.faults:
                after = fault.get("after", 0)
                if fault["path"] == path and after < number <= after + fault.get("times", 1):
                    return fault
        return None

    def log(self, entry):
        if not self.args.log:
            return
        with self.lock, open(self.args.log, "a") as handle:
            handle.write(json.dumps(entry, sort_keys=True) + "\n")


def mask(key):
    return key[:6] + "*" * 12 + key[-4:] if len(key) > 10 else "*" * len(key)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "openai-fixture/1"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        state = self.server.state
        parts = urlsplit(self.path)
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        query = dict(pairs)
        route = ROUTES.get(parts.path)
        prefix, suffix = "/v1/chat/completions/", "/messages"
        if route is None and parts.path.startswith(prefix) and parts.path.endswith(suffix):
            completion = parts.path[len(prefix):-len(suffix)]
            route = ("project", lambda query, pairs: messages_page(completion, query))
        authorization = self.headers.get("Authorization", "")
        key = authorization[len("Bearer "):] if authorization.startswith("Bearer ") else ""
        expected = None if route is None else (state.args.api_key if route[0] == "project" else state.args.admin_key)
        state.log({"path": parts.path, "query": pairs, "auth": "ok" if key == expected else "bad",
                   "organization": self.headers.get("OpenAI-Organization"),
                   "project": self.headers.get("OpenAI-Project")})
        if route is None:
            return self.error(404, "Invalid URL (GET %s)" % parts.path, "invalid_request_error")
        if key != expected:
            if route[0] == "admin" and key == state.args.api_key:
                return self.error(403, "You have insufficient permissions for this operation. "
                                       "Missing scopes: api.usage.read.", "invalid_request_error")
            return self.error(401, "Incorrect API key provided: %s. You can find your API key at "
                                   "https://platform.openai.com/account/api-keys." % mask(key),
                              "invalid_request_error", code="invalid_api_key")
        if state.args.organization and self.headers.get("OpenAI-Organization") != state.args.organization:
            return self.error(401, "OpenAI-Organization header missing or wrong.", "invalid_request_error")
        if state.args.project and self.headers.get("OpenAI-Project") != state.args.project:
            return self.error(401, "OpenAI-Project header missing or wrong.", "invalid_request_error")
        try:
            page = route[1](query, pairs)
        except BadRequest as problem:
            return self.error(400, str(problem), "invalid_request_error", param=problem.param)
        except NotFound as problem:
            return self.error(404, str(problem), "invalid_request_error")
        fault = state.next_fault(parts.path)
        if fault and fault["kind"] == "malformed":
            page.pop(fault["drop"], None)
        body = json.dumps(page).encode()
        if fault is None or fault["kind"] == "malformed":
            return self.send(200, body)
        kind = fault["kind"]
        if kind == "status":
            return self.error(fault["status"], fault.get("message", "Injected failure."), "server_error",
                              headers=fault.get("headers", {}))
        if kind == "slow":
            time.sleep(fault.get("delay", 2.0))
            return self.send(200, body)
        if kind == "reset":
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            return
        if kind == "truncate":
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        raise ValueError("unknown fault kind %r" % kind)

    def error(self, status, message, kind, code=None, param=None, headers=None):
        body = json.dumps({"error": {"message": message, "type": kind, "param": param, "code": code}}).encode()
        self.send(status, body, headers or {})

    def send(self, status, body, headers=None):
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--admin-key", required=True)
    parser.add_argument("--faults")
    parser.add_argument("--log")
    parser.add_argument("--organization")
    parser.add_argument("--project")
    parser.add_argument("--tls", action="store_true",
                        help="serve HTTPS with the self-signed certificate beside this script")
    args = parser.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    server.state = State(args)
    if args.tls:
        here = os.path.dirname(os.path.abspath(__file__))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(here, "self-signed.pem"), os.path.join(here, "self-signed.key"))
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    # Exit when the test closes our stdin or dies.
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    main()
