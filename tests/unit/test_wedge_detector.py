"""Keyboard-wedge burst detection, key by key, as the GUI's event filter will drive it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from serialdesk.scanning.wedge import GS, WedgeDetector, WedgeOutcome, WedgeSettings

MS = 0.001


@dataclass
class Screen:
    """Plays the GUI's part: what the focused widget ends up showing, and the scans reported."""

    detector: WedgeDetector[int] = field(default_factory=WedgeDetector)
    typed: list[str] = field(default_factory=list)
    scans: list[str] = field(default_factory=list)
    now: float = 0.0

    def _apply(self, outcome: WedgeOutcome[int], char: str | None = None) -> None:
        self.typed.extend(key.char for key in outcome.release)
        if outcome.scan is not None:
            self.scans.append(outcome.scan)
        if char is not None and not outcome.swallow:
            self.typed.append(char)

    def press(self, char: str, at: float) -> WedgeOutcome[int]:
        self.wait_until(at)
        outcome = self.detector.key(char, at)
        self._apply(outcome, char)
        return outcome

    def wait_until(self, at: float) -> None:
        """The GUI's timer: poll at every deadline before ``at``."""
        deadline = self.detector.next_deadline()
        while deadline is not None and deadline < at:
            self._apply(self.detector.poll(deadline + MS))
            deadline = self.detector.next_deadline()
        self.now = at

    def type(self, text: str, gap: float, start: float | None = None) -> float:
        at = self.now if start is None else start
        for char in text:
            at += gap
            self.press(char, at)
        return at

    def settle(self) -> None:
        self.wait_until(self.now + 10.0)

    @property
    def field(self) -> str:
        return "".join(self.typed)


def test_a_fast_burst_ended_by_enter_is_one_scan_and_types_nothing() -> None:
    screen = Screen()
    end = screen.type("SN-0042", gap=8 * MS)
    outcome = screen.press("\r", end + 8 * MS)
    assert outcome.swallow and outcome.scan == "SN-0042"
    screen.settle()
    assert screen.scans == ["SN-0042"] and screen.field == ""


def test_a_burst_without_suffix_ends_after_120_ms_idle() -> None:
    screen = Screen()
    end = screen.type("SN-0042", gap=8 * MS)
    screen.wait_until(end + 119 * MS)
    assert screen.scans == []
    screen.wait_until(end + 125 * MS)
    assert screen.scans == ["SN-0042"] and screen.field == ""


def test_the_gs_separator_stays_in_the_scan() -> None:
    screen = Screen()
    end = screen.type(f"0109506000134352{GS}10L2406A{GS}21SN0042", gap=3 * MS)
    screen.press("\t", end + 3 * MS)
    assert screen.scans == [f"0109506000134352{GS}10L2406A{GS}21SN0042"] and screen.field == ""


def test_a_person_typing_75_ms_apart_gets_every_character_in_order() -> None:
    screen = Screen()
    screen.type("Hello, world 42", gap=75 * MS)
    screen.press("\r", screen.now + 75 * MS)
    screen.settle()
    assert screen.field == "Hello, world 42\r" and screen.scans == []


def test_three_quick_keys_are_typing_not_a_scan() -> None:
    screen = Screen()
    end = screen.type("abc", gap=10 * MS)
    screen.press("\r", end + 10 * MS)
    assert screen.field == "abc\r" and screen.scans == []


def test_a_persons_keys_are_held_at_most_the_burst_gap() -> None:
    screen = Screen()
    screen.press("a", 1.0)
    assert screen.detector.next_deadline() == pytest.approx(1.0 + 50 * MS)
    screen.wait_until(1.0 + 51 * MS + MS)
    assert screen.field == "a"


def test_a_scan_right_after_typing_is_still_a_whole_scan() -> None:
    screen = Screen()
    end = screen.type("note ", gap=90 * MS)
    end = screen.type("SN-0042", gap=5 * MS, start=end + 200 * MS)
    screen.press("\r", end + 5 * MS)
    screen.settle()
    assert screen.field == "note " and screen.scans == ["SN-0042"]


