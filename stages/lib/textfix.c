/* See LICENSE file for copyright and license details. */
/*
 * The text repairs of glean-normalize.  The text is worked on as an
 * array of code points by a series of passes (entities, mojibake, stray
 * C1 controls, NFC, newlines and invisible characters).  Each pass makes
 * a list of edits; applying it rewrites the array and carries the
 * repairs of earlier passes along, merging a repair with a later edit of
 * the same characters ("Ã©" -> "é" after "ÃƒÂ©" -> "Ã©" is one repair,
 * cp1252+cp1252).  So a repair's span is always in the final text.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "glean.h"
#include "mojibake.h"
#include "textfix.h"

/* More repairs of one whitespace-like rule than this become one summary. */
#define SUMMARY_OVER 16
/* Texts are repaired in chunks of about this many bytes, at newlines. */
#define CHUNK (1 << 20)
/* Beyond this many repairs a document gets summaries per kind. */
#define MAX_REPAIRS 10000
/* Rounds of mojibake repair: text garbled up to this many times. */
#define MAX_ROUNDS 6

struct entity {
	char *name;
	int32_t cp[2];
	int ncp;
};

enum { INV_KEEP, INV_REMOVE, INV_JOINER };

struct invisible {
	int32_t cp;
	int action;
};

struct glean_textfix {
	struct glean_mojibake *mb;
	struct entity *ent;
	size_t nent;
	struct invisible *inv;
	size_t ninv;
	int32_t cp1252[256];	/* for C1 controls and invalid bytes */
	int have1252;
	/*
	 * inert[c - 0xa0] for U+00A0..U+02FF: alone between ASCII letters,
	 * c can take part in no repair (no codec makes it a UTF-8 lead byte,
	 * NFC leaves it), so text like "£3.5m" takes the fast path.
	 */
	unsigned char inert[0x300 - 0xa0];
};

/* ---- small helpers ------------------------------------------------------ */

static void
repairs_push(struct glean_repairs *R, const struct glean_repair *r)
{
	R->r = glean_grow(R->r, R->n, &R->cap, sizeof *R->r);
	R->r[R->n++] = *r;
}

static void
add_cps(struct glean_buf *b, const int32_t *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (a[i] < 0x80)
			glean_buf_addc(b, (char)a[i]);
		else
			glean_buf_addcp(b, a[i]);
	}
}

static char *
cps_str(const int32_t *a, size_t n)
{
	struct glean_buf b = { 0 };

	add_cps(&b, a, n);
	if (!b.s)
		return glean_strdup("");
	return b.s;
}

/* UTF-8 (valid) to code points; *n gets the count. */
static int32_t *
to_cps(const char *s, size_t len, size_t *n)
{
	int32_t *a = glean_malloc((len + 1) * sizeof *a), cp;
	size_t i = 0, k = 0, l;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			a[k++] = (unsigned char)s[i++];
			continue;
		}
		l = glean_utf8_next(s + i, len - i, &cp);
		a[k++] = cp < 0 ? 0xfffd : cp;
		i += l;
	}
	*n = k;
	return a;
}

/* ---- applying edits ----------------------------------------------------- */

/* New position of p; inside an edit it goes to the edit's start or end. */
static size_t
map_pos(const struct glean_edits *ed, const size_t *ns, const size_t *ne,
    size_t p, int is_end)
{
	size_t lo = 0, hi = ed->n, mid;

	/* first edit with end > p (or, for ends, end >= p) */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (is_end ? ed->e[mid].end >= p : ed->e[mid].end > p)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (lo < ed->n && ed->e[lo].start < p)
		return is_end ? ne[lo] : ns[lo];
	if (lo < ed->n && ed->e[lo].start == p && is_end &&
	    ed->e[lo].end == p)
		return ne[lo];
	if (lo == 0)
		return p;
	return p - ed->e[lo - 1].end + ne[lo - 1];
}

static int
overlaps(const struct glean_repair *r, size_t lo, size_t hi)
{
	if (r->start == r->end)
		return lo < r->start && r->start < hi;
	return r->start < hi && lo < r->end;
}

static void
label_add(struct glean_buf *b, const char *l)
{
	size_t n = strlen(l);

	/* the same label twice in a row, within one pass, is said once */
	if (b->len >= n && memcmp(b->s + b->len - n, l, n) == 0 &&
	    (b->len == n || b->s[b->len - n - 1] == '+'))
		return;
	if (b->len)
		glean_buf_addc(b, '+');
	glean_buf_add(b, l, n);
}

/* The edits being applied and where each landed in the new array. */
struct applying {
	const struct glean_edits *ed;
	size_t *ns, *ne;	/* new start and end of edit i */
	const int32_t *old;	/* the array before the edits */
};

