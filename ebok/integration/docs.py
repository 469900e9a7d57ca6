"""The API's docs page: Swagger UI from django-ninja's own files, no CDN, no inline script.

ninja's templates and static files are found only when "ninja" is an installed app, which it is
not here; so the page is our template, the two Swagger UI files are served from ninja's package
by an operation of the API (SWAGGER_ASSETS), and the start-up code is a static file of ours
(static/integration/swagger-init.js), which the Content-Security-Policy allows.
"""

from pathlib import Path

import ninja
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from ninja.openapi.docs import DocsBase

NINJA_STATIC = Path(ninja.__file__).parent / "static" / "ninja"
SWAGGER_ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon.png": "image/png",
}


class LocalSwagger(DocsBase):
    def render_page(self, request, api, **kwargs):
        asset = f"{api.urls_namespace}:swagger_asset"
        context = {
            "title": api.title,
            "openapi_url": self.get_openapi_url(api, kwargs),
            "css": _versioned(reverse(asset, kwargs={"name": "swagger-ui.css"})),
            "bundle": _versioned(reverse(asset, kwargs={"name": "swagger-ui-bundle.js"})),
            "favicon": _versioned(reverse(asset, kwargs={"name": "favicon.png"})),
            "init": static("integration/swagger-init.js"),
        }
        return render(request, "integration/swagger.html", context)


def _versioned(url: str) -> str:
    return f"{url}?v={ninja.__version__}"


def swagger_asset(request, name: str):
    if name not in SWAGGER_ASSETS:
        raise Http404
    response = FileResponse((NINJA_STATIC / name).open("rb"), content_type=SWAGGER_ASSETS[name])
    response["Cache-Control"] = "public, max-age=86400"
    return response
