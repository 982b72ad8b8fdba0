"""The comparison's rules on crafted images: identical bytes, pixelmatch's YIQ threshold, and
Playwright's max_diff_pixels / max_diff_pixel_ratio bounds (the larger wins); sizes must match."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("pybind11_pixelmatch")

from devserver.snapshot.compare import compare, decode, encode  # noqa: E402
from devserver.snapshot.tolerance import Tolerance  # noqa: E402


def image(width: int = 10, height: int = 10, rgb: tuple[int, int, int] = (255, 255, 255)):
    img = np.zeros((height, width, 4), dtype=np.uint8)
    img[..., :3] = rgb
    img[..., 3] = 255
    return img


def with_pixels(base, pixels: dict[tuple[int, int], tuple[int, int, int]]):
    img = base.copy()
    for (x, y), rgb in pixels.items():
        img[y, x, :3] = rgb
    return img


def test_identical_bytes_pass_without_decoding() -> None:
    png = encode(image())
    result = compare(png, png)
    assert result.matches and result.identical and result.message == "identical"
    # not even a PNG: equal bytes are decided before anything is decoded
    assert compare(b"same", b"same").identical


def test_a_pixel_of_another_colour_fails_by_default_and_shows_in_the_diff() -> None:
    expected = image()
    actual = with_pixels(expected, {(3, 2): (255, 0, 0)})
    result = compare(encode(actual), encode(expected))
    assert not result.matches and not result.identical
    assert result.diff_pixels == 1 and result.total_pixels == 100
    assert result.message == "1 pixels differ (1.00% of the image)"
    diff = decode(result.diff_png)
    assert tuple(diff[2, 3, :3]) == (255, 0, 0)  # pixelmatch's diff colour where it differs
    assert tuple(diff[0, 0, :3]) != (255, 0, 0)  # elsewhere a faded copy of the expected


def test_equal_pixels_in_other_bytes_match() -> None:
    # the same pixels encoded differently (compression level): not identical, but 0 differ
    from io import BytesIO

    from PIL import Image

    img = image(rgb=(10, 120, 200))
    buf = BytesIO()
    Image.fromarray(img).save(buf, format="PNG", compress_level=0)
    result = compare(buf.getvalue(), encode(img))
    assert result.matches and not result.identical and result.diff_pixels == 0


def test_threshold_is_a_yiq_distance() -> None:
    expected = image(rgb=(200, 200, 200))
    actual = with_pixels(expected, {(5, 5): (190, 190, 190)})  # a slight change of grey
    a, e = encode(actual), encode(expected)
    assert compare(a, e, Tolerance(threshold=0.2)).matches  # Playwright's default lets it pass
    strict = compare(a, e, Tolerance(threshold=0.0))
    assert not strict.matches and strict.diff_pixels == 1
    far = encode(with_pixels(expected, {(5, 5): (0, 0, 0)}))
    # black on grey 200: a YIQ distance of 0.76 of the largest (pixelmatch squares the threshold)
    assert not compare(far, e, Tolerance(threshold=0.7)).matches
    assert compare(far, e, Tolerance(threshold=0.8)).matches


@pytest.mark.parametrize(
    ("tolerance", "matches"),
    [
        (Tolerance(), False),
        (Tolerance(max_diff_pixels=2), False),
        (Tolerance(max_diff_pixels=3), True),
        (Tolerance(max_diff_pixel_ratio=0.02), False),  # 2 of 100 allowed
        (Tolerance(max_diff_pixel_ratio=0.03), True),
        (Tolerance(max_diff_pixels=1, max_diff_pixel_ratio=0.03), True),  # the larger bound wins
        (Tolerance(max_diff_pixels=3, max_diff_pixel_ratio=0.01), True),
        (Tolerance(max_diff_pixels=2, max_diff_pixel_ratio=0.02), False),
    ],
)
def test_max_diff_pixels_and_ratio(tolerance: Tolerance, matches: bool) -> None:
    expected = image()
    actual = with_pixels(expected, {(1, 1): (0, 0, 0), (5, 5): (0, 0, 0), (8, 2): (0, 0, 0)})
    result = compare(encode(actual), encode(expected), tolerance)
    assert result.diff_pixels == 3
    assert result.matches is matches
    assert (result.diff_png is None) is matches


def test_another_size_never_matches() -> None:
    result = compare(encode(image(10, 12)), encode(image(10, 10)), Tolerance(max_diff_pixel_ratio=1.0))
    assert not result.matches
    assert result.size == (10, 12) and result.expected_size == (10, 10)
    assert result.message == "size changed: expected 10×10, got 10×12"
    assert decode(result.diff_png).shape[:2] == (12, 10)  # the diff spans both


@pytest.mark.parametrize("kwargs", [{"threshold": 1.5}, {"max_diff_pixels": -1}, {"max_diff_pixel_ratio": 2}])
def test_bad_tolerances_are_refused(kwargs) -> None:
    with pytest.raises(ValueError):
        Tolerance(**kwargs)


# --- the fast path against the straightforward one ------------------------------------------
# compare() runs pixelmatch only around the pixels that differ and draws the grey elsewhere
# itself; what it reports must be what pixelmatch over the whole image reports, and its diff PNG
# must decode to pixelmatch's own diff image.


def png_of(pixels, mode: str | None = None, **info) -> bytes:
    from io import BytesIO

    from PIL import Image

    img = Image.fromarray(pixels)
    if mode is not None:
        img = img.convert(mode)
    buf = BytesIO()
    img.save(buf, format="PNG", **info)
    return buf.getvalue()


def straightforward(actual: bytes, expected: bytes, threshold: float):
    """The comparison as it was: both decoded to RGBA by Pillow, padded onto one canvas of
    transparent black, pixelmatch over all of it: (count, diff image)."""
    from io import BytesIO

    import pybind11_pixelmatch as pixelmatch
    from PIL import Image

    a, e = (np.asarray(Image.open(BytesIO(png)).convert("RGBA")) for png in (actual, expected))
    if a.shape != e.shape:
        h, w = max(a.shape[0], e.shape[0]), max(a.shape[1], e.shape[1])
        a, e = (np.pad(x, ((0, h - x.shape[0]), (0, w - x.shape[1]), (0, 0))) for x in (a, e))
    options = pixelmatch.Options()
    options.threshold = threshold
    options.includeAA = False
    out = np.zeros_like(e)
    count = pixelmatch.pixelmatch(np.ascontiguousarray(e), np.ascontiguousarray(a), output=out, options=options)
    return count, out


def assert_as_straightforward(actual: bytes, expected: bytes, threshold: float = 0.2) -> None:
    count, diff = straightforward(actual, expected, threshold)
    result = compare(actual, expected, Tolerance(threshold=threshold))
    assert result.diff_pixels == count
    if result.diff_png is None:  # passed: nothing differs, or only by anti-aliasing
        assert result.matches and count == 0
    else:
        got = decode(result.diff_png)
        assert got.shape == diff.shape
        wrong = np.argwhere((got != diff).any(axis=2))
        assert not len(wrong), f"{len(wrong)} diff pixels wrong, first at (y, x) {wrong[0]}: {got[tuple(wrong[0])]} ≠ {diff[tuple(wrong[0])]}"


def page(width: int, height: int, seed: int = 0):
    """White with flat blocks of colour and anti-aliased text: what a shot is made of."""
    from PIL import Image, ImageDraw, ImageFont

    rng = np.random.default_rng(seed)
    img = Image.new("RGBA", (width, height), (255, 255, 255, 255))
    draw = ImageDraw.Draw(img)
    for _ in range(6):
        x, y = int(rng.integers(0, width - 8)), int(rng.integers(0, height - 8))
        w, h = int(rng.integers(4, width // 2)), int(rng.integers(4, height // 2))
        draw.rectangle((x, y, x + w, y + h), fill=tuple(int(c) for c in rng.integers(0, 256, 3)))
    font = ImageFont.load_default(13)
    for row in range(2, height - 14, 17):
        draw.text((3 + row % 7, row), "Order #1042 shipped · €12.50", fill=(20, 30, 40), font=font)
    return np.array(img)


def text_moved(width: int, height: int, dx: int, dy: int, at: tuple[int, int], colour=(20, 30, 40)):
    """``page`` with one more line of text, drawn at ``at`` in ``expected`` and moved by (dx, dy),
    or in another colour, in ``actual``: anti-aliased edges everywhere along the change."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(15)
    pictures = []
    for offset, fill in (((0, 0), (20, 30, 40)), ((dx, dy), colour)):
        img = Image.fromarray(page(width, height))
        ImageDraw.Draw(img).text((at[0] + offset[0], at[1] + offset[1]), "Refund", fill=fill, font=font)
        pictures.append(np.array(img))
    expected, actual = pictures
    return actual, expected