/*
 * The array a[0..n) with the edits ap->ed (sorted, not overlapping)
 * made: a fresh array (caller frees), its length in *nb; fills ap->ns
 * and ap->ne (allocated here) with each edit's new span.
 */
static int32_t *
splice(const int32_t *a, size_t n, struct applying *ap, size_t *nb)
{
	const struct glean_edits *ed = ap->ed;
	int32_t *b;
	size_t i, p = 0, grow = 0;

	for (i = 0; i < ed->n; i++)
		if (ed->e[i].ncp > ed->e[i].end - ed->e[i].start)
			grow += ed->e[i].ncp - (ed->e[i].end - ed->e[i].start);
	b = glean_malloc((n + grow + 1) * sizeof *b);
	ap->ns = glean_malloc(ed->n * sizeof *ap->ns);
	ap->ne = glean_malloc(ed->n * sizeof *ap->ne);
	*nb = 0;
	for (i = 0; i < ed->n; i++) {
		memcpy(b + *nb, a + p, (ed->e[i].start - p) * sizeof *b);
		*nb += ed->e[i].start - p;
		ap->ns[i] = *nb;
		memcpy(b + *nb, ed->e[i].cp, ed->e[i].ncp * sizeof *b);
		*nb += ed->e[i].ncp;
		ap->ne[i] = *nb;
		p = ed->e[i].end;
	}
	memcpy(b + *nb, a + p, (n - p) * sizeof *b);
	*nb += n - p;
	return b;
}

/* Push r onto out, its span the old lo..hi mapped into the new array. */
static void
push_mapped(const struct applying *ap, struct glean_repair r, size_t lo,
    size_t hi, struct glean_repairs *out)
{
	r.start = map_pos(ap->ed, ap->ns, ap->ne, lo, 0);
	r.end = map_pos(ap->ed, ap->ns, ap->ne, hi, 1);
	if (r.end < r.start)
		r.end = r.start;
	repairs_push(out, &r);
}

/*
 * A group of edits ed->e[i0..i1) and earlier repairs R->r[j0..j1) that
 * overlap one another, over the old span lo..hi.
 */
struct group {
	size_t i0, i1, j0, j1, lo, hi;
};

/*
 * Widen g (edit g->i0 alone, no repairs yet) over every later edit and
 * repair that overlaps it, until none does; sets g->i1 and g->j1.
 */
static void
widen(const struct glean_edits *ed, const struct glean_repairs *R,
    struct group *g)
{
	size_t i = g->i0 + 1, j = g->j0;
	int more;

	do {
		more = 0;
		while (j < R->n && overlaps(&R->r[j], g->lo, g->hi)) {
			if (R->r[j].start < g->lo)
				g->lo = R->r[j].start;
			if (R->r[j].end > g->hi)
				g->hi = R->r[j].end;
			j++;
			more = 1;
		}
		while (i < ed->n && ed->e[i].start < g->hi) {
			if (ed->e[i].end > g->hi)
				g->hi = ed->e[i].end;
			i++;
			more = 1;
		}
	} while (more);
	g->i1 = i;
	g->j1 = j;
}

/* The old text of g's span with the earlier repairs in it undone. */
static char *
old_text(const struct applying *ap, const struct glean_repairs *R,
    const struct group *g, size_t *len)
{
	struct glean_buf bb = { 0 };
	size_t k = g->j0, p;

	for (p = g->lo; p < g->hi || (k < g->j1 && R->r[k].start == p); ) {
		if (k < g->j1 && R->r[k].start == p) {
			glean_buf_add(&bb, R->r[k].before, R->r[k].before_len);
			p = R->r[k].end;
			k++;
		} else {
			add_cps(&bb, ap->old + p, 1);
			p++;
		}
	}
	*len = bb.len;
	return bb.s ? bb.s : glean_strdup("");
}

/*
 * The label of g's one repair: the earlier repairs' labels, then '+'
 * and the edits' ("cp1252+cp1252").  Frees the earlier repairs' strings.
 */
static char *
group_label(const struct glean_edits *ed, struct glean_repairs *R,
    const struct group *g)
{
	struct glean_buf lb = { 0 }, eb = { 0 };
	size_t k;

	for (k = g->j0; k < g->j1; k++) {
		label_add(&lb, R->r[k].label);
		free(R->r[k].before);
		free(R->r[k].after);
		free(R->r[k].label);
	}
	if (g->j1 > g->j0)
		glean_buf_addc(&lb, '+');
	for (k = g->i0; k < g->i1; k++)
		label_add(&eb, ed->e[k].label);
	glean_buf_add(&lb, eb.s, eb.len);
	glean_buf_free(&eb);
	return lb.s;
}

