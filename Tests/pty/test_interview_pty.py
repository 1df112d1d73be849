#!/usr/bin/env python3
"""End-to-end tests of the interview on a real pseudo-terminal with real libedit.

Each test starts the built binary under pexpect (which gives it a controlling
terminal, so Ctrl-C and Ctrl-D behave as on a person's screen), types as a person
would, and checks what the screen shows and what is left on disk.
Run by scripts/test with pytest (`python3 -m pytest Tests/pty`).
"""
import glob
import json
import os
import shutil
import signal
import stat
import tempfile

import pexpect
import pytest

BIN = os.environ.get("CONCILIATION_BIN") or os.path.join(
    os.path.dirname(__file__), "..", "..", ".build", "debug", "conciliation")
TIMEOUT = 15


@pytest.fixture
def interview():
    """Starts the program on a pseudo-terminal (`Session`'s arguments); every
    session started is closed, and its folder removed, when the test ends."""
    started = []

    def start(*args, **options):
        started.append(Session(*args, **options))
        return started[-1]

    yield start
    for session in reversed(started):
        session.close()


class Session:
    """A fresh HOME and state folder, and the program on a pseudo-terminal."""

    def __init__(self, *args, home=None, colors=False):
        self.home = home or tempfile.mkdtemp(prefix="conciliation-pty-")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "XDG_STATE_HOME": os.path.join(self.home, "state"),
            "TERM": "xterm",
            "LANG": "C.UTF-8",
        }
        if not colors:
            env["NO_COLOR"] = "1"
        self.child = pexpect.spawn(BIN, list(args), env=env, encoding="utf-8",
                                   timeout=TIMEOUT, dimensions=(50, 200))

    def expect(self, text):
        self.child.expect_exact(text)

    def prompt(self):
        self.child.expect_exact("> ")

    def send(self, line):
        self.child.sendline(line)

    def sessions(self):
        return sorted(glob.glob(os.path.join(self.home, "state", "conciliation", "*.json")))

    def close(self):
        if self.child.isalive():
            self.child.kill(signal.SIGKILL)
        self.child.close(force=True)
        shutil.rmtree(self.home, ignore_errors=True)


def choose_functioning(s):
    """First question: the functioning of the caisse; waits at the next prompt."""
    s.prompt()
    s.send("4")
    s.expect("Avez-vous déjà saisi un tribunal")
    s.prompt()


def answer_functioning_until_channel(s):
    s.expect("question 1 (27 au plus)")
    s.prompt()
    s.send("4")
    s.expect("Avez-vous déjà saisi un tribunal")
    s.prompt()
    s.send("non")
    s.expect("Avez-vous déjà fait une réclamation")
    s.prompt()
    s.send("oui")
    s.expect("À quelle date avez-vous fait cette réclamation")
    s.prompt()
    s.send("02/11/2026")
    s.expect("→ lundi 2 novembre 2026")
    s.expect("Comment avez-vous fait cette réclamation")
    s.prompt()


def test_starts_at_the_first_question_in_french(interview):
    s = interview("--today", "2026-11-23")
    s.expect("Litige avec l'Assurance Maladie")
    s.expect("question 1 (27 au plus)")
    s.expect("Sur quoi porte votre désaccord avec votre caisse d'Assurance Maladie ?")
    s.expect("4. Le fonctionnement de la caisse")
    s.prompt()


def test_tab_completes_a_choice(interview):
    s = interview("--today", "2026-11-23")
    s.prompt()
    s.child.send("le f\t")
    s.expect("Le fonctionnement de la caisse (délais, accueil, horaires, dossier perdu, carte Vitale…)")
    s.child.send("\r")
    s.expect("question 2 (14 au plus)")
    s.expect("Avez-vous déjà saisi un tribunal")


def test_editing_a_word_with_an_accent(interview):
    s = interview("--today", "2026-11-23")
    answer_functioning_until_channel(s)
    # Type with a typo, erase the last character, then erase é in the middle
    # with Ctrl-B/backspace and type it again: one key per character.
    s.child.send("Téléphonx")
    s.child.send("\x7f")            # backspace
    s.child.send("e")
    s.child.send("\x01")            # Ctrl-A: start of line
    s.child.send("\x06\x06")        # Ctrl-F twice: after "Té"
    s.child.send("\x7f")            # backspace removes é, one character
    s.child.send("é")
    s.child.send("\r")
    s.expect("La caisse a-t-elle répondu")
    s.prompt()
    s.send(":réponses")
    s.expect("5. Moyen de la réclamation : Téléphone")


