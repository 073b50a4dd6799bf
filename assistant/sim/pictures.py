"""What the demo server sees in a picture: its size and whether it is mostly dark or light.

A real model describes the picture; the demo decodes it (as the real server must) and says what
it got, so the whole path from capture to reply runs offline and a test can check the size.
"""

from __future__ import annotations

import base64
import binascii

from assistant.sim.errors import RequestError

KINDS = ("data:image/png;base64,", "data:image/jpeg;base64,")


def look(image_url: str, param: str) -> str:
    """"a 1280 × 800 picture, mostly dark"; RequestError for what is not a PNG or JPEG."""
    from assistant.pictures.prepare import PictureError, lightness, read_image

    if not image_url.startswith(KINDS):
        raise RequestError("Invalid image_url: expected a data URI of a PNG or JPEG image "
                           "(data:image/png;base64,...).", "invalid_value", param)
    try:
        raw = base64.b64decode(image_url.partition(",")[2], validate=True)
        image = read_image(raw)
    except (binascii.Error, PictureError) as exc:
        raise RequestError(f"Invalid image data: {exc}", "invalid_image", param) from None
    return f"a {image.width()} × {image.height()} picture, mostly {lightness(image)}"


def pictures_in(item: dict[str, object], param: str = "item.content") -> list[str]:
    """What each input_image part of a user message shows, in order."""
    content = item.get("content") if item.get("type") == "message" else None
    return [look(str(part.get("image_url", "")), f"{param}[{index}].image_url")
            for index, part in enumerate(content if isinstance(content, list) else [])
            if isinstance(part, dict) and part.get("type") == "input_image"]
