"""Enrichment: entities, quotes, numbers and date mentions as spans into ``Article.text``.

Each annotation layer lives in its own module and exposes one plain function that returns
``list[Span]`` (``newsweave.model.Span``: character offsets into the text, a label, and JSON
attributes that point at other text by ``[start, end]`` offsets, never by copied strings):

- ``entities.find_entities``   layer ``entities``  (needs a spaCy pipeline)
- ``quotes.find_quotes``       layer ``quotes``    (needs a spaCy pipeline and the entities)
- ``numbers.find_numbers``     layer ``numbers``   (digits work in any language)
- ``timex.find_dates``         layer ``dates``     (numeric dates work in any language)

Layer modules do not import each other; ``annotate`` wires them together. spaCy pipelines
are loaded once per process by ``Nlp`` (lazily, per language) and documents are batched with
``nlp.pipe``. For a language without a pipeline the language-independent parts still run,
and ``Article.stages`` records what ran.
"""