def test_up_arrow_recalls_a_line_of_this_session(interview):
    s = interview("--today", "2026-11-23")
    choose_functioning(s)
    s.send("peut-être")
    s.expect("Répondez oui ou non")
    s.prompt()
    s.child.send("\x1b[A")          # up arrow
    s.expect("peut-être")
    s.child.send("\x15non\r")       # Ctrl-U clears, then a right answer
    s.expect("Avez-vous déjà fait une réclamation")


def test_ctrl_c_abandons_the_line_not_the_session(interview):
    s = interview("--today", "2026-11-23")
    choose_functioning(s)
    s.child.send("xyz")
    s.expect("xyz")
    s.child.sendintr()
    s.expect("^C")
    s.prompt()
    s.send("non")
    s.expect("question 3 (14 au plus)")
    assert s.child.isalive()


def test_ctrl_d_asks_before_leaving_and_keeps_the_session(interview):
    s = interview("--today", "2026-11-23")
    choose_functioning(s)
    s.child.sendeof()
    s.expect("Quitter l'entretien ? Il reste enregistré. (o/n)")
    s.prompt()
    s.send("n")
    s.expect("Avez-vous déjà saisi un tribunal")
    s.prompt()
    s.child.sendeof()
    s.expect("(o/n)")
    s.prompt()
    s.send("o")
    s.expect("reprenez-le avec « conciliation resume »")
    s.child.expect(pexpect.EOF)
    saved = s.sessions()
    assert len(saved) == 1, saved
    assert oct(os.stat(saved[0]).st_mode & 0o777) == "0o600"


def test_killed_mid_interview_and_resumed_with_every_answer(interview):
    s = interview("--today", "2026-11-23")
    home = s.home
    answer_functioning_until_channel(s)
    s.child.kill(signal.SIGKILL)
    s.child.expect(pexpect.EOF)
    r = interview("resume", home=home)
    r.expect("1. ")
    r.expect("4 réponses")
    r.expect("Numéro à reprendre")
    r.send("1")
    r.expect("Reprise de l'entretien")
    r.expect("Comment avez-vous fait cette réclamation")
    r.prompt()
    r.send(":réponses")
    r.expect("1. Objet du litige : Le fonctionnement de la caisse")
    r.expect("2. Tribunal saisi : non")
    r.expect("3. Réclamation faite : oui")
    r.expect("4. Date de la réclamation : 02/11/2026")
    r.prompt()
    r.send("courrier")
    r.expect("La caisse a-t-elle répondu")
    r.prompt()
    r.send("1")
    r.expect("Attendez la réponse de la caisse jusqu'au")
    r.close()


def test_an_agent_takes_a_call_to_an_exported_summary(interview):
    s = interview("--today", "2026-11-23", "--audience", "agent")
    export = os.path.join(s.home, "fiche.txt")
    s.expect("Demandez : « Sur quoi porte votre désaccord avec la caisse ? »")
    s.prompt()
    for answer, next_text in [("1", "À quelle date avez-vous reçu"), ("il y a 7 semaines", "→ lundi 5 octobre 2026"),
                              ("o", "département"), ("67", "commission de la caisse"), ("1", "tribunal"),
                              ("n", "réclamation"), ("n", "Contestez")]:
        s.send(answer)
        s.expect(next_text)
    s.expect("Date limite pour contester : lundi 7 décembre 2026")
    s.expect("Résumé pour la fiche")
    s.prompt()
    s.send(":exporter " + export)
    s.expect("Exporté dans " + export)
    s.prompt()
    s.send(":quitter")
    s.child.expect(pexpect.EOF)
    text = open(export, encoding="utf-8").read()
    assert "Code :" not in text and "Résultat : Contestez" in text, text
    assert "07/12/2026" in text, text
    assert oct(os.stat(export).st_mode & 0o777) == "0o600"
    # Nothing about the caller is left but the session and the export.
    left = [os.path.relpath(os.path.join(d, f), s.home) for d, _, fs in os.walk(s.home) for f in fs]
    assert all(p == "fiche.txt" or p.startswith("state/conciliation/") for p in left), left


