"""The Starlette application: routes (``pages``) wrapped so that every page is rendered from a Jinja2 template with
autoescape, every table of it downloads as CSV or XLSX at the page's own URL (``?format=csv&table=NAME``), and no
error reaches the browser as a stack trace: a reference that names no document or several, a bad parameter, a
refused Cypher statement and a statement that ran too long each get a page that says so, with its HTTP status.

Static files (the page's CSS and script, vis-network and the views' script) are served from the package: nothing
comes from a CDN. Every response carries a Content-Security-Policy that allows only this server.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Optional
from urllib.parse import quote, urlencode

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..query.errors import AmbiguousRef, NoMatch, ParameterError, QueryError
from ..views.labels import level_label, relation_label, vn_date
from ..vocab.gazetteer import PlaceError
from .cypher_guard import RefusedStatement
from .explorer import Explorer, QueryTimeout
from .tables import TABLE_FORMATS, download

log = logging.getLogger("graphbuild.serve")

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; "
                               "base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass
class Page:
    """What a page handler returns: the template and its context, and the tables the page shows (name -> rows),
    each downloadable."""
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    status: int = 200


class HTTPProblem(Exception):
    """A page that cannot be shown as asked: the status and what to tell the user."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def doc_url(kind: str, doc_id: str, **params: Any) -> str:
    """The stable URL of a page about one document: /doc/ID, /lineage/ID … (the id's slashes kept as they are)."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    return f"/{kind}/{quote(doc_id, safe='/')}" + (f"?{urlencode(query)}" if query else "")


def _json_for_script(value: Any) -> Any:
    from ..views.html import json_for_script  # with the views: only a page that draws one uses it
    return json_for_script(value)


@lru_cache(maxsize=None)
def environment() -> Environment:
    """The templates of ``serve/templates``, then those of the views (``_network.html``), autoescaped."""
    env = Environment(loader=ChoiceLoader([PackageLoader("graphbuild.serve"), PackageLoader("graphbuild.views"),
                                         PackageLoader("graphbuild")]),
                      autoescape=select_autoescape(["html", "svg"]), undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["json_for_script"] = _json_for_script
    env.globals.update(level_label=level_label, relation_label=relation_label, vn_date=vn_date, doc_url=doc_url,
                       table_formats=TABLE_FORMATS)
    return env


def render(template: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(request=request, url=str(request.url), **context)
    return HTMLResponse(html, status_code=status)


def _problem(request: Request, error: Exception) -> HTMLResponse:
    """The error page for what a handler raised; an unexpected error is logged here and named only by its kind."""
    if isinstance(error, HTTPProblem):
        return render("error.html", request, error.status, title="Không hiển thị được", message=error.message)
    if isinstance(error, NoMatch):
        return render("error.html", request, 404, title="Không tìm thấy văn bản", message=str(error).split(";")[0],
                      candidates=error.suggestions, heading="Có phải bạn muốn tìm:")
    if isinstance(error, AmbiguousRef):
        return render("error.html", request, 300, title="Nhiều văn bản trùng khớp",
                      message=f"'{error.ref}' khớp với nhiều văn bản; chọn một:", candidates=error.candidates,
                      heading="")
    if isinstance(error, (ParameterError, PlaceError, RefusedStatement, QueryError, ValueError)):
        return render("error.html", request, 400, title="Tham số không hợp lệ", message=str(error))
    if isinstance(error, QueryTimeout):
        return render("error.html", request, 504, title="Truy vấn quá lâu", message=str(error))
    log.exception("error on %s", request.url.path, exc_info=error)
    return render("error.html", request, 500, title="Lỗi máy chủ",
                  message=f"The server could not answer this page ({type(error).__name__}); the details are in the "
                          f"server's log.")


Handler = Callable[[Request, Explorer], Page]


def page(handler: Handler) -> Callable[[Request], Any]:
    """A Starlette endpoint from a page handler: run in a worker thread (the store calls block), the page rendered
    or, with ``?format=csv|xlsx``, one of its tables downloaded; errors as error pages."""
    async def endpoint(request: Request) -> Response:
        explorer: Explorer = request.app.state.explorer
        try:
            result = await run_in_threadpool(handler, request, explorer)
            fmt = request.query_params.get("format")
            if fmt:
                return download(result.tables, fmt, request.query_params.get("table"), request.url.path)
            return render(result.template, request, result.status, graph_name=explorer.where, **result.context)
        except Exception as error:  # noqa: BLE001 - every error becomes a page, never a traceback
            return _safe_problem(request, error)
    endpoint.__name__ = handler.__name__
    return endpoint


def _safe_problem(request: Request, error: Exception) -> Response:
    """``_problem``, and should the error page itself fail, one line of plain text (both logged)."""
    try:
        return _problem(request, error)
    except Exception:  # noqa: BLE001
        log.exception("error page for %s failed", request.url.path)
        return PlainTextResponse("The server could not answer this page; the details are in the server's log.",
                                 status_code=500)


def raw(handler: Callable[[Request, Explorer], Response]) -> Callable[[Request], Any]:
    """An endpoint that answers with a file (an image, a briefing page) rather than a template."""
    async def endpoint(request: Request) -> Response:
        try:
            response: Response = await run_in_threadpool(handler, request, request.app.state.explorer)
            return response
        except Exception as error:  # noqa: BLE001
            return _safe_problem(request, error)
    endpoint.__name__ = handler.__name__
    return endpoint


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every HTTP response."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                            if k.lower().encode() not in present]
                message["headers"] = headers
            await send(message)
        await self.app(scope, receive, with_headers)


def create_app(explorer: Explorer, allowed_hosts: Optional[list[str]] = None) -> Starlette:
    """The web app over ``explorer``. ``allowed_hosts``: the Host headers answered (default: this machine's names,
    which keeps pages of other sites from reading it through DNS rebinding)."""
    from . import pages
    routes = [Route(path, page(handler)) for path, handler in pages.PAGES] + \
        [Route(path, raw(handler)) for path, handler in pages.FILES] + \
        [Mount("/static/views", StaticFiles(packages=[("graphbuild.views", "static")]), name="views-static"),
         Mount("/static", StaticFiles(packages=[("graphbuild.serve", "static")]), name="static")]
    hosts = allowed_hosts or ["127.0.0.1", "localhost", "testserver", "[::1]"]
    app = Starlette(routes=routes, middleware=[Middleware(SecurityHeaders),
                                               Middleware(TrustedHostMiddleware, allowed_hosts=hosts)])
    app.state.explorer = explorer

    async def not_found(request: Request, exc: Exception) -> Response:
        return render("error.html", request, 404, title="Không có trang này",
                      message=f"No page at {request.url.path}.")
    app.add_exception_handler(404, not_found)
    return app
