"""Static chart images: one long-lived headless browser per kernel (kaleido), started only
where PNGs are required (`make reproduce`) or asked for, with a clear fall-back or stop
when no browser works."""

from __future__ import annotations

import atexit
import threading
import time
from pathlib import Path

import plotly
import plotly.graph_objects as go
import plotly.io as pio

from .. import settings


def start_browser_or_fall_back(renderer: str) -> str:
    """Without a browser (Binder, a fresh laptop) the notebooks still run, interactive only,
    and say so once; `make reproduce` instead stops with what to install."""
    try:
        _start_browser()
        install_lossless_png()
        return renderer
    except StaticImagesUnavailable as exc:
        if settings.current().require_static_images:
            raise
        reason = str(exc)
    interactive = "+".join(r for r in renderer.split("+") if r != "png") or "plotly_mimetype"
    pio.renderers.default = interactive
    print(
        f"Charts are interactive only in this session ({reason}). For the static PNGs, "
        "install Chromium or run `plotly_get_chrome`, then restart the kernel."
    )
    return interactive


class StaticImagesUnavailable(RuntimeError):
    """No browser could make the PNGs (raised where they are required: make reproduce)."""


def _start_browser() -> None:
    """One long-lived headless browser per kernel: 0.3 s per PNG instead of about 3 s."""
    import kaleido
    from choreographer.browsers.chromium import Chromium

    # Kaleido's own lookup (BROWSER_PATH, a `plotly_get_chrome` download, the PATH), asked
    # first: a server started without a browser never answers, and the first chart would
    # wait for it forever.
    found = Chromium.find_browser(skip_local=False)
    if not found or not Path(found).is_file():
        raise StaticImagesUnavailable("no Chrome or Chromium found")
    _quiet_server_thread()
    kaleido.start_sync_server(silence_warnings=True, browser_cls=offline_chromium(), **_local_scripts())
    # Stop the browser before the interpreter removes its temporary folder at exit; else
    # a script (not a kernel) ends with a traceback about a folder not being empty.
    atexit.register(kaleido.stop_sync_server, silence_warnings=True)
    # plotly passes its request headers as per-call options, which a running server ignores
    # with a warning (printed into the first figure's output); there is nothing to send.
    pio.defaults.headers = {}
    _first_image_or_raise()


# Chromium's own traffic, off (issue 21; `make offline-check` proves it): no update,
# component, sync, metrics, safe-browsing, translate or field-trial hosts looked up. Some
# are choreographer's defaults already; all are listed, so none depends on its version.
# (Debian's /usr/bin/chromium adds --disable-background-networking only when
# /etc/chromium.d does not turn remote extensions on, and by default it does.)
OFFLINE_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    # Chromium 156 still asks for its on-device AI model manifest on start, flag or not;
    # its update server is moved to a port Chromium itself refuses (9), so nothing leaves.
    "--component-updater=url-source=http://127.0.0.1:9/",
    "--disable-component-extensions-with-background-pages",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-sync",
    "--metrics-recording-only",
    "--disable-breakpad",
    "--disable-crash-reporter",
    "--no-pings",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--safebrowsing-disable-auto-update",
    "--disable-field-trial-config",
    "--no-service-autorun",
    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
    "CertificateTransparencyComponentUpdater,AutofillServerCommunication,InterestFeedContentSuggestions,"
    "NetworkTimeServiceQuerying,PrivacySandboxSettings4",
)
# The first window's page: else headless Chromium opens the new-tab page, which Debian's
# build fetches from its default search engine (start.duckduckgo.com).
START_PAGE = "about:blank"


def offline_chromium():
    """choreographer's Chromium with OFFLINE_FLAGS and START_PAGE on its command line: it
    has no hook for extra flags, but choreographer's Browser takes the class
    (`browser_cls`), and kaleido passes it through."""
    from choreographer.browsers.chromium import Chromium

    class OfflineChromium(Chromium):
        def get_cli(self):
            return [*super().get_cli(), *OFFLINE_FLAGS, START_PAGE]

    return OfflineChromium