def changed(base, box: tuple[int, int, int, int], rgba=(200, 30, 30, 255)):
    img = base.copy()
    x0, y0, x1, y1 = box
    img[y0:y1, x0:x1] = rgba
    return img


def noise(width: int, height: int, seed: int, alpha: bool = False):
    rng = np.random.default_rng(seed)
    img = rng.integers(0, 256, (height, width, 4), dtype=np.uint8)
    if not alpha:
        img[..., 3] = 255
    return img


# a 7×7 of four greys where one pixel's verdict depends on pixels two away from it: whether its
# darkest or brightest neighbour has three equal siblings (pixelmatch's anti-aliasing test)
NEIGHBOURHOOD = [[255, 0, 170, 255, 90, 0, 90], [0, 0, 255, 170, 255, 255, 255],
                 [90, 90, 170, 90, 255, 0, 255], [170, 90, 170, 90, 255, 255, 90],
                 [90, 0, 170, 170, 255, 255, 255], [255, 255, 0, 0, 90, 90, 255],
                 [255, 90, 170, 170, 255, 0, 90]]


def neighbourhood():
    expected = np.full((7, 7, 4), 255, dtype=np.uint8)
    expected[..., :3] = np.array(NEIGHBOURHOOD, dtype=np.uint8)[..., None]
    actual = expected.copy()
    actual[4, 3, :3] = 255  # x 3, y 4: from 170 to white
    return actual, expected


