"""A reply that fails or ends early is said in the window, never silent: a passing server error
is retried once by itself, other failures offer Retry, and the conversation goes on."""

from __future__ import annotations

from assistant.app.conversation import reply_outcome
from assistant.sim import SimServer
from assistant.sim.faults import Faults
from tests.helpers import WireLog, until
from tests.oracle import validate

KEY = "sk-test-replies-0123456789"


async def talk(make_shell, memory_keyring, server, text="what is the time"):
    server.on_wire = server.wire = WireLog()     # every event, checked at the end of each test
    memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
    shell = await make_shell("--base-url", server.url, "--connect")
    c = shell.controller
    await until(lambda: c.session is not None and c.session.configured, message="connected")
    creates: list[dict] = []
    c.session.sent_listeners.append(
        lambda event: creates.append(event) if event["type"] == "response.create" else None)
    c.send_text(text)
    return shell, creates


def transcript(shell) -> str:
    return shell.window.transcript.toPlainText()


async def test_a_passing_server_error_is_retried_once_and_the_reply_plays(
        make_shell, memory_keyring):
    async with SimServer(speed=20, faults=Faults(fail_response=1)) as server:
        shell, creates = await talk(make_shell, memory_keyring, server)
        await until(lambda: 'You said: "what is the time"' in transcript(shell), message="reply")
        assert "server error, code server_error" in transcript(shell)
        assert "Asking once more" in transcript(shell)
        assert len(creates) == 2 and not shell.window.pane.reply_banner.isVisible()
        for event in creates:
            validate(event, "client")
        assert "response.done" in server.wire.types("out") and server.wire.check()


async def test_a_failure_that_stays_offers_retry_and_retry_gets_the_reply(
        make_shell, memory_keyring):
    async with SimServer(speed=20, faults=Faults(fail_response=1, fail_times=2)) as server:
        shell, creates = await talk(make_shell, memory_keyring, server)
        banner = shell.window.pane.reply_banner
        await until(lambda: banner.isVisible(), message="the failure said")
        assert "server error" in banner.text() and "Retry" in banner.text()
        assert len(creates) == 2                       # the one automatic retry, no more
        banner.linkActivated.emit("retry")
        await until(lambda: 'You said: "what is the time"' in transcript(shell), message="reply")
        assert len(creates) == 3 and not banner.isVisible()
        server.wire.check()


async def test_a_rate_limit_and_an_empty_quota_are_said_and_not_retried_by_themselves(
        make_shell, memory_keyring):
    for code, words in (("rate_limit_exceeded", "limiting how fast this key may ask"),
                        ("insufficient_quota", "quota is used up")):
        async with SimServer(speed=20, faults=Faults(fail_response=1, fail_code=code)) as server:
            shell, creates = await talk(make_shell, memory_keyring, server)
            banner = shell.window.pane.reply_banner
            await until(banner.isVisible, message=code)
            assert words in banner.text() and len(creates) == 1
            shell.controller.send_text("and now?")         # the conversation goes on
            await until(lambda s=shell: 'You said: "and now?"' in transcript(s), message="goes on")
            server.wire.check()


async def test_a_failed_transcription_is_said_on_the_users_turn_and_the_reply_comes(
        make_shell, memory_keyring):
    from tests.helpers import speech
    from tests.ui.conftest import mic_pcm
    async with SimServer(speed=20, faults=Faults(fail_transcription=1)) as server:
        server.on_wire = server.wire = WireLog()
        memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
        shell = await make_shell("--base-url", server.url, "--connect", "--mode", "server_vad")
        c = shell.controller
        await until(lambda: c.session is not None and c.session.configured)
        shell.fake.stream("input").push(mic_pcm(speech("hello there")))
        await until(lambda: "not written down: The audio could not be transcribed."
                    in transcript(shell), message="said on the turn")
        await until(lambda: "I heard" in transcript(shell), message="the reply still comes")
        server.wire.check()


async def test_a_rate_limit_running_low_is_shown(make_shell, memory_keyring):
    async with SimServer(speed=20, faults=Faults(requests_left=12)) as server:
        shell, _creates = await talk(make_shell, memory_keyring, server)
        await until(lambda: "Rate limit: 12 of 5000 requests left"
                    in shell.window.statusBar().currentMessage(), message="the hint")
        server.wire.check()


def test_each_way_a_reply_can_end_has_a_sentence():
    def done(status, **details):
        return {"status": status, "status_details": {"type": status, **details}}
    cut = reply_outcome.of(done("incomplete", reason="max_output_tokens"))
    assert cut is not None and not cut.failed and "output tokens" in cut.sentence
    filtered = reply_outcome.of(done("incomplete", reason="content_filter"))
    assert filtered is not None and "content filter" in filtered.sentence
    odd = reply_outcome.of(done("failed", error={"type": "invalid_request_error", "code": "x"}))
    assert odd is not None and odd.failed and not odd.transient and "code x" in odd.sentence
    assert reply_outcome.of(done("cancelled", reason="turn_detected")) is None
    assert reply_outcome.of({"status": "completed"}) is None
    assert reply_outcome.of({"status": "failed", "status_details": "junk"}) is not None