/*
 * Apply the edits (sorted, not overlapping) to *a, carrying the repairs
 * R along and adding one for each group of edits and the repairs they
 * overlap, merged.  Clears ed.
 */
static void
apply(int32_t **a, size_t *n, struct glean_edits *ed, struct glean_repairs *R)
{
	struct applying ap = { ed, NULL, NULL, *a };
	struct glean_repairs out = { 0 };
	struct glean_repair r;
	struct group g;
	size_t nb, i = 0, j = 0;
	int32_t *b;

	if (ed->n == 0)
		return;
	b = splice(*a, *n, &ap, &nb);
	while (i < ed->n) {
		const struct glean_edit *E = &ed->e[i];

		while (j < R->n && !overlaps(&R->r[j], E->start, E->end) &&
		    R->r[j].start <= E->start) {
			push_mapped(&ap, R->r[j], R->r[j].start, R->r[j].end,
			    &out);
			j++;
		}
		g.lo = E->start;
		g.hi = E->end;
		g.i0 = i;
		g.j0 = j;
		widen(ed, R, &g);
		i = g.i1;
		j = g.j1;
		r.before = old_text(&ap, R, &g, &r.before_len);
		r.label = group_label(ed, R, &g);
		r.after = NULL;
		r.count = 1;
		push_mapped(&ap, r, g.lo, g.hi, &out);
	}
	for (; j < R->n; j++)
		push_mapped(&ap, R->r[j], R->r[j].start, R->r[j].end, &out);
	free(R->r);
	*R = out;
	free(ap.ns);
	free(ap.ne);
	free(*a);
	*a = b;
	*n = nb;
	glean_edits_clear(ed);
}

/* ---- passes ------------------------------------------------------------- */

static int
ent_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct entity *)e)->name);
}

static void
pass_entities(const struct glean_textfix *tf, const int32_t *a, size_t n,
    struct glean_edits *ed)
{
	size_t i, j, k;
	char name[40];
	int32_t cp, v;
	const struct entity *en;

	for (i = 0; i < n; i++) {
		if (a[i] != '&')
			continue;
		if (i + 1 < n && a[i + 1] == '#') {
			int hex = i + 2 < n && (a[i + 2] == 'x' ||
			    a[i + 2] == 'X');

			cp = 0;
			for (j = i + 2 + hex; j < n && j < i + 12; j++) {
				if (a[j] >= '0' && a[j] <= '9')
					v = a[j] - '0';
				else if (hex && a[j] >= 'a' && a[j] <= 'f')
					v = a[j] - 'a' + 10;
				else if (hex && a[j] >= 'A' && a[j] <= 'F')
					v = a[j] - 'A' + 10;
				else
					break;
				cp = cp * (hex ? 16 : 10) + v;
			}
			if (j == i + 2 + (size_t)hex || j >= n || a[j] != ';' ||
			    cp <= 0 || cp > 0x10ffff ||
			    (cp >= 0xd800 && cp < 0xe000))
				continue;
			/* as HTML does: &#150; means cp1252's byte 150 */
			if (cp >= 0x80 && cp < 0xa0 && tf->have1252 &&
			    tf->cp1252[cp] >= 0xa0)
				cp = tf->cp1252[cp];
			glean_edits_add(ed, i, j + 1, &cp, 1, "html-entity");
			i = j;
			continue;
		}
		for (j = i + 1, k = 0; j < n && k < sizeof name - 1; j++, k++) {
			if (!((a[j] >= 'a' && a[j] <= 'z') ||
			    (a[j] >= 'A' && a[j] <= 'Z') ||
			    (a[j] >= '0' && a[j] <= '9')))
				break;
			name[k] = (char)a[j];
		}
		if (k == 0 || j >= n || a[j] != ';')
			continue;
		name[k] = '\0';
		en = bsearch(name, tf->ent, tf->nent, sizeof *tf->ent, ent_cmp);
		if (!en)
			continue;
		glean_edits_add(ed, i, j + 1, en->cp, (size_t)en->ncp,
		    "html-entity");
		i = j;
	}
}

/* C1 controls left over: text that was cp1252 read as Latin-1. */
static void
pass_c1(const struct glean_textfix *tf, const int32_t *a, size_t n,
    struct glean_edits *ed)
{
	size_t i;
	int32_t cp;

	if (!tf->have1252)
		return;
	for (i = 0; i < n; i++)
		if (a[i] >= 0x80 && a[i] < 0xa0 && tf->cp1252[a[i]] >= 0xa0) {
			cp = tf->cp1252[a[i]];
			glean_edits_add(ed, i, i + 1, &cp, 1, "c1-control");
		}
}

