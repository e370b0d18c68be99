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
    """Index files are unreadable or inconsistent; a rebuild fixes it."""


class ModelMissing(VeilleError):
    """A model folder or file is absent or not a usable model."""


class Cancelled(VeilleError):
    """The user stopped a long operation; not a failure, nothing was changed."""


class LLMError(VeilleError):
    """The language model could not be loaded or failed while answering (the app falls back)."""
