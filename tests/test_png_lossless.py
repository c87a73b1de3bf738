"""present.static_images.smaller_png: fewer bytes, the same pixels, the same size."""

from __future__ import annotations

import struct
import zlib

import numpy as np

from iacc2016.present.static_images import _chunk, _chunks, smaller_png


def rgba_png(pixels: np.ndarray, filt: int = 2) -> bytes:
    """An 8-bit RGBA PNG as Chromium writes it: every row filtered 'up' (or 'none')."""
    h, w, _ = pixels.shape
    rows = pixels.reshape(h, w * 4).astype(np.uint8)
    if filt == 2:
        rows = np.vstack([rows[:1], rows[1:] - rows[:-1]])  # uint8: differences mod 256
    stream = np.concatenate([np.full((h, 1), filt, np.uint8), rows], axis=1).tobytes()
    head = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", head) + _chunk(b"IDAT", zlib.compress(stream, 1)) + _chunk(b"IEND", b"")
    )


def decoded(png: bytes) -> np.ndarray:
    """RGBA pixels of an unfiltered or 'up'-filtered RGBA, RGB or palette PNG."""
    ch = list(_chunks(png))
    w, h, _, color, _, _, _ = struct.unpack(">IIBBBBB", ch[0][1])
    n = {6: 4, 2: 3, 3: 1}[color]
    raw = np.frombuffer(zlib.decompress(b"".join(b for k, b in ch if k == b"IDAT")), np.uint8).reshape(h, w * n + 1)
    data = raw[:, 1:].copy()
    for y in range(1, h):
        if raw[y, 0] == 2:
            data[y] += data[y - 1]
    px = data.reshape(h, w, n)
    if color == 3:
        px = np.frombuffer(dict(ch)[b"PLTE"], np.uint8).reshape(-1, 3)[px[..., 0]]
    if px.shape[2] == 3:
        px = np.concatenate([px, np.full((h, w, 1), 255, np.uint8)], axis=2)
    return px


def chart_like(colours: int) -> np.ndarray:
    # 60 x 80 opaque pixels in `colours` greys laid out in bands (a chart is mostly flat areas).
    grey = (np.arange(60 * 80) // 7 % colours * (255 // max(colours - 1, 1))).astype(np.uint8).reshape(60, 80)
    return np.stack([grey, grey, 255 - grey, np.full_like(grey, 255)], axis=2)


def test_a_few_colours_become_a_palette_with_the_same_pixels():
    before = rgba_png(chart_like(5))
    after = smaller_png(before)
    assert len(after) < len(before)
    assert struct.unpack(">IIBB", after[16:26]) == (80, 60, 8, 3)  # same size, palette colour type
    assert (decoded(after) == decoded(before)).all()


def test_many_colours_stay_truecolour_without_alpha_and_the_same_pixels():
    rng = np.random.default_rng(0)
    px = chart_like(5)
    px[:20, :, :3] = rng.integers(0, 256, (20, 80, 3))  # 1,600 random colours: no palette
    before = rgba_png(px)
    after = smaller_png(before)
    assert struct.unpack(">IIBB", after[16:26])[3] == 2  # RGB: the alpha channel was all opaque
    assert (decoded(after) == decoded(before)).all()


def test_anything_it_does_not_read_is_returned_unchanged():
    plain = rgba_png(chart_like(5))
    with_text = plain[:-12] + _chunk(b"tEXt", b"k\x00v") + plain[-12:]
    assert smaller_png(with_text) == with_text
    assert smaller_png(b"not a png") == b"not a png"