static void
pass_nfc(const int32_t *a, size_t n, struct glean_edits *ed)
{
	size_t i, j, s, k, nn, pre, suf;
	int32_t max;
	struct glean_buf b = { 0 };
	utf8proc_uint8_t *dst;
	utf8proc_ssize_t len;
	int32_t *na;

	for (i = 0; i < n; ) {
		if (a[i] < 0x300) {
			i++;
			continue;
		}
		/* a run of non-ASCII characters, with the character before */
		s = i;
		while (s > 0 && a[s - 1] >= 0x80)
			s--;
		if (s > 0)
			s--;
		max = 0;
		for (j = i; j < n && a[j] >= 0x80; j++)
			if (a[j] > max)
				max = a[j];
		glean_buf_reset(&b);
		add_cps(&b, a + s, j - s);
		len = utf8proc_map((const utf8proc_uint8_t *)b.s,
		    (utf8proc_ssize_t)b.len, &dst,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (len >= 0 && ((size_t)len != b.len ||
		    memcmp(dst, b.s, b.len) != 0)) {
			na = to_cps((const char *)dst, (size_t)len, &nn);
			for (pre = 0; pre < nn && pre < j - s &&
			    na[pre] == a[s + pre]; pre++)
				;
			for (suf = 0; suf < nn - pre && suf < j - s - pre &&
			    na[nn - 1 - suf] == a[j - 1 - suf]; suf++)
				;
			k = j - s - pre - suf;
			glean_edits_add(ed, s + pre, s + pre + k, na + pre,
			    nn - pre - suf, "nfc");
			free(na);
		}
		if (len >= 0)
			free(dst);
		i = j;
	}
	glean_buf_free(&b);
}

static int
inv_action(const struct glean_textfix *tf, int32_t c)
{
	size_t i;

	for (i = 0; i < tf->ninv; i++)
		if (tf->inv[i].cp == c)
			return tf->inv[i].action;
	return -1;
}

static int
is_control(int32_t c)
{
	if (c < 0x20)
		return c != '\t' && c != '\n';
	return c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfffe ||
	    c == 0xffff;
}

static void
pass_space(const struct glean_textfix *tf, const int32_t *a, size_t n,
    struct glean_edits *ed)
{
	static const int32_t nl[2] = { '\n', '\n' };
	size_t i;
	int act;

	for (i = 0; i < n; i++) {
		int32_t c = a[i];

		if (c == '\r') {
			if (i + 1 < n && a[i + 1] == '\n') {
				glean_edits_add(ed, i, i + 2, nl, 1, "newline");
				i++;
			} else
				glean_edits_add(ed, i, i + 1, nl, 1, "newline");
		} else if (c == 0x2028 || c == 0x2029) {
			glean_edits_add(ed, i, i + 1, nl, c == 0x2029 ? 2 : 1,
			    "newline");
		} else if (is_control(c)) {
			glean_edits_add(ed, i, i + 1, NULL, 0, "control");
		} else if (c >= 0xad && (act = inv_action(tf, c)) >= 0) {
			if (act == INV_REMOVE || (act == INV_JOINER &&
			    !(i > 0 && a[i - 1] >= 0x80 && i + 1 < n &&
			    a[i + 1] >= 0x80)))
				glean_edits_add(ed, i, i + 1, NULL, 0,
				    i == 0 && c == 0xfeff ? "bom" :
				    "zero-width");
		}
	}
}

/*
 * Merge the repairs labelled label (all labels when label is NULL) into
 * one summary record per label when there are more than over of them:
 * start of the first, end of the last, the first's before and after, and
 * the count.
 */
static void
squash(struct glean_repairs *rp, const char *label, size_t over)
{
	struct glean_repair **first = NULL;
	size_t *cnt = NULL, nl = 0, i, j, k = 0;

	/* count per label: labels are few */
	for (i = 0; i < rp->n; i++) {
		if (label && strcmp(rp->r[i].label, label) != 0)
			continue;
		for (j = 0; j < nl; j++)
			if (strcmp(first[j]->label, rp->r[i].label) == 0)
				break;
		if (j == nl) {
			first = glean_realloc(first, (nl + 1) * sizeof *first);
			cnt = glean_realloc(cnt, (nl + 1) * sizeof *cnt);
			first[nl] = &rp->r[i];
			cnt[nl++] = 0;
		}
		cnt[j]++;
	}
	for (i = 0; i < rp->n; i++) {
		struct glean_repair *h = &rp->r[i];

		for (j = 0; j < nl; j++)
			if (strcmp(first[j]->label, h->label) == 0)
				break;
		if (j == nl || cnt[j] <= over || first[j] == h) {
			if (j < nl && first[j] == h)
				first[j] = &rp->r[k];
			rp->r[k++] = *h;
			continue;
		}
		first[j]->count += h->count;
		if (h->end > first[j]->end)
			first[j]->end = h->end;
		free(h->before);
		free(h->after);
		free(h->label);
	}
	rp->n = k;
	free(first);
	free(cnt);
}

/*
 * The passes over *a (*n code points, reallocated by each), carrying
 * the repairs R: entities when there is a '&', mojibake rounds, C1
 * controls and NFC when there is non-ASCII, then newlines and
 * invisible characters.
 */
static void
passes(const struct glean_textfix *tf, int32_t **a, size_t *n,
    struct glean_repairs *R)
{
	struct glean_edits ed = { 0 };
	size_t i, round;
	int nonascii = 0, amp = 0;

	for (i = 0; i < *n; i++) {
		if ((*a)[i] >= 0x80)
			nonascii = 1;
		else if ((*a)[i] == '&')
			amp = 1;
	}
	if (amp) {
		pass_entities(tf, *a, *n, &ed);
		apply(a, n, &ed, R);
		nonascii = 1;
	}
	if (nonascii) {
		for (round = 0; round < MAX_ROUNDS; round++) {
			if (!glean_mojibake_step(tf->mb, *a, *n, &ed))
				break;
			apply(a, n, &ed, R);
		}
		pass_c1(tf, *a, *n, &ed);
		apply(a, n, &ed, R);
		pass_nfc(*a, *n, &ed);
		apply(a, n, &ed, R);
	}
	pass_space(tf, *a, *n, &ed);
	apply(a, n, &ed, R);
	glean_edits_free(&ed);
}

/*
 * Move the repairs R of the text a[0..n) to rp, each given its after
 * text and shifted by base code points; R is left empty.
 */
static void
hand_over(struct glean_repairs *R, const int32_t *a, size_t n,
    struct glean_repairs *rp, size_t base)
{
	size_t i;

	for (i = 0; i < R->n; i++) {
		struct glean_repair g = R->r[i];

		if (g.end > n)
			g.end = n;
		if (g.start > g.end)
			g.start = g.end;
		g.after = cps_str(a + g.start, g.end - g.start);
		g.start += base;
		g.end += base;
		repairs_push(rp, &g);
	}
	free(R->r);
	R->r = NULL;
	R->n = R->cap = 0;
}

/*
 * The passes, over a[0..n) (freed) with the repairs R so far; appends the
 * text to out and the repairs, shifted by base code points, to rp.
 * Returns the number of code points appended.
 */
static size_t
run_passes(const struct glean_textfix *tf, int32_t *a, size_t n,
    struct glean_repairs *R, struct glean_buf *out, struct glean_repairs *rp,
    size_t base)
{
	passes(tf, &a, &n, R);
	add_cps(out, a, n);
	if (!out->s)
		glean_buf_add(out, "", 0);
	hand_over(R, a, n, rp, base);
	free(a);
	/* a document with a flood of repairs keeps a bounded record */
	if (rp->n > MAX_REPAIRS)
		squash(rp, NULL, 0);
	return n;
}

/* After the last chunk: many whitespace-like repairs become summaries. */
static void
finish(struct glean_repairs *rp)
{
	squash(rp, "newline", SUMMARY_OVER);
	squash(rp, "control", SUMMARY_OVER);
	squash(rp, "zero-width", SUMMARY_OVER);
}

/*
 * End of the chunk of a[start..n) (bytes or code points), at least CHUNK
 * units on, so that memory stays bounded for a huge text: just after a
 * newline, else after a space between ASCII characters.  No repair
 * spans either.  Without such a place in sight, the next try starts
 * CHUNK further on.
 */
static size_t
chunk_end_b(const char *s, size_t n, size_t start)
{
	const char *p;
	size_t i, lim;

	if (n - start <= CHUNK)
		return n;
	lim = n - start > 2 * CHUNK ? start + 2 * CHUNK : n;
	p = memchr(s + start + CHUNK, '\n', lim - start - CHUNK);
	if (p)
		return (size_t)(p - s) + 1;
	/* a long line: after a space between ASCII characters */
	for (i = start + CHUNK; i < lim; i++)
		if (s[i - 1] == ' ' && (unsigned char)s[i - 2] < 0x80 &&
		    s[i - 2] != ' ' && (unsigned char)s[i] < 0x80)
			return i;
	return lim == n ? n : chunk_end_b(s, n, lim - CHUNK);
}

static size_t
chunk_end_c(const int32_t *a, size_t n, size_t start)
{
	size_t i, lim;

	if (n - start <= CHUNK)
		return n;
	lim = n - start > 2 * CHUNK ? start + 2 * CHUNK : n;
	for (i = start + CHUNK; i < lim; i++)
		if (a[i - 1] == '\n')
			return i;
	for (i = start + CHUNK; i < lim; i++)
		if (a[i - 1] == ' ' && a[i - 2] < 0x80 && a[i - 2] != ' ' &&
		    a[i] < 0x80)
			return i;
	return lim == n ? n : chunk_end_c(a, n, lim - CHUNK);
}

/* ---- entry points ------------------------------------------------------- */

static int
needs_work(const struct glean_textfix *tf, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	int32_t c;

	for (; p < end; p++) {
		if (*p >= 0x80) {
			/* an inert two-byte character between ASCII bytes */
			if (p + 1 >= end || (p[0] & 0xe0) != 0xc0 ||
			    (p[1] & 0xc0) != 0x80)
				return 1;
			c = (p[0] & 0x1f) << 6 | (p[1] & 0x3f);
			if (c < 0xa0 || c >= 0x300 || !tf->inert[c - 0xa0] ||
			    (p > (const unsigned char *)s && p[-1] >= 0x80) ||
			    (p + 2 < end && p[2] >= 0x80))
				return 1;
			p++;
			continue;
		}
		if (*p == 0x7f || *p == '&' || (*p < 0x20 && *p != '\n' &&
		    *p != '\t'))
			return 1;
	}
	return 0;
}

static void
build_inert(struct glean_textfix *tf)
{
	const struct glean_mojibake *m = tf->mb;
	const struct glean_codec *c;
	uint32_t v;
	size_t i;
	int32_t cp;
	int ok, b0, b1;

	for (cp = 0xa0; cp < 0x300; cp++) {
		ok = inv_action(tf, cp) < 0 || cp == 0xad;
		for (i = 0; i < m->n && ok; i++) {
			c = &m->c[i];
			v = c->enc[cp];
			if (!v)
				continue;
			b0 = (int)(v >> 16 == 2 ? (v >> 8 & 0xff) : (v & 0xff));
			b1 = (int)(v & 0xff);
			if (!c->dbcs && b0 >= 0xc2 && b0 <= 0xf4)
				ok = 0;
			if (c->dbcs && v >> 16 == 2 && b0 >= 0xc2 &&
			    b0 <= 0xdf && b1 >= 0x80 && b1 <= 0xbf)
				ok = 0;
		}
		tf->inert[cp - 0xa0] = (unsigned char)ok;
	}
}

int
glean_textfix(const struct glean_textfix *tf, const char *s, size_t n,
    struct glean_buf *out, struct glean_repairs *rp)
{
	struct glean_repairs R = { 0 };
	int32_t *a;
	size_t na, start = 0, end, base = 0;

	glean_repairs_clear(rp);
	if (!needs_work(tf, s, n))
		return 0;
	glean_buf_reset(out);
	do {
		end = chunk_end_b(s, n, start);
		a = to_cps(s + start, end - start, &na);
		base += run_passes(tf, a, na, &R, out, rp, base);
		start = end;
	} while (start < n);
	finish(rp);
	/* every change leaves a repair: none, nothing changed */
	return rp->n > 0;
}

static void
hexbytes(struct glean_buf *b, const unsigned char *p, size_t n)
{
	static const char hx[] = "0123456789ABCDEF";
	size_t i;

	for (i = 0; i < n; i++) {
		glean_buf_add(b, "\\x", 2);
		glean_buf_addc(b, hx[p[i] >> 4]);
		glean_buf_addc(b, hx[p[i] & 15]);
	}
}

static int
utf16_bom(const unsigned char *p, size_t n)
{
	return n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff));
}

