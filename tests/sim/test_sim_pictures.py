"""The embedded server shown pictures by a raw client: it decodes them (as the API must) and says
what it got; a data URI that is not a PNG or JPEG, or bytes that are not one, is an error naming
the field, and nothing is added to the conversation."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from assistant.pictures.prepare import prepare
from assistant.realtime.events import user_picture
from assistant.realtime.redact import summarize
from tests import oracle
from tests.sim.test_sim_protocol import raw_client


def dark_screen(width: int, height: int) -> str:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#181818"))
    return prepare(image).data_uri()


async def test_a_picture_is_decoded_and_answered_with_its_size(sim):
    client = await raw_client(sim.url)
    event = user_picture(dark_screen(1280, 800), "high", "what is this?", "pic_1")
    oracle.validate(event, "client")                    # the SDK's types take what we send
    await client.send(event)
    added = (await client.next("conversation.item.added"))["item"]
    assert added["id"] == "pic_1" and added["content"][1]["type"] == "input_image"
    await client.send({"type": "response.create", "response": {"output_modalities": ["text"]}})
    text = (await client.next("response.output_text.done"))["text"]
    assert text == 'I see a 1280 × 800 picture, mostly dark. You said: "what is this?".'


async def test_what_is_not_a_png_or_jpeg_is_refused_by_field(sim):
    client = await raw_client(sim.url)
    bad = {"data:image/gif;base64,R0lGODlhAQABAAAAACw=": "invalid_value",
           "data:image/png;base64,bm90IGEgcGljdHVyZQ==": "invalid_image",
           "data:image/png;base64,***": "invalid_image"}
    for number, (uri, code) in enumerate(bad.items()):
        await client.send({"type": "conversation.item.create", "event_id": f"e{number}",
                           "item": {"type": "message", "role": "user", "content": [
                               {"type": "input_text", "text": "look"},
                               {"type": "input_image", "image_url": uri}]}})
        error = (await client.next("error"))["error"]
        assert (error["event_id"], error["code"]) == (f"e{number}", code)
        assert error["param"] == "item.content[1].image_url"
    await client.send({"type": "conversation.item.create", "item": {
        "type": "message", "role": "user", "content": [
            {"type": "input_image", "image_url": dark_screen(64, 64), "detail": "huge"}]}})
    assert (await client.next("error"))["error"]["param"].endswith("detail")
    await client.send({"type": "response.create", "response": {"output_modalities": ["text"]}})
    text = (await client.next("response.output_text.done"))["text"]
    assert text.startswith("Hello!")                    # nothing was added: a greeting


def test_a_picture_is_summarised_for_the_inspector_and_the_log():
    event = user_picture(dark_screen(320, 200), "auto")
    shown = summarize(event)["item"]["content"][0]["image_url"]
    assert shown.startswith("<image/png, ") and shown.endswith(" bytes>")
