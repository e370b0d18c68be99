from index.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "M. Le Drian a vu Mme Dupont et le gén. Lecointre à Moscou. Ensuite il est parti."
    assert sentences(text) == ["M. Le Drian a vu Mme Dupont et le gén. Lecointre à Moscou.", "Ensuite il est parti."]


def test_numbers_with_points_stay_whole() -> None:
    text = "Près de 2.900 Russes combattent. Le taux est de 3.5 %."
    assert sentences(text) == ["Près de 2.900 Russes combattent.", "Le taux est de 3.5 %."]


def test_closing_guillemets_stay_with_their_sentence() -> None:
    text = "Il a dit « c'est fini. » Puis il est parti. «On verra», a-t-il ajouté."
    assert sentences(text) == ["Il a dit « c'est fini. »", "Puis il est parti.", "«On verra», a-t-il ajouté."]


def test_initials_and_question_marks() -> None:
    text = "J.-C. Juncker arrive. Est-ce au Levant? (…) Il faut voir."
    assert sentences(text) == ["J.-C. Juncker arrive.", "Est-ce au Levant?", "(…) Il faut voir."]


def test_newline_always_ends_a_sentence() -> None:
    text = "Un titre sans point\n\nLe corps de l'article. Suite"
    assert sentences(text) == ["Un titre sans point", "Le corps de l'article.", "Suite"]


def test_lowercase_after_point_is_not_a_boundary() -> None:
    assert sentences("Des armes, des blindés, etc. et des munitions.") == ["Des armes, des blindés, etc. et des munitions."]


def test_unpunctuated_text_is_cut_at_word_boundaries() -> None:
    text = " ".join(f"mot{i}" for i in range(1000))
    spans = split_sentences(text, max_words=120)
    assert all(len(text[s:e].split()) <= 120 for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text