static int
utf8_bom(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf;
}

/* Record the byte-order mark dropped from the text's start. */
static void
push_bom(struct glean_repairs *R)
{
	struct glean_repair r = { 0 };

	r.count = 1;
	r.before = glean_strdup("\xef\xbb\xbf");
	r.before_len = 3;
	r.label = glean_strdup("bom");
	repairs_push(R, &r);
}

/*
 * UTF-16 p[0..n) (with its byte-order mark, which says the byte order)
 * to code points in a; a lone surrogate or odd last byte becomes
 * U+FFFD.  Returns the count.
 */
static size_t
decode_utf16(const unsigned char *p, size_t n, int32_t *a)
{
	int le = p[0] == 0xff;
	size_t i, na = 0;
	uint32_t u, v;

	for (i = 2; i + 1 < n; i += 2) {
		u = le ? (uint32_t)(p[i] | p[i + 1] << 8) :
		    (uint32_t)(p[i] << 8 | p[i + 1]);
		if (u >= 0xd800 && u < 0xdc00 && i + 3 < n) {
			v = le ? (uint32_t)(p[i + 2] | p[i + 3] << 8) :
			    (uint32_t)(p[i + 2] << 8 | p[i + 3]);
			if (v >= 0xdc00 && v < 0xe000) {
				u = 0x10000 + ((u - 0xd800) << 10) +
				    (v - 0xdc00);
				i += 2;
			} else
				u = 0xfffd;
		} else if (u >= 0xd800 && u < 0xe000)
			u = 0xfffd;
		a[na++] = (int32_t)u;
	}
	if (i < n)
		a[na++] = 0xfffd;	/* odd last byte */
	return na;
}

