"""Enrichment: entities, quotes, numbers and date mentions as spans into ``Article.text``.

Each annotation layer lives in its own module and exposes one plain function that returns
``list[Span]`` (``newsweave.model.Span``: character offsets into the text, a label, and JSON
attributes that point at other text by ``[start, end]`` offsets, never by copied strings):

- ``entities.find_entities``   layer ``entities``
- ``quotes.find_quotes``       layer ``quotes``
- ``numbers.find_numbers``     layer ``numbers``
- ``timex.find_dates``         layer ``dates``

Layer modules do not import each other; this package wires them together.
"""