def _local_scripts() -> dict:
    """The page kaleido draws in loads plotly.js from the installed plotly (kaleido's own
    default, made explicit: it falls back to a CDN without a word) and no MathJax (fetched
    from a CDN by default; no chart here uses LaTeX)."""
    return {"plotlyjs": (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").as_uri(), "mathjax": False}


def _quiet_server_thread() -> None:
    """A browser that is found but cannot start kills kaleido's server thread, and Python
    prints that thread's 40-line traceback into the cell; the one-line reason given by
    _first_image_or_raise says it instead."""
    import kaleido

    previous = threading.excepthook

    def hook(args) -> None:
        server = getattr(kaleido._global_server, "_thread", None)  # noqa: SLF001
        if server is None or args.thread is not server:
            previous(args)

    threading.excepthook = hook


BROWSER_START_SECONDS = 60


def _first_image_or_raise() -> None:
    """Render a blank image under a time limit: a browser that is found but cannot start
    leaves the server silent, and plotly would wait for it without end."""
    import kaleido

    outcome: dict = {}

    def render() -> None:
        try:
            pio.to_image(go.Figure(), format="png", width=40, height=40)
            outcome["ok"] = True
        except Exception as exc:  # the browser's own error, reported by the caller
            outcome["error"] = f"{type(exc).__name__}: {exc}"

    # The server's thread ends at once when its browser fails to start (kaleido keeps it
    # in a private attribute of its pinned version); watching it saves waiting out the limit.
    server = getattr(kaleido._global_server, "_thread", None)  # noqa: SLF001
    worker = threading.Thread(target=render, daemon=True)
    worker.start()
    deadline = time.monotonic() + BROWSER_START_SECONDS
    while worker.is_alive() and time.monotonic() < deadline:
        worker.join(0.1)
        if server is not None and not server.is_alive():
            outcome.setdefault("error", "the browser closed as soon as it started")
            break
    if outcome.get("ok"):
        return
    if server is not None and not server.is_alive():
        # Mark the dead server stopped, so a later export by hand fails with kaleido's
        # own error instead of waiting on it; its watchdog's log line would follow the
        # reason below as a stray stderr output.
        import logging

        logging.getLogger("choreographer").addHandler(logging.NullHandler())
        logging.getLogger("choreographer").propagate = False
        kaleido.stop_sync_server(silence_warnings=True)
    raise StaticImagesUnavailable(outcome.get("error", f"no image from the browser within {BROWSER_START_SECONDS} s"))


# ------------------------------------------------------------------ lossless PNG sizes
def install_lossless_png() -> None:
    """Make the notebooks' PNG renderer shrink each image losslessly (same pixels, same
    size: see smaller_png), keeping the scale and size it was given."""
    old = pio.renderers["png"]
    if isinstance(old, LosslessPngRenderer):
        return
    pio.renderers["png"] = LosslessPngRenderer(width=old.width, height=old.height, scale=old.scale)
    pio.renderers.default = pio.renderers.default  # the default keeps the renderers it was set with: set it again


class LosslessPngRenderer(pio.base_renderers.PngRenderer):
    def to_mimebundle(self, fig_dict):
        import base64

        bundle = super().to_mimebundle(fig_dict)
        png = base64.b64decode(bundle["image/png"])
        return {"image/png": base64.b64encode(smaller_png(png)).decode("ascii")}


def _chunks(png: bytes):
    import struct

    i = 8
    while i < len(png):
        (n,) = struct.unpack(">I", png[i : i + 4])
        yield png[i + 4 : i + 8], png[i + 8 : i + 8 + n]
        i += 12 + n


def _chunk(kind: bytes, body: bytes) -> bytes:
    import struct
    import zlib

    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def smaller_png(png: bytes) -> bytes:
    """The same image in fewer bytes, pixel for pixel: an opaque image drops its alpha
    channel, one of at most 256 colours becomes a palette image, rows are stored unfiltered
    and compressed at zlib's level 9. Anything but the plain 8-bit RGBA, non-interlaced
    image with only IHDR, IDAT and IEND chunks that Chromium writes is returned as it is,
    and so is a result that would not be smaller."""
    import struct
    import zlib

    import numpy as np

    if png[:8] != b"\x89PNG\r\n\x1a\n":
        return png
    chunks = list(_chunks(png))
    if {k for k, _ in chunks} != {b"IHDR", b"IDAT", b"IEND"}:
        return png
    w, h, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if (depth, color, interlace) != (8, 6, 0):
        return png
    raw = np.frombuffer(zlib.decompress(b"".join(b for k, b in chunks if k == b"IDAT")), np.uint8)
    rows = raw.reshape(h, w * 4 + 1)
    filters, data = rows[:, 0], rows[:, 1:].copy()
    if not np.isin(filters, (0, 2)).all():  # only 'none' and 'up' are undone here
        return png
    for y in range(1, h):  # 'up': add the row above (mod 256), in order
        if filters[y] == 2:
            data[y] += data[y - 1]
    pixels = data.reshape(h, w, 4)
    if (pixels[..., 3] == 255).all():
        pixels = pixels[..., :3]
    flat = np.ascontiguousarray(pixels).view(np.dtype((np.void, pixels.shape[2]))).reshape(-1)
    colours, index = np.unique(flat, return_inverse=True)
    if len(colours) <= 256:
        palette = np.frombuffer(colours.tobytes(), np.uint8).reshape(len(colours), -1)
        head = struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0)
        extra = _chunk(b"PLTE", palette[:, :3].tobytes())
        if palette.shape[1] == 4:
            extra += _chunk(b"tRNS", palette[:, 3].tobytes())
        body = index.astype(np.uint8).reshape(h, w)
    else:
        head = struct.pack(">IIBBBBB", w, h, 8, 2 if pixels.shape[2] == 3 else 6, 0, 0, 0)
        extra = b""
        body = pixels.reshape(h, -1)
    stream = np.concatenate([np.zeros((h, 1), np.uint8), body], axis=1).tobytes()
    out = png[:8] + _chunk(b"IHDR", head) + extra + _chunk(b"IDAT", zlib.compress(stream, 9)) + _chunk(b"IEND", b"")
    return out if len(out) < len(png) else png