/*
 * The run of bytes from s[i] that are not UTF-8, read as cp1252 (or
 * Latin-1) into a[*na..), with a repair that names them in hex pushed
 * onto R.  Returns where the run ends.
 */
static size_t
invalid_run(const struct glean_textfix *tf, const char *s, size_t n,
    size_t i, int32_t *a, size_t *na, struct glean_repairs *R)
{
	const unsigned char *p = (const unsigned char *)s;
	struct glean_buf hb = { 0 };
	struct glean_repair r = { 0 };
	size_t j;
	int32_t cp;

	r.start = *na;
	for (j = i; j < n; j++) {
		if (p[j] < 0x80)
			break;
		glean_utf8_next(s + j, n - j, &cp);
		if (cp >= 0)
			break;
		a[(*na)++] = tf->have1252 && tf->cp1252[p[j]] > 0 ?
		    tf->cp1252[p[j]] : p[j];
	}
	hexbytes(&hb, p + i, j - i);
	r.end = *na;
	r.before = hb.s;
	r.before_len = hb.len;
	r.label = glean_strdup("invalid-utf8");
	r.count = 1;
	repairs_push(R, &r);
	return j;
}

/*
 * UTF-8 s[0..n) that may hold invalid bytes (and a byte-order mark) to
 * code points in a, with a repair for each; returns the count.
 */
