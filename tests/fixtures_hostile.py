"""Files the tests write themselves: a saved news page, PDFs (multi-page, scanned, encrypted,
damaged) and hostile text files. Nothing here is downloaded; every fixture is small and made
on the fly, so the tests say exactly what each file contains.
"""

from __future__ import annotations

import io
from pathlib import Path

#: Paragraphs of the article body in :func:`news_page`, checked verbatim by the tests.
NEWS_BODY = [
    "La Cour des comptes a publié mardi un rapport sévère sur la gestion des barrages hydroélectriques "
    "du Massif central, dont plusieurs ouvrages n'ont pas été inspectés depuis plus de dix ans.",
    "Selon les magistrats, sept barrages sur les trente-deux examinés présentent des fissures qui "
    "auraient dû entraîner des travaux d'urgence, pour un coût estimé à 48 millions d'euros.",
    "« Nous avons constaté un retard considérable dans le suivi des ouvrages les plus anciens », "
    "a déclaré le président de la troisième chambre, Bernard Vialle, lors d'une conférence de presse.",
    "Le ministère de la Transition écologique a répondu qu'un plan de rénovation serait présenté "
    "avant la fin de l'année, avec un calendrier précis pour chaque ouvrage concerné.",
    "Les élus locaux, qui réclament depuis longtemps une expertise indépendante, ont salué la "
    "publication du rapport tout en regrettant l'absence de financement nouveau pour les communes.",
]
NEWS_TITLE = "Barrages du Massif central : la Cour des comptes alerte sur l'entretien"
NAV_WORDS = "Abonnez-vous à notre offre numérique Rubriques Politique Économie Sport"
AD_TEXT = "Profitez de -50 % sur les aspirateurs Turbo3000 chez Brico Géant"
COMMENT_TEXT = "Scandaleux, encore un rapport qui finira dans un tiroir, signé Toto63"


def news_page(charset: str = "utf-8") -> bytes:
    """A realistic saved article page: navigation, header, adverts, body, comments, footer."""
    paragraphs = "\n".join(f"      <p>{p}</p>" for p in NEWS_BODY)
    html = f"""<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="{charset}">
  <title>{NEWS_TITLE} - La Gazette du Centre</title>
  <meta property="og:title" content="{NEWS_TITLE}">
  <meta property="og:site_name" content="La Gazette du Centre">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="2024-03-12T08:30:00+01:00">
  <meta property="article:modified_time" content="2024-03-13T10:00:00+01:00">
  <meta name="author" content="Claire Dumont">
  <link rel="canonical" href="https://www.gazette-centre.example/economie/barrages-cour-des-comptes">
</head>
<body>
  <header class="site-header">
    <nav class="main-nav"><ul>
      <li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
      <li><a href="/economie">Économie</a></li><li><a href="/sport">Sport</a></li>
      <li><a href="/abonnement">{NAV_WORDS}</a></li>
    </ul></nav>
  </header>
  <div class="ad-banner advertisement" id="pub-top"><a href="https://ads.example/x">{AD_TEXT}</a></div>
  <main>
    <article class="article">
      <h1 class="article-title">{NEWS_TITLE}</h1>
      <p class="byline">Par <span class="author">Claire Dumont</span> —
        <time datetime="2024-03-12T08:30:00+01:00">12 mars 2024</time></p>
{paragraphs}
      <aside class="ad advertisement"><p>{AD_TEXT}</p></aside>
    </article>
    <section id="comments" class="comments">
      <h2>Commentaires</h2>
      <div class="comment"><p>{COMMENT_TEXT}</p></div>
      <div class="comment"><p>Réponse de Marcel : tout à fait d'accord avec vous, c'est un scandale national.</p></div>
    </section>
  </main>
  <footer class="site-footer"><p>© 2024 La Gazette du Centre — Mentions légales — Contact</p></footer>
</body>
</html>
"""
    return html.encode(charset)


def pdf_pages(pages: list[list[str]], title: str | None = None, author: str | None = None) -> bytes:
    """A text PDF: each page a list of paragraphs (fpdf2 wraps the lines)."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_font("helvetica", size=11)
    for paragraphs in pages:
        pdf.add_page()
        for para in paragraphs:
            pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """Two pages with no text layer: a raster image and vector drawings, like a scan."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 300), "white")
    draw = ImageDraw.Draw(img)
    for y in range(20, 280, 14):
        draw.line((20, y, 380, y), fill="black", width=3)  # looks like lines of print
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buf, x=10, y=10, w=190)
    pdf.add_page()
    for y in range(20, 270, 8):
        pdf.line(15, y, 195, y)
    pdf.rect(10, 10, 190, 277)
    return bytes(pdf.output())


def encrypted_pdf(source: bytes, password: str = "secret", algorithm: str = "AES-256") -> bytes:
    """``source`` re-written with a user password (pypdf; AES needs ``cryptography``)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_sparse(path: Path, size: int) -> None:
    """A large file that costs no disk space (a hole), for the size limit."""
    with open(path, "wb") as fh:
        fh.write("Début d'un très gros fichier.\n".encode())
        fh.truncate(size)
