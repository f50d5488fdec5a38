# Types of the compiled module built from _fastlines.c (see there).
from typing import Any

def forest_leaves(
    x: Any,
    feature: Any,
    threshold: Any,
    children: Any,
    value: Any,
    roots: Any,
    out: Any,
    depth: int,
    /,
) -> None: ...
def line_counts(*arrays: Any) -> int: ...
def best_segment(score: Any, /) -> tuple[int, int]: ...
def span_means(cols: Any, bounds: Any, spans: Any, out: Any, /) -> None: ...
def shifts(cols: Any, bounds: Any, offsets: Any, out: Any, /) -> None: ...
