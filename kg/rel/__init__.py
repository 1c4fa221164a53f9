"""Relation extraction internals: pattern loading, mention index, argument-linking frames,
structural rules (titles, possessives, place apposition), bridging and dependency patterns.

The spaCy component that ties them together is :mod:`kg.components.relations`.
"""