static size_t
decode_utf8_lossy(const struct glean_textfix *tf, const char *s, size_t n,
    int32_t *a, struct glean_repairs *R)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t na = 0, i = 0, l;
	int32_t cp;

	if (utf8_bom(p, n)) {
		push_bom(R);
		i = 3;
	}
	while (i < n) {
		if (p[i] < 0x80) {
			a[na++] = p[i++];
			continue;
		}
		l = glean_utf8_next(s + i, n - i, &cp);
		if (cp >= 0) {
			a[na++] = cp;
			i += l;
		} else
			i = invalid_run(tf, s, n, i, a, &na, R);
	}
	return na;
}

/*
 * The passes over a[0..na) (freed) a chunk at a time, each chunk with
 * its share of the repairs R (freed); text to out, repairs to rp.
 */
static void
run_chunks(const struct glean_textfix *tf, int32_t *a, size_t na,
    struct glean_repairs *R, struct glean_buf *out, struct glean_repairs *rp)
{
	size_t start = 0, end, base = 0, k = 0, m;
	struct glean_repairs C;
	struct glean_repair r;
	int32_t *b;

	do {
		end = chunk_end_c(a, na, start);
		memset(&C, 0, sizeof C);
		/* the last chunk takes what is left: a repair at the
		 * very end (a BOM-only file's) must not be lost */
		for (; k < R->n && (R->r[k].start < end || end >= na); k++) {
			r = R->r[k];
			r.start -= start;
			r.end = r.end > end ? end - start : r.end - start;
			repairs_push(&C, &r);
		}
		m = end - start;
		b = glean_malloc((m + 1) * sizeof *b);
		memcpy(b, a + start, m * sizeof *b);
		base += run_passes(tf, b, m, &C, out, rp, base);
		start = end;
	} while (start < na);
	free(R->r);
	free(a);
}

void
glean_textfix_raw(const struct glean_textfix *tf, const char *s, size_t n,
    struct glean_buf *out, struct glean_repairs *rp)
{
	const unsigned char *p = (const unsigned char *)s;
	struct glean_repairs R = { 0 };
	int32_t *a;
	size_t na;

	glean_repairs_clear(rp);
	/* plain UTF-8: the same path as documents, fast when clean */
	if (!utf16_bom(p, n) && !utf8_bom(p, n) && glean_utf8_valid(s, n)) {
		if (glean_textfix(tf, s, n, out, rp) == 0) {
			glean_buf_reset(out);
			glean_buf_add(out, s, n);
			if (!out->s)
				glean_buf_add(out, "", 0);
		}
		return;
	}
	a = glean_malloc((n + 1) * sizeof *a);
	if (utf16_bom(p, n)) {
		push_bom(&R);
		na = decode_utf16(p, n, a);
	} else
		na = decode_utf8_lossy(tf, s, n, a, &R);
	glean_buf_reset(out);
	run_chunks(tf, a, na, &R, out, rp);
	finish(rp);
}