def test_the_next_caller_never_sees_the_last_ones_lines(interview):
    """Issue 13, 1 and 2: ↑ after :recommencer recalls nothing, and (issue 26,
    point 8) the screen and its scrollback are cleared; the letter's
    details (name, address, NIR) never enter the history; a wrong NIR is refused
    without giving the right key."""
    s = interview("--today", "2026-11-23")
    letter = os.path.join(s.home, "lettre.txt")
    choose_functioning(s)
    for answer, next_text in [("non", "réclamation"), ("oui", "À quelle date"), ("01/10/2026", "Comment"),
                              ("2", "La caisse a-t-elle répondu"), ("1", "Saisissez le médiateur")]:
        s.send(answer)
        s.expect(next_text)
    s.prompt()
    s.send(":lettre " + letter)
    for answer, next_text in [("Marie Dupont", "Votre adresse"), ("3 rue des Lilas", "numéro de sécurité sociale"),
                              ("1 84 12 76 451 089 47", "ne correspondent pas"),
                              ("1 84 12 76 451 089 46", "Votre caisse"), ("CPAM du Bas-Rhin", "Ce qui s'est passé"),
                              ("", "Pourquoi vous n'êtes pas d'accord"), ("", "Ce que vous demandez"),
                              ("", "Lettre écrite dans")]:
        s.send(answer)
        s.expect(next_text)
    s.expect("commande (:aide) > ")
    said = " ".join(s.child.before.split())
    assert "pas prête à envoyer" in said and "devrait" not in said, said
    # ↑ recalls the last command typed for this caller, never a detail of the letter.
    s.child.send("\x1b[A")
    s.expect(":lettre")
    s.child.send("\x15:recommencer\r")
    s.expect("(o/n)")
    s.send("o")
    # Issue 26, point 8: the screen and its scrollback are cleared, and it is said.
    s.expect("\x1b[H\x1b[2J\x1b[3JNouvel entretien : l'écran et tout ce qui était au-dessus ont été effacés")
    s.prompt()
    # A new caller: ↑ brings nothing back, so Enter sends an empty line.
    s.child.send("\x1b[A\r")
    s.expect("Tapez une réponse")
    seen = s.child.before
    assert "451" not in seen and "Marie" not in seen and ":lettre" not in seen, seen


def test_the_person_at_home_types_as_they_speak(interview):
    """Issue 13, 3, 5 and 6: a choice read back by its label, « Non. » with its
    full stop, « le 3 novembre » read back in words; Ctrl-D twice ends on a clean
    line; resume then tells this caller apart."""
    s = interview("--today", "2026-11-23")
    s.prompt()
    s.send("4")
    s.expect("→ Le fonctionnement de la caisse")
    s.prompt()
    s.send("Non.")
    s.expect("Avez-vous déjà fait une réclamation")
    s.prompt()
    s.send("oui")
    s.expect("À quelle date avez-vous fait cette réclamation")
    s.prompt()
    s.send("le 3 novembre")
    s.expect("→ mardi 3 novembre 2026")
    s.prompt()
    s.child.sendcontrol("d")
    s.expect("Quitter l'entretien ? Il reste enregistré. (o/n)")
    s.prompt()
    s.child.sendcontrol("d")
    s.expect("L'entretien est enregistré ; reprenez-le avec « conciliation resume ».")
    s.child.expect(pexpect.EOF)
    r = pexpect.spawn(BIN, ["resume", "--list"], env=s.child.env, encoding="utf-8", timeout=TIMEOUT)
    r.expect_exact("la personne elle-même — 4 réponses")
    r.expect_exact("Le fonctionnement de la caisse")
    r.expect_exact("Question en cours : Moyen de la réclamation")
    r.expect(pexpect.EOF)


def test_sigterm_saves_and_leaves(interview):
    s = interview("--today", "2026-11-23")
    choose_functioning(s)
    s.child.kill(signal.SIGTERM)
    s.expect("l'entretien est enregistré")
    s.child.expect(pexpect.EOF)
    saved = json.load(open(s.sessions()[0], encoding="utf-8"))
    assert saved["answers"][0] == {"question": "subject", "value": "functioning"}, saved


