"""A thin translating proxy in front of moto's server, for tests only.

AWS SDK for Java v2 (2.57.x) talks to CloudWatch in Smithy RPC v2 CBOR
(``POST /service/GraniteServiceVersion20100801/operation/<Op>``, ``Content-Type: application/cbor``);
moto serves CloudWatch only over the older protocols (query, and AWS JSON 1.0 when its botocore model
lists it; see /work/shared/reference/aws-facts.md, "Emulators and the CloudWatch wire protocol").

This proxy forwards every request to moto unchanged, except RPC v2 CBOR requests, which it decodes,
re-serializes with botocore's own serializer for a protocol moto serves (JSON 1.0 if the installed
botocore model lists it, else query), and whose answer it parses with botocore's parser and re-encodes
as CBOR. Both protocols carry the same shapes, so this is a change of encoding, not an emulation:
every behaviour, including errors, is moto's.

    python tools/cbor_gateway.py --upstream http://127.0.0.1:5000 --port 5001
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import re
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import botocore.session
import cbor2
from botocore import parsers, serialize

# Smithy service shape name in the URL → botocore service name.
SERVICES = {"GraniteServiceVersion20100801": "cloudwatch"}
# The Smithy namespace CloudWatch's shapes live in; the SDK takes the part after '#' as the error code.
SHAPE_NAMESPACE = {"cloudwatch": "com.amazonaws.cloudwatch"}
RPC_V2_PATH = re.compile(r"^/service/([^/]+)/operation/([^/?]+)$")
SMITHY_PROTOCOL = "rpc-v2-cbor"
CBOR = "application/cbor"
# Headers that describe one hop, not the message; http.client and this server set their own.
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "proxy-connection",
               "te", "trailer", "upgrade"}
# The SDK signs for the real service; moto reads region and service from the Authorization header,
# so it is kept, while the body-specific headers are replaced by the serializer's.
DROPPED_ON_TRANSLATION = HOP_HEADERS | {"content-type", "accept", "smithy-protocol", "x-amz-target",
                                        "amz-sdk-request", "amz-sdk-invocation-id"}

_session = botocore.session.get_session()
_models: dict[str, object] = {}
_models_lock = threading.Lock()


def service_model(service: str):
    with _models_lock:
        if service not in _models:
            _models[service] = _session.get_service_model(service)
        return _models[service]


def upstream_protocol(model, forced: str | None = None) -> str:
    """AWS JSON 1.0 when the model (and so moto) knows it, else query; CBOR itself is never forwarded."""
    if forced:
        return forced
    protocols = model.metadata.get("protocols", [model.protocol])
    return "json" if "json" in protocols else "query"


class Translation:
    """One RPC v2 CBOR call, turned into a call of another protocol and back."""

    def __init__(self, model, operation: str, protocol: str):
        self.model = model
        self.operation = model.operation_model(operation)
        self.protocol = protocol

    def request(self, cbor_body: bytes) -> dict:
        """The upstream request (botocore's dict: url_path, query_string, method, headers, body)."""
        params = cbor2.loads(cbor_body) if cbor_body else {}
        if not isinstance(params, dict):
            raise ValueError("an RPC v2 CBOR request body must be a CBOR map")
        return serialize.create_serializer(self.protocol, include_validation=False).serialize_to_request(
            params, self.operation)

    def response(self, status: int, headers: dict, body: bytes) -> tuple[int, dict, bytes]:
        """moto's answer as an RPC v2 CBOR response: same status, CBOR body, errors as __type."""
        parsed = parsers.create_parser(self.protocol).parse(
            {"status_code": status, "headers": headers, "body": body}, self.operation.output_shape)
        parsed.pop("ResponseMetadata", None)
        out_headers = {"Content-Type": CBOR, "smithy-protocol": SMITHY_PROTOCOL}
        if status >= 300:
            error = parsed.get("Error", {})
            code = error.get("Code") or "InternalFailure"
            shape = self.error_shape_name(code)
            # CloudWatch is @awsQueryCompatible: the SDK reads the query error code from this header.
            out_headers["x-amzn-query-error"] = f"{code};{error.get('Type') or 'Sender'}"
            payload = {"__type": f"{SHAPE_NAMESPACE.get(self.model.service_name, 'aws')}#{shape}",
                       "message": error.get("Message") or code}
            return status, out_headers, cbor2.dumps(payload)
        return status, out_headers, encode(parsed)

    def error_shape_name(self, code: str) -> str:
        """The modelled error shape whose (query) code is ``code``, e.g. InvalidParameterValue → ...Exception."""
        for shape in self.operation.error_shapes:
            if shape.name == code or shape.metadata.get("error", {}).get("code") == code:
                return shape.name
        return code


def encode(value) -> bytes:
    """CBOR with timestamps as tag 1 (epoch seconds), as Smithy RPC v2 CBOR requires."""
    return cbor2.dumps(value, datetime_as_timestamp=True, timezone=dt.timezone.utc)


def cbor_error(status: int, type_: str, message: str) -> tuple[int, dict, bytes]:
    return status, {"Content-Type": CBOR, "smithy-protocol": SMITHY_PROTOCOL}, cbor2.dumps(
        {"__type": type_, "message": message})


class GatewayHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream: urllib.parse.SplitResult  # set by make_server
    forced_protocol: str | None = None

    def do_GET(self):
        self.handle_any()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_OPTIONS = do_GET

    def handle_any(self):
        body = self.read_body()
        match = RPC_V2_PATH.match(self.path)
        if match and self.command == "POST" and self.is_cbor():
            status, headers, payload = self.translate(match.group(1), match.group(2), body)
        else:
            status, headers, payload = self.forward(self.command, self.path, self.plain_headers(), body)
        self.send_response(status)
        for name, value in headers.items():
            if name.lower() not in HOP_HEADERS:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def is_cbor(self) -> bool:
        return (self.headers.get("smithy-protocol", "").lower() == SMITHY_PROTOCOL
                or self.headers.get("Content-Type", "").split(";")[0].strip().lower() == CBOR)

    def read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def plain_headers(self) -> dict:
        return {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}

    def translate(self, service_shape: str, operation: str, body: bytes) -> tuple[int, dict, bytes]:
        service = SERVICES.get(service_shape)
        if service is None:
            return cbor_error(404, "UnknownServiceException", f"the gateway does not translate {service_shape}")
        model = service_model(service)
        if operation not in model.operation_names:
            return cbor_error(404, "UnknownOperationException", f"{service} has no operation {operation}")
        translation = Translation(model, operation, upstream_protocol(model, self.forced_protocol))
        try:
            request = translation.request(body)
        except (ValueError, cbor2.CBORDecodeError) as e:
            return cbor_error(400, "SerializationException", f"cannot decode the CBOR request: {e}")
        headers = {k: v for k, v in self.headers.items() if k.lower() not in DROPPED_ON_TRANSLATION}
        headers.update(request["headers"])
        path = request["url_path"]
        if request.get("query_string"):
            path += "?" + urllib.parse.urlencode(request["query_string"])
        req_body = request["body"]
        if isinstance(req_body, dict):  # query protocol: form fields
            req_body = urllib.parse.urlencode(req_body)
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        if isinstance(req_body, str):
            req_body = req_body.encode("utf-8")
        status, up_headers, up_body = self.forward(request["method"], path, headers, req_body)
        return translation.response(status, up_headers, up_body)

    def forward(self, method: str, path: str, headers: dict, body: bytes) -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=120)
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def log_message(self, format, *args):  # noqa: A002 - BaseHTTPRequestHandler's signature
        if self.server_logging:
            super().log_message(format, *args)

    server_logging = False


def make_server(upstream: str, host: str = "127.0.0.1", port: int = 0, protocol: str | None = None,
                logging: bool = False) -> ThreadingHTTPServer:
    """A gateway bound to host:port (0 = any free port) in front of ``upstream``; call serve_forever()."""
    handler = type("BoundGatewayHandler", (GatewayHandler,), {
        "upstream": urllib.parse.urlsplit(upstream), "forced_protocol": protocol, "server_logging": logging})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="RPC v2 CBOR → query/JSON 1.0 gateway in front of moto")
    parser.add_argument("--upstream", required=True, help="moto's endpoint, e.g. http://127.0.0.1:5000")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--protocol", choices=["json", "query"], help="force the upstream protocol")
    parser.add_argument("--log", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    server = make_server(args.upstream, args.host, args.port, args.protocol, args.log)
    print(f"http://{args.host}:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
