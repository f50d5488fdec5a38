"""Stories: articles about the same event grouped across outlets and languages.

One module per part: ``dedup`` (MinHash wire-copy links), ``features`` and ``cluster``
(incremental single-pass story assignment), ``settle`` (publication years settled from the
story), ``timeline`` (dated happenings with corroboration) and ``compare`` (who reports what).
"""
