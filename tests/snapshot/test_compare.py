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
