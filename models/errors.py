"""The exception hierarchy every layer shares.

Each error carries a message written for the person using Veille (shown as-is by the CLI and
the desktop app); the traceback is only for "copy details". It lives in the lowest layer so
that ``index``, ``qa`` and ``desktop`` can all raise and catch the same types.
"""

from __future__ import annotations


class VeilleError(Exception):
    """Base class: ``str(error)`` is a complete, user-facing sentence."""


class CorpusError(VeilleError):
    """The corpus folder is missing, empty or unreadable."""


class SourceNotFound(VeilleError):
    """An article id (``source``) that the index does not know."""


class IndexMissing(VeilleError):
    """No index has been built yet for this corpus."""


class IndexMismatch(VeilleError):
    """The index on disk was built with other settings (schema, embedder, chunking)."""


class IndexCorrupt(VeilleError):
    """Index files are unreadable or inconsistent; a rebuild fixes it.

    Raised with a short ``detail`` (which file, what is wrong); the message always says the
    same two things, whatever the cause: the index is damaged, and how to rebuild it. The
    detail is squeezed onto one line, since the CLI prints the message as a single line.
    """

    def __init__(self, detail: str) -> None:
        self.detail = " ".join(str(detail).split()).rstrip(" .;")
        super().__init__(f"L'index est endommagé ({self.detail}) ; reconstruisez-le : veille index --rebuild")


class IndexWriteError(VeilleError):
    """The index folder cannot be written (disk full, permission denied, not a folder).

    Built from the ``OSError`` by :meth:`from_os`, so the reason is said in French, not as the
    C library's English ``strerror``. The previous index is left as it was.
    """

    def __init__(self, folder: object, reason: str, errno_: int | None = None) -> None:
        self.folder = str(folder)
        self.reason = reason
        self.errno = errno_
        super().__init__(f"Impossible d'écrire l'index dans {self.folder} : {reason}.")

    @classmethod
    def from_os(cls, folder: object, exc: OSError) -> "IndexWriteError":
        return cls(folder, os_reason(exc), exc.errno)


def os_reason(exc: OSError) -> str:
    """A French phrase for a file-system error (``strerror`` is in the system's language)."""
    import errno

    reasons = {
        errno.ENOSPC: "disque plein",
        errno.EDQUOT: "quota disque dépassé",
        errno.EACCES: "accès refusé",
        errno.EPERM: "accès refusé",
        errno.EROFS: "accès refusé (support en lecture seule)",
        errno.ENOENT: "fichier ou dossier introuvable",
        errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
        errno.EEXIST: "un fichier porte déjà ce nom",
        errno.ELOOP: "boucle de liens symboliques",
        errno.EISDIR: "c'est un dossier",
        errno.EIO: "erreur d'entrée-sortie du disque",
        errno.ENAMETOOLONG: "nom de fichier trop long",
        errno.EMFILE: "trop de fichiers ouverts",
    }
    if exc.errno in reasons:
        return reasons[exc.errno]
    return f"erreur système ({exc.strerror or exc})"


class ModelMissing(VeilleError):
    """A model folder or file is absent or not a usable model."""


class Cancelled(VeilleError):
    """The user stopped a long operation; not a failure, nothing was changed."""


class LLMError(VeilleError):
    """The language model could not be loaded or failed while answering (the app falls back)."""