def test_colours_on_a_terminal_and_never_with_no_color(interview):
    s = interview("--today", "2026-11-23", colors=True)
    s.expect("\x1b[1mSur quoi porte votre désaccord")
    plain = interview("--today", "2026-11-23")
    plain.expect("Sur quoi porte votre désaccord")
    assert "\x1b[1m" not in plain.child.before, repr(plain.child.before)
    plain.prompt()
    assert "\x1b[" not in plain.child.before, repr(plain.child.before)


def test_a_quiz_of_ten_cases(interview):
    s = interview("quiz", "--count", "10", "--seed", "2026")
    s.expect("Quiz : 10 cas.")
    for n in range(1, 11):
        s.expect(f"Cas {n} sur 10")
        s.expect("Quelle recommandation ?")
        s.prompt()
        if n == 1:
            s.child.send("sai\t")          # Tab completes the label
            s.expect("Saisir le médiateur")
            s.child.send("\r")
        else:
            s.send("4")
        index = s.child.expect_exact(["Quelle est la date limite pour agir ?", "Jusqu'à quelle date attendre ?", "Réponse :"])
        if index < 2:
            s.prompt()
            s.send("hier")
            s.expect("Réponse :")
        s.expect("Pourquoi :")
    s.expect("Score : ")
    s.expect("un point par recommandation juste")
    s.expect("Par règle (cas réussis / cas) :")
    s.child.expect(pexpect.EOF)
    assert ".yaml" not in s.child.before, "cases to review are described, never named by file"


@pytest.fixture
def small_disk():
    """A home whose state folder is a 64 KiB file system, unmounted afterwards."""
    home = tempfile.mkdtemp(prefix="conciliation-full-")
    state = os.path.join(home, "state")
    os.makedirs(state)
    if os.system(f"mount -t tmpfs -o size=64k tmpfs {state} 2>/dev/null") != 0:
        raise AssertionError("could not mount a small tmpfs (the tests run as root on this machine kind)")
    yield home
    os.system(f"umount {state} 2>/dev/null")
    shutil.rmtree(home, ignore_errors=True)


def test_a_full_disk_warns_once_and_the_interview_goes_on(small_disk, interview):
    """A 64 KiB file system for the state folder, filled up mid-interview."""
    state = os.path.join(small_disk, "state")
    s = interview("--today", "2026-11-23", home=small_disk)
    choose_functioning(s)
    saved = s.sessions()
    assert len(saved) == 1, saved
    before = open(saved[0], encoding="utf-8").read()
    # Fill the disk.
    fd = os.open(os.path.join(state, "filler"), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"x" * 1024)
    except OSError:
        pass
    finally:
        os.close(fd)
    s.send("non")
    s.expect("l'entretien ne peut pas être enregistré")
    s.expect("Il continue sans sauvegarde.")
    s.prompt()
    s.send("non")
    s.expect("Faites d'abord une réclamation")
    s.prompt()
    s.send(f":exporter {state}/dossier.txt")
    s.expect("Export impossible")
    s.prompt()
    # What was saved before the disk filled up is intact, and no temporary file is left.
    assert open(saved[0], encoding="utf-8").read() == before
    json.loads(before)
    assert not [n for n in os.listdir(os.path.join(state, "conciliation")) if n.startswith(".conciliation-")]
    s.send(":quitter")
    s.child.expect(pexpect.EOF)


def test_purge_all_asks_before_deleting_an_interview_under_way(interview):
    """Issue 26, point 10: on a terminal, purge --all asks before deleting an
    unfinished interview; a no deletes nothing; the reminder about exported files
    and letters is said."""
    s = interview("--today", "2026-11-23")
    choose_functioning(s)
    s.send("non")
    s.expect("réclamation")
    s.prompt()
    s.child.sendcontrol("d")
    s.expect("Quitter l'entretien ? Il reste enregistré. (o/n)")
    s.send("o")
    s.child.expect(pexpect.EOF)
    assert len(s.sessions()) == 1, s.sessions()
    for answer, said, left in [("n", "Rien n'a été supprimé.", 1), ("o", "restent là où ils ont été écrits", 0)]:
        purge = pexpect.spawn(BIN, ["purge", "--all"], env=s.child.env, encoding="utf-8", timeout=TIMEOUT)
        purge.expect_exact("1 entretien non terminé sera supprimé aussi. Continuer ? (o/n)")
        purge.sendline(answer)
        purge.expect_exact(said)
        purge.expect(pexpect.EOF)
        purge.close()
        assert len(s.sessions()) == left, s.sessions()