/* ---- loading ------------------------------------------------------------ */

static int
ent_sort(const void *x, const void *y)
{
	return strcmp(((const struct entity *)x)->name,
	    ((const struct entity *)y)->name);
}

/* html-entities.tsv into tf->ent (sorted by name): name, hex code points. */
static void
load_entities(struct glean_textfix *tf, const char *lexdir)
{
	struct glean_lexicon *lx;
	size_t i;
	char *end, *q;
	long v;

	lx = glean_lexicon_load(lexdir, "html-entities.tsv", 2);
	tf->ent = glean_calloc(lx->nrows + 1, sizeof *tf->ent);
	for (i = 0; i < lx->nrows; i++) {
		struct entity *e = &tf->ent[tf->nent];

		q = lx->rows[i].f[1];
		while (e->ncp < 2) {
			v = strtol(q, &end, 16);
			if (end == q)
				break;
			if (v <= 0 || v > 0x10ffff)
				glean_die(GLEAN_EXIT_FATAL, "%s:%ld: bad code "
				    "point", lx->path, lx->rows[i].line);
			e->cp[e->ncp++] = (int32_t)v;
			q = end;
		}
		if (e->ncp == 0)
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: no code point",
			    lx->path, lx->rows[i].line);
		e->name = glean_strdup(lx->rows[i].f[0]);
		tf->nent++;
	}
	qsort(tf->ent, tf->nent, sizeof *tf->ent, ent_sort);
	glean_lexicon_free(lx);
}

/* invisible.tsv into tf->inv: hex code point, remove|joiner|keep. */
static void
load_invisibles(struct glean_textfix *tf, const char *lexdir)
{
	static const char *const actions[] = {
		[INV_KEEP] = "keep", [INV_REMOVE] = "remove",
		[INV_JOINER] = "joiner"
	};
	struct glean_lexicon *lx;
	size_t i, k;
	char *end;
	long v;

	lx = glean_lexicon_load(lexdir, "invisible.tsv", 2);
	tf->inv = glean_calloc(lx->nrows + 1, sizeof *tf->inv);
	for (i = 0; i < lx->nrows; i++) {
		v = strtol(lx->rows[i].f[0], &end, 16);
		if (*end || v <= 0 || v > 0x10ffff)
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: bad code point",
			    lx->path, lx->rows[i].line);
		for (k = 0; k < 3 && strcmp(lx->rows[i].f[1], actions[k]); k++)
			;
		if (k == 3)
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: action must be "
			    "remove, joiner or keep", lx->path,
			    lx->rows[i].line);
		tf->inv[tf->ninv].cp = (int32_t)v;
		tf->inv[tf->ninv++].action = (int)k;
	}
	glean_lexicon_free(lx);
}

struct glean_textfix *
glean_textfix_load(const char *lexdir)
{
	struct glean_textfix *tf = glean_calloc(1, sizeof *tf);
	const struct glean_codec *c;

	tf->mb = glean_mojibake_load(lexdir);
	if ((c = glean_codec_find(tf->mb, "cp1252"))) {
		memcpy(tf->cp1252, c->dec, sizeof tf->cp1252);
		tf->have1252 = 1;
	}
	load_entities(tf, lexdir);
	load_invisibles(tf, lexdir);
	build_inert(tf);
	return tf;
}

void
glean_textfix_free(struct glean_textfix *tf)
{
	static const size_t name = offsetof(struct entity, name);

	if (!tf)
		return;
	glean_mojibake_free(tf->mb);
	free(tf->inv);
	glean_free_table(tf, tf->ent, tf->nent, sizeof *tf->ent, &name, 1);
}

const struct glean_mojibake *
glean_textfix_codecs(const struct glean_textfix *tf)
{
	return tf->mb;
}

int
glean_label_is_codec(const struct glean_textfix *tf, const char *part,
    size_t n)
{
	size_t i;

	for (i = 0; i < tf->mb->n; i++)
		if (strlen(tf->mb->c[i].name) == n &&
		    memcmp(tf->mb->c[i].name, part, n) == 0)
			return 1;
	return 0;
}

void
glean_repairs_clear(struct glean_repairs *rp)
{
	static const size_t owned[] = { offsetof(struct glean_repair, before),
	    offsetof(struct glean_repair, after),
	    offsetof(struct glean_repair, label) };

	glean_free_fields(rp->r, rp->n, sizeof *rp->r, owned, 3);
	rp->n = 0;
}

void
glean_repairs_free(struct glean_repairs *rp)
{
	glean_repairs_clear(rp);
	free(rp->r);
	rp->r = NULL;
	rp->cap = 0;
}