def cases():
    base = page(160, 90)
    w, h = 160, 90
    flat = changed(base, (66, 36, 75, 45), (255, 255, 255, 255))
    yield "one pixel", changed(flat, (70, 40, 71, 41), (0, 0, 0, 255)), flat
    yield "top-left corner", changed(base, (0, 0, 1, 1)), base
    yield "bottom-right corner", changed(base, (w - 1, h - 1, w, h)), base
    yield "right column and bottom row", changed(changed(base, (w - 1, 0, w, h)), (0, h - 1, w, h)), base
    yield "a block two pixels from the edge", changed(base, (2, 2, 30, 12)), base
    yield "text moved by a pixel", *text_moved(w, h, 1, 0, (40, 50))
    yield "text moved at the top edge", *text_moved(w, h, 0, 1, (100, -3))
    yield "text moved at the left edge", *text_moved(w, h, -1, 1, (-2, 30))
    yield "text recoloured", *text_moved(w, h, 0, 0, (20, 20), colour=(200, 40, 40))
    yield "neighbourhood two pixels away", *neighbourhood()
    lone = changed(image(160, 90), (77, 33, 78, 34), (0, 0, 0, 255))  # rows alike but one pixel
    yield "a lone pixel elsewhere in the expected", changed(lone, (10, 80, 30, 85), (0, 0, 0, 255)), lone
    yield "noise against noise", noise(64, 48, 1), noise(64, 48, 2)
    grain = noise(64, 48, 3)
    jittered = grain.copy()
    jittered[..., :3] = np.clip(grain[..., :3].astype(int) + np.random.default_rng(4).integers(-12, 13, (48, 64, 3)), 0, 255)
    yield "noise jittered", jittered, grain
    see_through = noise(40, 30, 5, alpha=True)
    yield "transparent pixels", changed(see_through, (10, 10, 20, 14), (9, 9, 9, 128)), see_through
    yield "alpha only", changed(see_through, (0, 0, 40, 1), (0, 0, 0, 0)), see_through
    yield "wider actual", page(170, 90), base
    yield "taller expected", page(160, 80), page(150, 95, seed=1)


@pytest.mark.parametrize("threshold", [0.0, 0.2, 0.5])
@pytest.mark.parametrize(("name", "actual", "expected"), list(cases()), ids=[c[0] for c in cases()])
def test_as_pixelmatch_over_the_whole_image(name: str, actual, expected, threshold: float) -> None:
    assert_as_straightforward(png_of(actual), png_of(expected), threshold)


@pytest.mark.parametrize(("actual_mode", "expected_mode"),
                         [("RGB", "RGB"), ("RGB", "RGBA"), ("RGBA", "RGB"), ("P", "RGB"), ("L", "RGB"), ("LA", "RGBA")])
def test_as_pixelmatch_whatever_the_png_modes(actual_mode: str, expected_mode: str) -> None:
    actual, expected = text_moved(120, 60, 1, 1, (30, 20), colour=(120, 20, 20))
    assert_as_straightforward(png_of(actual, actual_mode), png_of(expected, expected_mode))


def test_an_rgb_png_with_a_transparent_colour_is_compared_as_rgba() -> None:
    base = page(60, 40)
    base[5:9, 5:9, :3] = (1, 2, 3)  # the colour tRNS makes transparent
    actual = changed(base, (30, 30, 34, 34))
    assert_as_straightforward(png_of(actual, "RGB", transparency=(1, 2, 3)), png_of(base, "RGB"))
    assert_as_straightforward(png_of(actual, "RGB"), png_of(base, "RGB", transparency=(1, 2, 3)))


