"""The audit's colour arithmetic against published reference values: WCAG 2's contrast ratio
(black on white 21:1, the 4.5:1 grey #767676) and APCA-W3 0.0.98G's Lc (the reference
implementation's test pairs), compositing, and WCAG's large text."""

from __future__ import annotations

import pytest

from devserver.audit.color import apca_lc, contrast_ratio, css, is_large, over

WHITE, BLACK = (255, 255, 255, 1), (0, 0, 0, 1)
GREY_88 = (0x88, 0x88, 0x88, 1)


def test_wcag_ratio_extremes_and_the_aa_grey() -> None:
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, WHITE) == pytest.approx(1.0)
    assert contrast_ratio((0x76, 0x76, 0x76, 1), WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio((0x77, 0x77, 0x77, 1), WHITE) < 4.5


@pytest.mark.parametrize(("text", "background", "lc"), [
    (BLACK, WHITE, 106.04067),
    (WHITE, BLACK, -107.88473),
    (GREY_88, WHITE, 63.05647),
    (WHITE, GREY_88, -68.54146),
    (BLACK, (0xAA, 0xAA, 0xAA, 1), 58.14626),
    ((0xAA, 0xAA, 0xAA, 1), BLACK, -56.24113),
])
def test_apca_lc_matches_the_reference_pairs(text, background, lc) -> None:
    assert apca_lc(text, background) == pytest.approx(lc, abs=0.001)


def test_apca_is_zero_for_near_identical_colours() -> None:
    assert apca_lc((100, 100, 100, 1), (100, 100, 100, 1)) == 0


def test_over_composites_straight_alpha() -> None:
    assert over((0, 0, 0, 0.6), WHITE)[:3] == pytest.approx((102, 102, 102))
    assert over((0, 0, 0, 0), (10, 20, 30, 1)) == pytest.approx((10, 20, 30, 1))
    assert css(over((255, 0, 0, 0.5), (0, 0, 255, 1))) == "#800080"


def test_large_text_is_24px_or_18_66px_bold() -> None:
    assert is_large(24, 400) and is_large(18.66, 700)
    assert not is_large(23.9, 400) and not is_large(18.66, 600) and not is_large(18, 700)
