"""Thin runtime wrappers around the models Veille uses (embedder, later the LLM).

Nothing here loads a model at import time: every wrapper loads in an explicit ``load()``.
"""