def test_a_scanner_hiccup_under_120_ms_does_not_split_a_confirmed_scan() -> None:
    screen = Screen()
    end = screen.type("SN-00", gap=5 * MS)
    end = screen.type("42", gap=5 * MS, start=end + 90 * MS)
    screen.press("\r", end + 5 * MS)
    assert screen.scans == ["SN-0042"] and screen.field == ""


def test_two_scans_in_a_row_are_two_scans() -> None:
    screen = Screen()
    end = screen.type("SN-0001", gap=5 * MS)
    screen.press("\r", end + 5 * MS)
    end = screen.type("SN-0002", gap=5 * MS, start=end + 700 * MS)
    screen.press("\r", end + 5 * MS)
    assert screen.scans == ["SN-0001", "SN-0002"] and screen.field == ""


def test_a_cr_lf_suffix_is_one_suffix() -> None:
    screen = Screen()
    end = screen.type("SN-0001", gap=5 * MS)
    screen.press("\r", end + 5 * MS)
    assert screen.press("\n", end + 7 * MS).swallow
    assert screen.scans == ["SN-0001"] and screen.field == ""


def test_another_key_releases_what_is_held_before_it_passes() -> None:
    detector: WedgeDetector[str] = WedgeDetector()
    detector.key("a", 0.0, payload="press-a")
    outcome = detector.other_key(0.02)  # e.g. Backspace 20 ms later
    assert not outcome.swallow and [k.payload for k in outcome.release] == ["press-a"]
    assert not detector.holding


def test_text_that_is_not_a_scan_character_counts_as_another_key() -> None:
    detector: WedgeDetector[None] = WedgeDetector()
    for i, char in enumerate("SN-0"):
        detector.key(char, i * 0.005)
    outcome = detector.key("\x03", 0.03)  # Ctrl+C
    assert outcome.scan == "SN-0" and not outcome.swallow


def test_flush_resolves_everything_held() -> None:
    detector: WedgeDetector[None] = WedgeDetector()
    detector.key("a", 0.0)
    assert [k.char for k in detector.flush().release] == ["a"]
    for i, char in enumerate("SN-0042"):
        detector.key(char, 1 + i * 0.005)
    assert detector.flush().scan == "SN-0042"
    assert detector.next_deadline() is None


def test_thresholds_are_settings() -> None:
    slow_scanner = WedgeSettings(min_length=6, max_gap=0.080, end_idle=0.200)
    screen = Screen(detector=WedgeDetector(slow_scanner))
    end = screen.type("ABCDE", gap=70 * MS)
    screen.settle()
    assert screen.field == "ABCDE"
    screen.type("ABCDEF", gap=70 * MS, start=end + 1.0)
    screen.settle()
    assert screen.scans == ["ABCDEF"]
    with pytest.raises(ValueError):
        WedgeSettings(max_gap=0.2, end_idle=0.1)


printable = st.characters(min_codepoint=32, max_codepoint=0x2FF, categories=("L", "M", "N", "P", "S", "Zs"))


@settings(max_examples=max(300, settings.default.max_examples), deadline=None)  # make fuzz goes deeper
@given(
    words=st.lists(st.text(printable, min_size=1, max_size=6), min_size=1, max_size=5),
    scans=st.lists(st.text(printable | st.just(GS), min_size=4, max_size=30), min_size=1, max_size=4),
    scan_gap_ms=st.floats(1, 49),
    typing_gap_ms=st.floats(75, 400),
    suffix=st.sampled_from(["\r", "\t", ""]),
)
def test_interleaved_typing_and_scans_lose_split_double_or_reorder_nothing(
    words: list[str], scans: list[str], scan_gap_ms: float, typing_gap_ms: float, suffix: str
) -> None:
    screen = Screen()
    expected_field = ""
    at = 0.0
    for word, scan in zip(words, scans, strict=False):
        at = screen.type(word, gap=typing_gap_ms * MS, start=at)
        expected_field += word
        at = screen.type(scan, gap=scan_gap_ms * MS, start=at + 300 * MS)  # nobody types 300 ms into a scan
        if suffix:
            at += scan_gap_ms * MS
            screen.press(suffix, at)
        at += 300 * MS
    screen.settle()
    assert screen.scans == scans[: len(screen.scans)] and len(screen.scans) == min(len(words), len(scans))
    assert screen.field == expected_field
