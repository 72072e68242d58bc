"""The one error envelope for every failure: `{"error": {"code", "message", "details"}}`.

Handlers raise `ApiError`; FastAPI's own validation and routing errors are mapped to the same
shape. Nothing ever returns a stack trace.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any, get_args

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic_core.core_schema import ErrorType
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An API failure with its HTTP status, machine code and details."""

    def __init__(
        self, status: int, code: str, message: str, details: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}


def envelope(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}


def error_response(exc: ApiError) -> JSONResponse:
    return JSONResponse(envelope(exc.code, exc.message, exc.details), status_code=exc.status)


def validation_error(fields: dict[str, str], message: str = "Invalid input") -> ApiError:
    return ApiError(422, "validation_error", message, {"fields": fields})


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} not found")


def forbidden(message: str = "Not allowed") -> ApiError:
    return ApiError(403, "forbidden", message)


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


# FastAPI's and pydantic's error types, as the field codes of the envelope. A type not listed
# answers "invalid": pydantic's own wording ("Value error, ...") never reaches a client.
_FIELD_CODES = {
    "missing": "required",
    "extra_forbidden": "unknown_field",
    "string_too_long": "too_long",
    "string_too_short": "too_short",
    "too_long": "too_long",
    "too_short": "too_short",
    "less_than": "too_small",
    "less_than_equal": "too_small",
    "greater_than": "too_large",
    "greater_than_equal": "too_large",
    "enum": "not_allowed",
    "literal_error": "not_allowed",
    "union_tag_invalid": "not_allowed",
    "json_invalid": "malformed",
    "model_attributes_type": "malformed",
    "dict_type": "malformed",
    "model_type": "malformed",
    "list_type": "malformed",
    "string_type": "not_a_string",
    "bool_type": "not_a_boolean",
    "bool_parsing": "not_a_boolean",
    "int_type": "not_an_integer",
    "int_parsing": "not_an_integer",
    "int_from_float": "not_an_integer",
    "date_type": "invalid_date",
    "date_parsing": "invalid_date",
    "date_from_datetime_parsing": "invalid_date",
    "date_from_datetime_inexact": "invalid_date",
    "datetime_type": "invalid_datetime",
    "datetime_parsing": "invalid_datetime",
    "datetime_from_date_parsing": "invalid_datetime",
}
# Pydantic's own error types; any other type came from a PydanticCustomError, whose type is
# written as a field code on purpose (`invalid_number`, say).
_PYDANTIC_TYPES = frozenset(get_args(ErrorType))
_CODE_SHAPE = re.compile(r"[a-z][a-z0-9_]{0,63}", re.ASCII)


def field_code(error: Mapping[str, Any]) -> str:
    """The envelope's code for one pydantic error: a custom error's type is its code already."""
    kind = str(error.get("type", ""))
    if kind in _FIELD_CODES:
        return _FIELD_CODES[kind]
    if kind not in _PYDANTIC_TYPES and _CODE_SHAPE.fullmatch(kind):
        return kind
    return "invalid"


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: each status answers with the envelope."""
    from cesec_desktop.domain.models.base import ErrorEnvelope

    return {status: {"model": ErrorEnvelope} for status in statuses}


def document_envelopes(schema: dict[str, Any]) -> dict[str, Any]:
    """Make the OpenAPI document honest: every 4xx/5xx answer is the envelope.

    FastAPI documents its own `HTTPValidationError` for 422, which this server never sends.
    """
    from cesec_desktop.domain.models.base import ErrorEnvelope

    components = schema.setdefault("components", {}).setdefault("schemas", {})
    envelope_schema = ErrorEnvelope.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in envelope_schema.pop("$defs", {}).items():
        components.setdefault(name, sub)
    components["ErrorEnvelope"] = envelope_schema
    ref = {"$ref": "#/components/schemas/ErrorEnvelope"}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                if str(status)[0] in "45":
                    response["content"] = {"application/json": {"schema": ref}}
                    response.setdefault("description", "Error")
                    if response["description"] in ("", "Validation Error"):
                        response["description"] = "Error (see error.code)"
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    return schema


def _allowed_methods(request: Request) -> list[str]:
    """Every method the path answers to, read from the app's own OpenAPI document.

    A literal path (`/orders/drafts`) wins over a template it also fits (`/orders/{order_id}`),
    as the router's own matching does.
    """
    paths: dict[str, dict[str, Any]] = request.app.openapi().get("paths", {})
    path = request.url.path
    if path in paths:
        methods = {method.upper() for method in paths[path]}
    else:
        methods = set()
        for template, operations in paths.items():
            pattern = re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(template))
            if re.fullmatch(pattern, path):
                methods |= {method.upper() for method in operations}
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        fields: dict[str, str] = {}
        for err in exc.errors():
            name = _field_name(tuple(err.get("loc", ())))
            # Keep the first code per field; never echo the input back (it may be a secret).
            fields.setdefault(name, field_code(err))
        return error_response(validation_error(fields))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:
            # A body FastAPI cannot even decode (not UTF-8, say) is bad input like any other:
            # the same 422 as malformed JSON, so a client handles one case.
            return error_response(validation_error({"body": "malformed"}, "Malformed body"))
        if exc.status_code == 405:
            # Starlette's Allow names only the first route on the path; list all of them.
            methods = _allowed_methods(request)
            if methods:
                exc.headers = {**(exc.headers or {}), "Allow": ", ".join(methods)}
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code
        # Keep the protocol headers (Allow on a 405, WWW-Authenticate on a 401).
        return JSONResponse(
            envelope(code, message), status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return JSONResponse(envelope("internal_error", "Internal server error"), status_code=500)
