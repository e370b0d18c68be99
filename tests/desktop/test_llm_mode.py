"""The answering modes in the window: extractive without a model, a local LLM streaming into the
view with Stop, the fallback to extractive with its notice, unsourced sentences, load failures.

The LLM is the tiny random GGUF of tests/llm run by the real llama-cpp-python: its text is noise,
so it never cites a passage verifiably and every finished answer falls back to extractive.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.settings import MODES, Preferences, Settings
from tests.conftest import SAMPLE_CORPUS
from tests.desktop.conftest import LECOINTRE

#: The tiny model reads about one token per character: a larger prompt budget than real models.
TINY = {"n_ctx": 4096, "n_threads": 1, "max_tokens": 2500, "temperature": 0.0, "prompt_tokens": 1200}


def type_question(qtbot, window, question: str) -> None:
    window.question.clear()
    window.question.setFocus()
    window.question.insert(question)
    qtbot.keyClick(window.question, Qt.Key.Key_Return)


def test_without_a_model_the_status_bar_says_extractive(qtbot, make_window, index_copy, llm_discovery) -> None:
    window = make_window(SAMPLE_CORPUS, index_copy)
    assert window.mode_label.text() == "Mode extractif : aucun modèle de langue trouvé"
    assert "extraites des articles" in window.mode_label.toolTip()
    assert window.core.answerer.mode == "extractive"
    llm_item = window.mode_box.model().item(MODES.index("llm"))
    assert not llm_item.isEnabled() and "Indisponible" in llm_item.toolTip()
    assert window.mode_box.currentData() == "auto"

    from tests.desktop.conftest import ask

    answer = ask(qtbot, window, LECOINTRE)
    assert answer.mode == "extractive" and not answer.abstained
    assert not window.stop_button.isVisible()
    # The ordinary « no model » notice is in the status bar, not repeated on every answer.
    assert "Mode extractif" not in window.answer_view.toPlainText()


def test_llm_streams_stops_and_falls_back_with_a_notice(qtbot, make_window, index_copy, tmp_path: Path,
                                                        tiny_gguf_file: Path, llm_discovery) -> None:
    from qa.llm_answerer import NOTICE_NO_CITATION

    from desktop.main_window import NOTICE_STOPPED

    Settings(tmp_path / "desktop.ini").save_preferences(
        Preferences(llm_model=str(tiny_gguf_file), mode="llm", llm=dict(TINY)))
    window = make_window(SAMPLE_CORPUS, index_copy)
    assert window.core.answerer.mode == "llm"
    assert window.mode_label.text() == "Mode : modèle de langue (tiny-llama.gguf)"
    assert window.mode_box.currentData() == "llm"
    assert window.mode_box.model().item(MODES.index("llm")).isEnabled()

    # Tokens stream into the view, the Stop button shows, and Esc stops within a fraction of a second.
    tokens: list[str] = []
    window.token_shown.connect(tokens.append)
    type_question(qtbot, window, LECOINTRE)
    qtbot.waitUntil(lambda: len("".join(tokens)) > 40, timeout=20_000)
    assert window.stop_button.isVisible() and window.answer_view.state == "streaming"
    qtbot.waitUntil(lambda: "Le modèle rédige" in window.answer_view.toPlainText(), timeout=2000)
    preview = window.answer  # the extractive answer shown while the model writes
    assert preview is not None and preview.mode == "extractive" and "En attendant" in window.answer_view.toPlainText()
    shown = window.answer_view.draft
    assert shown.strip() and shown.startswith("".join(tokens)[:20])
    t0 = time.perf_counter()
    with qtbot.waitSignal(window.generation_stopped, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.read_queue.busy, timeout=1000)
    stopped_in = time.perf_counter() - t0
    assert stopped_in < 0.5, stopped_in
    assert not window.stop_button.isVisible()
    assert window.answer_view.state == "answered"
    text = window.answer_view.toPlainText().replace("\u00a0", " ")
    assert NOTICE_STOPPED in text and preview.text.split(" [1]")[0] in text
    assert window.answer.citation(1) is not None  # its citations still open the source

    # Settings change: the model is released and loaded again with them, on the index queue.
    n_tokens = len(tokens)
    prefs = replace(window.prefs, llm={**TINY, "max_tokens": 24})
    with qtbot.waitSignal(window.mode_changed, timeout=20_000, check_params_cb=lambda st: st.active == "llm"):
        window.apply_preferences(prefs)
    assert window.core.answerer.model.config.max_tokens == 24
    assert Settings(tmp_path / "desktop.ini").preferences().llm["max_tokens"] == 24  # kept across restarts

    # The random model cites nothing verifiably: the final answer is extractive, with the notice shown.
    with qtbot.waitSignal(window.answer_shown, timeout=30_000) as blocker:
        type_question(qtbot, window, LECOINTRE)
    answer = blocker.args[0]
    assert len(tokens) > n_tokens  # it did stream
    assert answer.mode == "extractive" and NOTICE_NO_CITATION in answer.notices
    assert NOTICE_NO_CITATION in window.answer_view.toPlainText().replace("\u00a0", " ")
    assert window.answer_view.state == "answered" and not window.stop_button.isVisible()


def test_switching_mode_and_a_model_that_fails_to_load(qtbot, make_window, index_copy, tmp_path: Path,
                                                       tiny_gguf_file: Path, llm_discovery) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(tiny_gguf_file.read_bytes()[:4096])  # a GGUF header, truncated tensors
    Settings(tmp_path / "desktop.ini").save_preferences(Preferences(llm_model=str(broken), mode="auto"))
    window = make_window(SAMPLE_CORPUS, index_copy)
    assert window.core.answerer.mode == "extractive"
    assert "n'a pas pu être chargé" in window.mode_label.text()
    assert window.error_banner.isVisible() and "extractives" in window.error_banner.label.text()

    # The window keeps working: choosing « Extractif » is saved and says so.
    with qtbot.waitSignal(window.mode_changed, timeout=20_000):
        window.mode_box.setCurrentIndex(MODES.index("extractive"))
        window.mode_box.activated.emit(MODES.index("extractive"))
    assert window.mode_label.text() == "Mode : extractif"
    assert Settings(tmp_path / "desktop.ini").mode() == "extractive"


def test_unsupported_sentences_are_styled_unsourced() -> None:
    from desktop.answer_view import UNSOURCED, answer_html
    from qa.answer import Answer, Citation

    answer = Answer("Q ?", "Lecointre a appelé Guerassimov [1]. Il faisait beau.", False, "llm",
                    [Citation(1, "a.txt", "Titre", 0, 10, "Lecointre a appelé.")],
                    unsupported=["Il faisait beau."], notices=["Certaines phrases ne sont pas appuyées."])
    out = answer_html(answer, {})
    assert '<span class="unsourced">Il faisait beau.</span>' in out and UNSOURCED in out
    assert '<a href="cite:1">[1]</a>' in out and 'class="notice">Certaines phrases' in out
    assert out.index("Guerassimov") < out.index("unsourced")


def test_markdown_marks_unsourced_sentences() -> None:
    from desktop.markdown import answer_markdown
    from qa.answer import Answer

    answer = Answer("Q ?", "Vrai [1]. Inventé.", False, "llm", unsupported=["Inventé."], notices=["Note."])
    md = answer_markdown(answer)
    assert "Vrai [1]. _Inventé._ (non sourcé)" in md and "> Note." in md
