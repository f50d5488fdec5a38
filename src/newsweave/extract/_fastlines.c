/* Compiled inner loops of the plain-text line classifier (newsweave.extract.textlines).
 *
 * Optional: when this module is not built (no C compiler at install time), textlines.py runs
 * the same computations in numpy. Every function here is checked equal, bit for bit, to its
 * numpy counterpart by tests/test_textlines.py. Arrays come in through the buffer protocol
 * (numpy arrays, C-contiguous, of the documented item types); results are written into
 * arrays the caller allocates, so this file needs no numpy headers.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* One buffer of `itemsize`-byte items, C-contiguous; `writable` for outputs. */
static int get_buffer(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, int writable,
                      const char *name) {
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0) {
        return -1;
    }
    if (view->itemsize != itemsize) {
        PyErr_Format(PyExc_TypeError, "%s: items of %zd bytes expected, got %zd", name, itemsize,
                     view->itemsize);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static Py_ssize_t items(const Py_buffer *view) { return view->len / view->itemsize; }

typedef struct {
    const char *name;
    Py_ssize_t itemsize;
    int writable;
} Spec;

static void release(Py_buffer *b, int n) {
    for (int k = 0; k < n; k++) PyBuffer_Release(&b[k]);
}

/* The first `n` items of the argument tuple (of `arity` items) as buffers per `specs`; 0, or
 * -1 with an exception set and no buffer held. */
static int take_buffers(PyObject *args, const Spec *specs, int n, int arity, Py_buffer *b) {
    if (PyTuple_GET_SIZE(args) != arity) {
        PyErr_Format(PyExc_TypeError, "%d arguments expected", arity);
        return -1;
    }
    for (int k = 0; k < n; k++) {
        PyObject *arg = PyTuple_GET_ITEM(args, k);
        if (get_buffer(arg, &b[k], specs[k].itemsize, specs[k].writable, specs[k].name) < 0) {
            release(b, k);
            return -1;
        }
    }
    return 0;
}

/* Sets ValueError and returns 0 when `ok` is false. */
static int check(int ok, const char *what) {
    if (!ok) PyErr_Format(PyExc_ValueError, "%s: inconsistent array sizes", what);
    return ok;
}

/* Rows walked through one tree side by side: their node chains are independent, so the CPU
 * overlaps their memory loads instead of waiting on one chain (4.6x -> ~10x the numpy walk on
 * 11,640 rows of 64 pages, measured when written). */
#define LANES 16

static void walk_block(const double *x, Py_ssize_t width, Py_ssize_t lanes,
                       const Py_ssize_t *feature, const double *threshold,
                       const Py_ssize_t *children, const double *value, const Py_ssize_t *roots,
                       Py_ssize_t trees, Py_ssize_t depth, double *out) {
    Py_ssize_t node[LANES];
    for (Py_ssize_t t = 0; t < trees; t++) {
        for (Py_ssize_t k = 0; k < lanes; k++) {
            node[k] = roots[t];
        }
        for (Py_ssize_t d = 0; d < depth; d++) {
            for (Py_ssize_t k = 0; k < lanes; k++) {
                Py_ssize_t n = node[k];
                node[k] = children[2 * n + (x[k * width + feature[n]] > threshold[n])];
            }
        }
        for (Py_ssize_t k = 0; k < lanes; k++) {
            out[k * trees + t] = value[node[k]];
        }
    }
}

/* forest_leaves(x, feature, threshold, children, value, roots, out, depth)
 *
 * Walks every row of x (float64, rows x width) through every tree and writes the value of the
 * leaf it reaches into out (float64, rows x trees). Trees are flat node arrays: feature (intp)
 * and threshold (float64) per node, children (intp) the [left, right] pair of each node
 * interleaved, value (float64) per node, roots (intp) per tree; leaves point to themselves, so
 * `depth` steps reach the leaf, as in Forest._numpy_leaves: right when x[feature] > threshold.
 */
static const Spec FOREST[7] = {{"x", 8, 0}, {"feature", sizeof(Py_ssize_t), 0},
                               {"threshold", 8, 0}, {"children", sizeof(Py_ssize_t), 0},
                               {"value", 8, 0}, {"roots", sizeof(Py_ssize_t), 0},
                               {"out", 8, 1}};

static PyObject *forest_leaves(PyObject *self, PyObject *args) {
    Py_buffer b[7];
    if (take_buffers(args, FOREST, 7, 8, b) < 0) return NULL;
    Py_ssize_t depth = PyLong_AsSsize_t(PyTuple_GET_ITEM(args, 7));
    Py_ssize_t trees = items(&b[5]), nodes = items(&b[1]);
    Py_ssize_t rows = trees ? items(&b[6]) / trees : 0, width = rows ? items(&b[0]) / rows : 0;
    int ok = !PyErr_Occurred() && check(items(&b[6]) == rows * trees &&
                                        items(&b[0]) == rows * width && items(&b[2]) == nodes &&
                                        items(&b[4]) == nodes && items(&b[3]) == 2 * nodes,
                                        "forest_leaves");
    if (ok) {
        Py_BEGIN_ALLOW_THREADS
        for (Py_ssize_t r0 = 0; r0 < rows; r0 += LANES) {
            Py_ssize_t lanes = rows - r0 < LANES ? rows - r0 : LANES;
            walk_block((const double *)b[0].buf + r0 * width, width, lanes, b[1].buf, b[2].buf,
                       b[3].buf, b[4].buf, b[5].buf, trees, depth, (double *)b[6].buf + r0 * trees);
        }
        Py_END_ALLOW_THREADS
    }
    release(b, 7);
    return ok ? Py_NewRef(Py_None) : NULL;
}

/* --- line counts -------------------------------------------------------------------------- */
/* Class bits of a code unit: the order of the tuple in textlines.py (1 << k for the k-th). */
enum {
    WORD = 1 << 0, DIGIT = 1 << 1, UPPER = 1 << 2, LOWER = 1 << 3, SPACE = 1 << 4,
    HSPACE = 1 << 5, WS = 1 << 6, MARK = 1 << 7, STOP = 1 << 8, CLOSE = 1 << 9, QUOTE = 1 << 10,
    CJK = 1 << 11, COMMA = 1 << 12, DSEP = 1 << 13, SEPCH = 1 << 14, SLASH = 1 << 15,
    BULLET = 1 << 16,
};
/* Word-list bits (KIND_* in textlines.py). */
enum { KIND_STOP = 1, KIND_HINT = 2, KIND_LINK = 4, KIND_IMAGE = 8 };
/* Columns of `counts`, as textlines.COUNT_COLUMNS names them. */
enum {
    C_DIGITS, C_UPPER, C_LOWER, C_SPACES, C_COMMAS, C_QUOTES, C_CJK, C_LETTERS, C_TOKENS, C_CAPS,
    C_STOPS, C_HINTS, C_LINKS, C_IMAGES, C_DATES, C_SEPS, C_PATHS, C_MD_IMAGES, C_MD_LINKS,
    C_SENTENCES, N_COUNTS
};
#define GOLDEN 0x9E3779B97F4A7C15ULL

typedef struct {
    const uint16_t *code;
    Py_ssize_t size;
    const uint32_t *cls;        /* 65,536 class words */
    const uint8_t *rare;        /* 65,536 flags: code units the pattern checks start from */
    const uint64_t *hash0, *hash1; /* 65,536 each: running-sum and edge values of the word hash */
    const uint64_t *pack0, *pack1; /* 65,536 each: four 16-bit class counters (CHAR_PACKS) */
    const uint64_t *known;      /* sorted word-list keys */
    const uint8_t *kinds;       /* their list bits */
    Py_ssize_t n_known;
} Text;

static uint32_t cls_at(const Text *t, Py_ssize_t p) {
    /* index -1 is the last code unit, as in numpy (the text ends with a newline) */
    return t->cls[t->code[p < 0 ? t->size + p : p]];
}

static uint8_t kind_of(const Text *t, uint64_t key) {
    Py_ssize_t lo = 0, hi = t->n_known;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (t->known[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo < t->n_known && t->known[lo] == key ? t->kinds[lo] : 0;
}

/* One word [a, b) whose running hash sum is `sum`: tokens, capitalised, list words, image
 * extensions after a dot; the first word's key goes to `first`. */
static void count_word(const Text *t, Py_ssize_t a, Py_ssize_t b, uint64_t sum, double *c,
                       uint64_t *first) {
    uint64_t n = (uint64_t)(b - a), key = sum + t->hash1[t->code[a]];
    key += (n > 1 ? t->hash1[t->code[a + 1]] : 0) * 3u;
    key += (n > 2 ? t->hash1[t->code[a + 2]] : 0) * 7u;
    key += (n > 3 ? t->hash1[t->code[b - 1]] : 0) * 5u;
    key += n * GOLDEN;
    uint8_t kind = kind_of(t, key);
    if (c[C_TOKENS] == 0) *first = key;
    c[C_TOKENS] += 1;
    c[C_CAPS] += (t->cls[t->code[a]] & UPPER) != 0;
    c[C_STOPS] += (kind & KIND_STOP) != 0;
    c[C_HINTS] += (kind & KIND_HINT) != 0;
    c[C_LINKS] += (kind & KIND_LINK) != 0;
    c[C_IMAGES] += (kind & KIND_IMAGE) && t->code[a - 1] == '.';
}

/* Dates and times, separators, paths, markdown images and links, sentence stops (_hits). */
static void count_hit(const Text *t, Py_ssize_t p, Py_ssize_t content, double *c) {
    uint16_t c0 = t->code[p], c1 = t->code[p + 1];
    uint32_t k0 = t->cls[c0], k1 = t->cls[c1], km1 = cls_at(t, p - 1);
    uint32_t k2 = cls_at(t, p + 2), k3 = cls_at(t, p + 3);
    int stamp = (k1 & DSEP) && (k2 & DIGIT);
    int century = (c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0');
    int year = century && (k2 & k3 & DIGIT) && !(km1 & DIGIT);
    int escaped = t->code[p - 1] == '\\' && (cls_at(t, p - 2) & HSPACE);
    int spaced = (km1 & HSPACE) || (c0 == '-' && escaped);
    c[C_DATES] += (k0 & DIGIT) && (stamp || year);
    c[C_SEPS] += (k0 & SEPCH) && spaced && (k1 & HSPACE) && p > content;
    c[C_PATHS] += c0 == '/' && !((km1 | k1) & (WS | SLASH));
    c[C_MD_IMAGES] += c0 == '!' && c1 == '[';
    c[C_MD_LINKS] += c0 == ']' && c1 == '(';
    c[C_SENTENCES] += (c0 == '.' || c0 == '?') && c1 == ' ';
}

/* Adds the four 16-bit counters packed in `acc` to c[at .. at + 3]. */
static void unpack(uint64_t acc, double *c, int at) {
    for (int k = 0; k < 4; k++) c[at + k] += (double)((acc >> (16 * k)) & 0xFFFF);
}

/* Everything counted of one line's visible part [first, end), content from `content`, in one
 * pass: class counts of the content (packed counters, flushed before a 16-bit field could
 * overflow), word runs, the pattern checks and the content's hash. */
static void count_line(const Text *t, Py_ssize_t first, Py_ssize_t content, Py_ssize_t end,
                       double *c, uint64_t *keys) {
    uint64_t acc0 = 0, acc1 = 0, line_sum = 0, word_sum = 0;
    Py_ssize_t word_start = -1, since_flush = 0;
    keys[1] = 0;
    for (Py_ssize_t p = first; p < end; p++) {
        uint16_t code = t->code[p];
        uint64_t h = t->hash0[code];
        if (t->cls[code] & WORD) {
            if (word_start < 0) { word_start = p; word_sum = 0; }
            word_sum += h;
        } else if (word_start >= 0) {
            count_word(t, word_start, p, word_sum, c, &keys[1]);
            word_start = -1;
        }
        if (t->rare[code]) count_hit(t, p, content, c);
        if (p < content) continue;
        acc0 += t->pack0[code]; acc1 += t->pack1[code]; line_sum += h;
        if (++since_flush == 0xFFFF) {
            unpack(acc0, c, C_DIGITS); unpack(acc1, c, C_COMMAS);
            acc0 = acc1 = 0; since_flush = 0;
        }
    }
    if (word_start >= 0) count_word(t, word_start, end, word_sum, c, &keys[1]);
    unpack(acc0, c, C_DIGITS); unpack(acc1, c, C_COMMAS);
    keys[0] = line_sum + t->hash1[t->code[content]] + (uint64_t)(end - content) * GOLDEN;
}

/* The non-blank lines of the text; returns how many, filling pos (unit, start, first,
 * content, end), counts and keys (line key, first word's key) of each. */
static Py_ssize_t count_lines(const Text *t, int64_t *pos, double *counts, uint64_t *keys) {
    Py_ssize_t units = 0, line = 0, start = 1;
    for (Py_ssize_t stop = 1; stop < t->size; stop++) {
        if (t->code[stop] != '\n') continue;
        Py_ssize_t first = start, end = stop, content;
        while (first < stop && (t->cls[t->code[first]] & WS)) first++;
        if (first < stop) {
            while (t->cls[t->code[end - 1]] & WS) end--;
            for (content = first; content < end && (t->cls[t->code[content]] & (WS | MARK));)
                content++;
            int64_t *at = pos + 5 * units;
            at[0] = line; at[1] = start; at[2] = first; at[3] = content; at[4] = end;
            double *c = counts + N_COUNTS * units;
            for (int k = 0; k < N_COUNTS; k++) c[k] = 0;
            count_line(t, first, content, end, c, keys + 2 * units);
            units++;
        }
        line++;
        start = stop + 1;
    }
    return units;
}

/* line_counts(codes, cls, rare, hash0, hash1, pack0, pack1, known, kinds, pos, counts, keys)
 *   -> number of non-blank lines
 *
 * codes: uint16 code units of the joined text ("\n" ... "\n\n\n\n"); tables of 65,536
 * entries: cls (uint32), rare (uint8), hash0 and hash1 (uint64), pack0 and pack1 (uint64,
 * textlines.CHAR_PACKS); the word lists: known (uint64, sorted) and kinds (uint8); outputs, one
 * row per line at most: pos (int64, 5 columns), counts (float64, N_COUNTS columns), keys
 * (uint64, 2 columns).
 */
static const Spec COUNTS[12] = {
    {"codes", 2, 0}, {"cls", 4, 0}, {"rare", 1, 0}, {"hash0", 8, 0}, {"hash1", 8, 0},
    {"pack0", 8, 0}, {"pack1", 8, 0}, {"known", 8, 0}, {"kinds", 1, 0}, {"pos", 8, 1},
    {"counts", 8, 1}, {"keys", 8, 1}};

static int counts_ok(const Text *t, const Py_buffer *b) {
    Py_ssize_t rows = items(&b[9]) / 5, breaks = 0;
    for (Py_ssize_t p = 0; p < t->size; p++) breaks += t->code[p] == '\n';
    int ok = items(&b[8]) == t->n_known && rows >= breaks - 1;
    for (int k = 1; k <= 6; k++) ok &= items(&b[k]) == 65536;
    ok &= t->size >= 5 && t->code[0] == '\n' && t->code[t->size - 1] == '\n';
    return check(ok && items(&b[10]) == rows * N_COUNTS && items(&b[11]) == rows * 2,
                 "line_counts");
}

static PyObject *line_counts(PyObject *self, PyObject *args) {
    Py_buffer b[12];
    if (take_buffers(args, COUNTS, 12, 12, b) < 0) return NULL;
    Text t = {b[0].buf, items(&b[0]), b[1].buf, b[2].buf, b[3].buf, b[4].buf, b[5].buf,
              b[6].buf, b[7].buf, b[8].buf, items(&b[7])};
    Py_ssize_t units = -1;
    if (counts_ok(&t, b)) {
        Py_BEGIN_ALLOW_THREADS
        units = count_lines(&t, b[9].buf, b[10].buf, b[11].buf);
        Py_END_ALLOW_THREADS
    }
    release(b, 12);
    return units < 0 ? NULL : PyLong_FromSsize_t(units);
}

/* best_segment(score) -> (first, last): the contiguous run of largest sum (Kadane), the same
 * steps in the same order as textlines.best_segment (so the same floating-point sums). */
static PyObject *best_segment(PyObject *self, PyObject *arg) {
    Py_buffer view;
    if (get_buffer(arg, &view, 8, 0, "score") < 0) return NULL;
    const double *score = view.buf;
    Py_ssize_t n = items(&view), start = 0, first = 0, last = -1;
    double best = -Py_HUGE_VAL, run = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (run <= 0.0) { run = score[i]; start = i; } else { run += score[i]; }
        if (run > best) { best = run; first = start; last = i; }
    }
    PyBuffer_Release(&view);
    return Py_BuildValue("(nn)", first, last);
}

/* --- context windows ---------------------------------------------------------------------- */
/* Row views of the stacked pages: `bounds` (intp, pages + 1) delimits each page's rows. */
typedef struct {
    const double *cols;
    Py_ssize_t width;
    const Py_ssize_t *bounds;
    Py_ssize_t pages;
} Pages;

static const Spec WINDOWS[4] = {{"cols", 8, 0}, {"bounds", sizeof(Py_ssize_t), 0},
                                {"spans or offsets", sizeof(Py_ssize_t), 0}, {"out", 8, 1}};

/* The pages of cols (float64, rows x width) delimited by bounds (intp, pages + 1, from 0,
 * strictly increasing); 0 with an exception set when inconsistent. */
static int pages_of(const Py_buffer *b, Pages *pg, Py_ssize_t *rows) {
    pg->cols = b[0].buf; pg->bounds = b[1].buf; pg->pages = items(&b[1]) - 1;
    *rows = pg->pages >= 0 ? pg->bounds[pg->pages] : 0;
    pg->width = *rows ? items(&b[0]) / *rows : 0;
    int ok = pg->pages >= 0 && pg->bounds[0] == 0 && items(&b[0]) == *rows * pg->width;
    for (Py_ssize_t k = 0; ok && k < pg->pages; k++) ok = pg->bounds[k] < pg->bounds[k + 1];
    return check(ok, "page bounds");
}

static Py_ssize_t clip(Py_ssize_t v, Py_ssize_t hi) { return v < 0 ? 0 : (v > hi ? hi : v); }

/* Running sums of one page's rows after a row of zeros (textlines.Segments.cumsum), then the
 * mean of every column over each span [i + a, i + b) clipped to the page (_span_means). */
static void page_means(const Pages *pg, Py_ssize_t lo, Py_ssize_t hi, const Py_ssize_t *spans,
                       Py_ssize_t n_spans, double *cum, double *out) {
    Py_ssize_t w = pg->width, size = hi - lo, out_w = n_spans * w;
    for (Py_ssize_t c = 0; c < w; c++) cum[c] = 0.0;
    for (Py_ssize_t j = 0; j < size; j++) {
        for (Py_ssize_t c = 0; c < w; c++) {
            double x = pg->cols[(lo + j) * w + c];
            cum[(j + 1) * w + c] = j ? cum[j * w + c] + x : x;
        }
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        for (Py_ssize_t s = 0; s < n_spans; s++) {
            Py_ssize_t a = clip(i + spans[2 * s], size), b = clip(i + spans[2 * s + 1], size);
            double d = (double)(b - a > 1 ? b - a : 1);
            for (Py_ssize_t c = 0; c < w; c++) {
                out[(lo + i) * out_w + s * w + c] = (cum[b * w + c] - cum[a * w + c]) / d;
            }
        }
    }
}

/* span_means(cols, bounds, spans, out): spans (intp, pairs a, b); out (float64, rows x
 * spans x width). */
static PyObject *span_means(PyObject *self, PyObject *args) {
    Py_buffer b[4];
    if (take_buffers(args, WINDOWS, 4, 4, b) < 0) return NULL;
    Pages pg;
    Py_ssize_t rows, n_spans = items(&b[2]) / 2;
    int ok = pages_of(b, &pg, &rows) &&
             check(items(&b[3]) == rows * n_spans * pg.width, "span_means");
    double *cum = ok ? PyMem_Malloc(sizeof(double) * (rows + 1) * (pg.width + 1)) : NULL;
    if (ok && cum == NULL) {
        PyErr_NoMemory();
        ok = 0;
    }
    for (Py_ssize_t k = 0; ok && k < pg.pages; k++) {
        page_means(&pg, pg.bounds[k], pg.bounds[k + 1], b[2].buf, n_spans, cum, b[3].buf);
    }
    PyMem_Free(cum);
    release(b, 4);
    return ok ? Py_NewRef(Py_None) : NULL;
}

/* One page's rows [lo, hi): the row `off[s]` lines before (after, when negative), 0.0 past the
 * page's edges. */
static void page_shifts(const Pages *pg, Py_ssize_t lo, Py_ssize_t hi, const Py_ssize_t *off,
                        Py_ssize_t n_off, double *out) {
    Py_ssize_t w = pg->width, size = hi - lo;
    for (Py_ssize_t i = 0; i < size; i++) {
        for (Py_ssize_t s = 0; s < n_off; s++) {
            Py_ssize_t src = i - off[s];
            int inside = src >= 0 && src < size;
            double *to = out + ((lo + i) * n_off + s) * w;
            for (Py_ssize_t c = 0; c < w; c++) to[c] = inside ? pg->cols[(lo + src) * w + c] : 0.0;
        }
    }
}

/* shifts(cols, bounds, offsets, out): textlines._numpy_shifts; out: rows x offsets x width. */
static PyObject *shifts(PyObject *self, PyObject *args) {
    Py_buffer b[4];
    if (take_buffers(args, WINDOWS, 4, 4, b) < 0) return NULL;
    Pages pg;
    Py_ssize_t rows, n_off = items(&b[2]);
    int ok = pages_of(b, &pg, &rows) && check(items(&b[3]) == rows * n_off * pg.width, "shifts");
    for (Py_ssize_t k = 0; ok && k < pg.pages; k++) {
        page_shifts(&pg, pg.bounds[k], pg.bounds[k + 1], b[2].buf, n_off, b[3].buf);
    }
    release(b, 4);
    return ok ? Py_NewRef(Py_None) : NULL;
}

static PyMethodDef methods[] = {
    {"span_means", span_means, METH_VARARGS, "Window means over the pages (see _fastlines.c)."},
    {"shifts", shifts, METH_VARARGS, "Neighbouring rows inside the pages (see _fastlines.c)."},
    {"best_segment", best_segment, METH_O, "Largest-sum contiguous run (see _fastlines.c)."},
    {"line_counts", line_counts, METH_VARARGS,
     "Layout and counts of every non-blank line (see _fastlines.c)."},
    {"forest_leaves", forest_leaves, METH_VARARGS,
     "Leaf value of every row in every tree (see _fastlines.c)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, .m_name = "_fastlines",
    .m_doc = "Compiled inner loops of newsweave.extract.textlines.", .m_size = -1,
    .m_methods = methods};

PyMODINIT_FUNC PyInit__fastlines(void) { return PyModule_Create(&module); }
