"""The same label seen again and again by a camera is one scan."""

from __future__ import annotations

import pytest

from serialdesk.scanning.debounce import Debouncer


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_same_text_within_the_window_is_one_scan() -> None:
    clock = FakeClock()
    debouncer = Debouncer(window=1.5, clock=clock)
    assert debouncer.accept("SN-1")
    clock.now += 1.4
    assert not debouncer.accept("SN-1")


def test_a_label_held_in_view_stays_one_scan_however_long_it_is_seen() -> None:
    clock = FakeClock()
    debouncer = Debouncer(window=1.5, clock=clock)
    results = []
    for _ in range(300):  # ten seconds at 30 frames a second
        results.append(debouncer.accept("SN-1"))
        clock.now += 1 / 30
    assert results.count(True) == 1


def test_the_same_label_after_it_was_out_of_sight_for_the_window_is_a_new_scan() -> None:
    clock = FakeClock()
    debouncer = Debouncer(window=1.5, clock=clock)
    assert debouncer.accept("SN-1")
    clock.now += 1.5
    assert debouncer.accept("SN-1")


def test_different_texts_do_not_debounce_each_other() -> None:
    debouncer = Debouncer(clock=FakeClock())
    assert debouncer.accept("SN-1")
    assert debouncer.accept("SN-2")
    assert not debouncer.accept("SN-1")


def test_an_explicit_time_overrides_the_clock() -> None:
    debouncer = Debouncer(window=1.5, clock=FakeClock())
    assert debouncer.accept("SN-1", now=0.0)
    assert not debouncer.accept("SN-1", now=1.0)
    assert debouncer.accept("SN-1", now=3.0)


def test_forget_lets_an_undone_scan_be_scanned_again_at_once() -> None:
    debouncer = Debouncer(clock=FakeClock())
    assert debouncer.accept("SN-1")
    debouncer.forget("SN-1")
    assert debouncer.accept("SN-1")
    debouncer.reset()
    assert debouncer.accept("SN-1")


def test_the_default_window_is_one_and_a_half_seconds_and_cannot_be_negative() -> None:
    assert Debouncer().window == 1.5
    with pytest.raises(ValueError):
        Debouncer(window=-1)