def test_a_narrower_margin_would_change_the_verdict(monkeypatch) -> None:
    """The neighbourhood case needs both pixels of the margin: the tests above can fail."""
    from devserver.snapshot import compare as module

    actual, expected = (png_of(x) for x in neighbourhood())
    assert_as_straightforward(actual, expected)
    monkeypatch.setattr(module, "MARGIN", 1)
    with pytest.raises(AssertionError):
        assert_as_straightforward(actual, expected)


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_the_grey_is_pixelmatchs_for_every_opaque_colour(mode: str) -> None:
    """All 2²⁴ colours: Pillow's luma and the fade table against pixelmatch's own grey."""
    import pybind11_pixelmatch as pixelmatch
    from PIL import Image

    from devserver.snapshot.diffimage import faded

    every = np.arange(1 << 24, dtype=np.uint32).reshape(4096, 4096)
    rgba = np.empty((4096, 4096, 4), dtype=np.uint8)
    rgba[..., 0], rgba[..., 1], rgba[..., 2], rgba[..., 3] = every & 255, (every >> 8) & 255, every >> 16, 255
    out = np.empty_like(rgba)
    pixelmatch.pixelmatch(rgba, rgba, output=out)  # identical: pixelmatch draws only grey
    img = Image.fromarray(rgba)
    grey = faded(rgba if mode == "RGBA" else np.asarray(img.convert("RGB").convert("RGBA")))
    assert np.array_equal(grey, out[..., 0])


def test_a_full_hd_diff_png_is_a_small_palette_png() -> None:
    """The benchmark's picture: no bigger than Pillow's RGBA PNG at level 1 was."""
    from io import BytesIO

    from PIL import Image

    rng = np.random.default_rng(7)
    expected = np.full((1080, 1920, 4), 255, dtype=np.uint8)
    expected[::40, :, :3] = rng.integers(0, 255, (27, 1920, 3), dtype=np.uint8)
    actual = changed(expected, (100, 500, 900, 520), (20, 20, 20, 255))
    a, e = encode(actual), encode(expected)
    result = compare(a, e)
    count, diff = straightforward(a, e, 0.2)
    assert result.diff_pixels == count == 16000
    assert Image.open(BytesIO(result.diff_png)).mode == "P"
    assert np.array_equal(decode(result.diff_png), diff)
    assert len(result.diff_png) <= len(encode(diff, fast=True))


# --- decoding: zlib-ng and libspng for plain PNGs, Pillow for the rest ----------------------


@pytest.mark.parametrize(("mode", "info", "plain"), [
    ("RGBA", {}, True),
    ("RGB", {}, True),
    ("RGB", {"transparency": (1, 2, 3)}, False),  # libspng would ignore the tRNS chunk
    ("P", {}, False),
    ("L", {}, False),
    ("LA", {}, False),
    ("I;16", {}, False),
])
def test_decode_takes_the_fast_way_for_plain_pngs_only_and_decodes_as_pillow(mode: str, info: dict, plain: bool) -> None:
    from io import BytesIO

    from PIL import Image

    from devserver.snapshot import pngio

    pixels = page(50, 30)
    pixels[3:6, 3:6, :3] = (1, 2, 3)
    png = png_of(pixels, None if mode == "I;16" else mode, **info)
    if mode == "I;16":
        buf = BytesIO()
        Image.fromarray(pixels[..., 0].astype(np.uint16) * 257).save(buf, format="PNG")
        png = buf.getvalue()
    assert (pngio._stored(png) is not None) is plain
    assert np.array_equal(decode(png), np.asarray(Image.open(BytesIO(png)).convert("RGBA")))


def test_an_interlaced_png_is_left_to_pillow() -> None:
    import struct

    from devserver.snapshot import pngio

    png = bytearray(png_of(page(20, 10)))
    png[28] = 1  # Adam7 in IHDR (Pillow writes no interlaced PNG; the CRC is not read before this)
    assert struct.unpack_from(">I", png, 8)[0] == 13 and pngio._stored(bytes(png)) is None


def test_a_truncated_png_fails_as_pillow_says() -> None:
    png = png_of(noise(64, 64, 9))
    with pytest.raises(OSError):
        decode(png[: len(png) // 2])


def test_pixels_over_pillows_bomb_limit_stay_with_pillow(monkeypatch) -> None:
    from PIL import Image

    from devserver.snapshot import pngio

    png = png_of(page(50, 30))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    assert pngio._stored(png) is None
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    assert pngio._stored(png) is not None
