"""The rebinding rule: what a config file's [keys] may and may not take."""

from __future__ import annotations

import pytest

from tui1on1.domain.keymap import KeyScope, check_keymap

INPUT_KEYS = {
    "ctrl+e": "the notes input uses it to move to the end of the line",
    "ctrl+a": "the notes input uses it to move to the start of the line",
    "ctrl+k": "the notes input uses it to delete to the end of the line",
    "left": "the notes input uses it to move left",
}
MEETING_TYPING = KeyScope(
    name="the meeting screen",
    bindings={
        "ask": ("ctrl+g",),
        "why": ("ctrl+y",),
        "next_prompt": ("ctrl+n",),
        "end_meeting": ("ctrl+o",),
        "toggle_career": ("f2",),
        "help": ("f1",),
        "quit": ("ctrl+q",),
    },
    reserved={**INPUT_KEYS, "ctrl+p": "it opens the command palette"},
    typist="the notes input",
)
MEETING_LIST = KeyScope(
    name="the meeting screen",
    bindings={
        "ask": ("ctrl+g",),
        "why": ("ctrl+y",),
        "next_prompt": ("ctrl+n",),
        "end_meeting": ("ctrl+o",),
        "toggle_career": ("f2",),
        "edit_note": ("e",),
        "delete_note": ("d",),
        "help": ("f1",),
        "quit": ("ctrl+q",),
    },
    reserved={"down": "the notes list uses it to move down"},
)
HOME = KeyScope(
    name="home",
    bindings={
        "home_meet": ("m",),
        "home_add": ("a",),
        "home_edit": ("e",),
        "help": ("f1",),
        "quit": ("ctrl+q",),
    },
    reserved={"enter": "the people table uses it to open the highlighted row"},
)
SCOPES = [MEETING_TYPING, MEETING_LIST, HOME]


def check(**wanted: str):
    return check_keymap({k: v.split(",") for k, v in wanted.items()}, SCOPES)


@pytest.mark.parametrize(
    ("wanted", "keymap", "problems"),
    [
        # free keys are taken as asked
        ({"ask": "f5"}, {"ask": ("f5",)}, []),
        ({"ask": "ctrl+g,f5"}, {"ask": ("ctrl+g", "f5")}, []),
        ({"home_add": "n"}, {"home_add": ("n",)}, []),
        # the default again: nothing to change, nothing to say
        ({"ask": "ctrl+g"}, {}, []),
        # a key the notes input edits with
        (
            {"end_meeting": "ctrl+e"},
            {},
            [
                '"end_meeting" can\'t use ctrl+e: the notes input uses it to move to the '
                "end of the line; keeping ctrl+o"
            ],
        ),
        # one bad key refuses the whole rebinding
        (
            {"ask": "f5,ctrl+k"},
            {},
            [
                '"ask" can\'t use ctrl+k: the notes input uses it to delete to the end of '
                "the line; keeping ctrl+g"
            ],
        ),
        # a printable key would be typed into the notes
        ({"ask": "g"}, {}, ['"ask" can\'t use g: the notes input types it; keeping ctrl+g']),
        # the command palette's key
        (
            {"why": "ctrl+p"},
            {},
            ['"why" can\'t use ctrl+p: it opens the command palette; keeping ctrl+y'],
        ),
        # a key another binding on the same screen holds
        (
            {"ask": "ctrl+n"},
            {},
            [
                '"ask" can\'t use ctrl+n: "next_prompt" uses it on the meeting screen; '
                "keeping ctrl+g"
            ],
        ),
        (
            {"ask": "f2"},
            {},
            ['"ask" can\'t use f2: "toggle_career" uses it on the meeting screen; keeping ctrl+g'],
        ),
        # app-level bindings are on every screen
        (
            {"help": "m"},
            {},
            ['"help" can\'t use m: the notes input types it; keeping f1'],
        ),
        (
            {"help": "ctrl+o"},
            {},
            ['"help" can\'t use ctrl+o: "end_meeting" uses it on the meeting screen; keeping f1'],
        ),
        # the same key on two different screens is fine
        ({"home_edit": "d"}, {"home_edit": ("d",)}, []),
        # a key a list uses, on the screen where that list has the focus
        (
            {"home_meet": "enter"},
            {},
            [
                '"home_meet" can\'t use enter: the people table uses it to open the '
                "highlighted row; keeping m"
            ],
        ),
        # unknown ids, with a suggestion when one is close
        (
            {"end_meting": "f9"},
            {},
            ['there is no key binding "end_meting" (did you mean "end_meeting"?); ignored'],
        ),
        ({"frobnicate": "f9"}, {}, ['there is no key binding "frobnicate"; ignored']),
        ({"ask": ""}, {}, ['"ask" has no key; keeping ctrl+g']),
    ],
)
def test_one_rebinding(wanted, keymap, problems):
    result = check(**wanted)
    assert result.keymap == keymap
    assert result.problems == problems


def test_two_bindings_can_swap_keys():
    result = check(ask="ctrl+y", why="ctrl+g")
    assert result.keymap == {"ask": ("ctrl+y",), "why": ("ctrl+g",)}
    assert result.problems == []


def test_two_rebindings_to_one_key_the_later_gives_way():
    result = check(ask="f5", why="f5")
    assert result.keymap == {"ask": ("f5",)}
    assert result.problems == [
        '"why" can\'t use f5: "ask" uses it on the meeting screen; keeping ctrl+y'
    ]


def test_a_refusal_that_puts_a_default_back_refuses_what_took_that_default():
    # ask gives up ctrl+g for ctrl+n, which next_prompt keeps (refused), so
    # ask keeps ctrl+g: and why, which wanted ctrl+g, must give way too.
    result = check(why="ctrl+g", ask="ctrl+n")
    assert result.keymap == {}
    assert result.problems == [  # in the file's order
        '"why" can\'t use ctrl+g: "ask" uses it on the meeting screen; keeping ctrl+y',
        '"ask" can\'t use ctrl+n: "next_prompt" uses it on the meeting screen; keeping ctrl+g',
    ]


def test_everything_wrong_at_once_is_all_reported_and_the_good_kept():
    result = check(end_meeting="ctrl+e", ask="ctrl+n", end_meting="f9", home_add="n")
    assert result.keymap == {"home_add": ("n",)}
    assert len(result.problems) == 3
    assert [p.split(" ")[0] for p in result.problems] == ['"end_meeting"', '"ask"', "there"]
