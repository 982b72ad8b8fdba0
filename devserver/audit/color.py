"""Colour arithmetic for the audit: compositing, WCAG 2 contrast and APCA lightness contrast.

Colours are ``(r, g, b, a)`` with channels 0-255 and alpha 0-1, as ``collect.js`` returns them.
"""

from __future__ import annotations

from collections.abc import Sequence

Color = Sequence[float]


def over(top: Color, bottom: Color) -> tuple[float, float, float, float]:
    """``top`` alpha-composited over ``bottom`` (source-over, straight alpha)."""
    a = top[3] + bottom[3] * (1 - top[3])
    if a <= 0:
        return (0.0, 0.0, 0.0, 0.0)
    r, g, b = ((top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a for i in range(3))
    return (r, g, b, a)


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: Color) -> float:
    """WCAG 2 relative luminance of an opaque sRGB colour."""
    return 0.2126 * _linear(color[0]) + 0.7152 * _linear(color[1]) + 0.0722 * _linear(color[2])


def contrast_ratio(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours, 1 to 21 (order does not matter)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


# APCA-W3 0.0.98G-4g constants, as published with the APCA reference implementation.
_TRC = 2.4
_R, _G, _B = 0.2126729, 0.7151522, 0.0721750
_NORM_BG, _NORM_TXT, _REV_TXT, _REV_BG = 0.56, 0.57, 0.62, 0.65
_BLK_THRS, _BLK_CLMP = 0.022, 1.414
_SCALE_BOW = _SCALE_WOB = 1.14
_LO_BOW_OFFSET = _LO_WOB_OFFSET = 0.027
_DELTA_Y_MIN, _LO_CLIP = 0.0005, 0.1


def _apca_y(color: Color) -> float:
    y = sum(((color[i] / 255) ** _TRC) * k for i, k in enumerate((_R, _G, _B)))
    return y if y > _BLK_THRS else y + (_BLK_THRS - y) ** _BLK_CLMP


def apca_lc(text: Color, background: Color) -> float:
    """APCA lightness contrast Lc of ``text`` on ``background`` (positive: dark text on light,
    negative: light text on dark), about -108 to 106."""
    y_txt, y_bg = _apca_y(text), _apca_y(background)
    if abs(y_bg - y_txt) < _DELTA_Y_MIN:
        return 0.0
    if y_bg > y_txt:
        sapc = (y_bg ** _NORM_BG - y_txt ** _NORM_TXT) * _SCALE_BOW
        out = 0.0 if sapc < _LO_CLIP else sapc - _LO_BOW_OFFSET
    else:
        sapc = (y_bg ** _REV_BG - y_txt ** _REV_TXT) * _SCALE_WOB
        out = 0.0 if sapc > -_LO_CLIP else sapc + _LO_WOB_OFFSET
    return out * 100


def is_large(font_size: float, font_weight: int) -> bool:
    """WCAG's large text: at least 18pt (24px), or 14pt (18.66px) bold."""
    return font_size >= 24 or (font_size >= 18.66 and font_weight >= 700)


def css(color: Color) -> str:
    """``#rrggbb``, with the alpha as ``#rrggbbaa`` when it is not opaque."""
    r, g, b = (max(0, min(255, round(c))) for c in color[:3])
    a = color[3] if len(color) > 3 else 1
    return f"#{r:02x}{g:02x}{b:02x}" + ("" if a >= 0.999 else f"{round(a * 255):02x}")


def same(a: Color, b: Color, tolerance: float = 1.5) -> bool:
    """Whether two colours are the same, channel rounding aside."""
    return all(abs(x - y) <= tolerance for x, y in zip(a[:3], b[:3])) and abs(a[3] - b[3]) <= 0.01
