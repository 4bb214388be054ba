/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: candidate speakers: mentions, pronouns, roles, role phrases.
 */
#include <utf8proc.h>

#include "quotes.h"

/* ---- mentions ----------------------------------------------------- */

/* The bit of d->lastwords for a person's last word at bytes [b, e):
 * by its length and first and last bytes. */
static uint64_t
last_word_bit(struct qdoc *d, uint32_t b, uint32_t e)
{
	unsigned first = e > b ? (unsigned char)d->s[b] : 0;
	unsigned last = e > b ? (unsigned char)d->s[e - 1] : 0;

	return 1ull << (((e - b) * 31 + first * 7 + last) & 63);
}

/*
 * Add a mention of [b, e) of kind kind named canon[0..clen), its last
 * word at [lastb, laste).
 */
static void
add_mention(struct qdoc *d, uint32_t b, uint32_t e, int kind, const char *canon, size_t clen,
    uint32_t lastb, uint32_t laste)
{
	struct mention *m;

	GROW(d->m, d->nm, d->capm);
	m = &d->m[d->nm++];
	m->b = b;
	m->e = e;
	m->kind = kind;
	m->canon = canon;
	m->clen = (uint32_t)clen;
	m->lastb = lastb;
	m->laste = laste;
	if (kind == M_PERSON)
		d->lastwords |= last_word_bit(d, lastb, laste);
}

/* Mentions by start (qsort). */
static int
mcmp(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	return x->b < y->b ? -1 : x->b > y->b;
}

/* The mention kind of an entity kind; -1 for a role, -2 for the rest. */
static int
mention_kind(struct glean_arena *a, const struct jstr *k)
{
	if (JSTR_IS(a, k, "person"))
		return M_PERSON;
	if (JSTR_IS(a, k, "organisation") || JSTR_IS(a, k, "authority"))
		return M_ORG;
	return JSTR_IS(a, k, "role") ? -1 : -2;
}

/*
 * Entities layer text[0..len): person, organisation, authority (and
 * resolved roles).  A name with an escape is decoded into the layer's
 * arena, which lives as long as the document; the others are the
 * layer's text, which lives as long too.
 */
static int
layer_mentions(struct qdoc *d, const char *text, size_t len,
    const struct offmap *om)
{
	struct entities r;
	struct entity e;
	const char *c;
	size_t cl;
	int kind;
	uint32_t b, ee;

	if (text == NULL || !entities_open(&r, &d->layer, text, len))
		return -1;
	d->nm = 0;
	d->lastwords = 0;
	while (entity_next(&r, &e)) {
		if (!e.has_start || !e.has_end || !e.kind.ok)
			continue;
		if (e.start < 0 || e.end <= e.start ||
		    (size_t)e.end > om->ncps)
			continue;
		if ((kind = mention_kind(&d->layer, &e.kind)) == -2)
			continue;
		b = (uint32_t)om_byte(om, (size_t)e.start);
		ee = (uint32_t)om_byte(om, (size_t)e.end);
		cl = 0;
		/* names are read by their length: no copy to end one */
		if (e.canon.ok && !e.canon.esc) {
			c = e.canon.p;
			cl = e.canon.n;
		} else {
			c = e.canon.ok ? jstr_text(&d->layer, &e.canon, &cl) :
			    NULL;
		}
		if (kind == -1) {
			/* a role the layer resolved to a person */
			if (!c || (cl == ee - b &&
			    memcmp(c, d->s + b, cl) == 0))
				continue;
			kind = M_PERSON;
		}
		if (cl > 0)
			add_mention(d, b, ee, kind, c, cl, b, ee);
		else
			add_mention(d, b, ee, kind, d->s + b, ee - b, b, ee);
	}
	if (d->nm > 1)
		sort_unless_sorted(d->m, d->nm, sizeof(*d->m), mcmp);
	return 0;
}

/* Is word i written in capitals (two or more, no lower case: "NSPCC")? */
static int
all_caps_word(struct qdoc *d, size_t i)
{
	size_t k;
	int up = 0;

	for (k = d->w[i].b; k < d->w[i].e; k++) {
		if (d->s[k] >= 'a' && d->s[k] <= 'z')
			return 0;
		if (d->s[k] >= 'A' && d->s[k] <= 'Z')
			up++;
	}
	return up >= 2;
}

/*
 * Copy text[b, e) into the names store with each run of white space made
 * one space; returns its offset.  The store was sized for the whole text
 * at the start of the document, so earlier names never move.
 */
static size_t
squeeze(struct qdoc *d, size_t b, size_t e)
{
	size_t off = d->namelen, l;
	int sp = 0;
	int32_t cp;
	unsigned char c;

	while (b < e) {
		c = (unsigned char)d->s[b];
		if (c > ' ' && c < 0x80) {
			/* most of a name: ASCII letters */
			if (sp)
				d->names[d->namelen++] = ' ';
			sp = 0;
			d->names[d->namelen++] = d->s[b++];
			continue;
		}
		cp = cp_at(d, b, &l);
		if (l == 0)
			break;
		if (is_space_cp(cp)) {
			sp = 1;
		} else {
			if (sp)
				d->names[d->namelen++] = ' ';
			sp = 0;
			memcpy(d->names + d->namelen, d->s + b, l);
			d->namelen += l;
		}
		b += l;
	}
	d->names[d->namelen++] = '\0';
	return off;
}

/*
 * Would squeeze copy the name of words [a, z) as the text writes it?
 * Most names are ("Jane Doe"), and are then named by the text itself:
 * our own words (scan_words) hold no white space, so a name of them
 * whose words are one space apart is.
 */
static int
squeezed_already(struct qdoc *d, size_t a, size_t z)
{
	size_t k;

	if (!d->own_words)
		return 0;
	for (k = a; k + 1 < z; k++)
		if (d->w[k + 1].b != d->w[k].e + 1 || d->s[d->w[k].e] != ' ')
			return 0;
	return 1;
}

/* The slot of word i's folded form: where it is, or the empty one. */
static size_t
midcap_slot(struct qdoc *d, size_t i)
{
	size_t fl, gl, h;
	const char *g, *f = wfold(d, i, &fl);

	/* after wfold, which works the hash out */
	h = d->w[i].hash & d->maskmidcap;
	while (d->midcap[h] != 0) {
		g = wfold(d, d->midcap[h] - 1, &gl);
		if (gl == fl && memcmp(f, g, fl) == 0)
			break;
		h = (h + 1) & d->maskmidcap;
	}
	return h;
}

/* Fill d->midcap with the capitalised words seen inside sentences.  The
 * table is sized for all the words listed in d->capital, which hold
 * them: counting them first cost more than the room saved. */
static void
collect_midcap(struct qdoc *d)
{
	size_t i, k, n = d->ncapital, cap = 64, h;

	d->nmidcap = n;
	if (n == 0)
		return;
	while (cap < 2 * n)
		cap *= 2;
	if (d->capmidcap < cap) {
		free(d->midcap);
		d->midcap = glean_malloc(cap * sizeof(*d->midcap));
		d->capmidcap = cap;
	}
	memset(d->midcap, 0, cap * sizeof(*d->midcap));
	d->maskmidcap = cap - 1;
	for (k = 0; k < d->ncapital; k++) {
		i = d->capital[k];
		if (!d->w[i].cap || d->w[i].sstart)
			continue;
		h = midcap_slot(d, i);
		if (d->midcap[h] == 0)
			d->midcap[h] = (uint32_t)(i + 1);
	}
}

/* Is word i's folded form also capitalised inside some sentence?  The
 * set is made on the first question (d->nmidcap SIZE_MAX before). */
static int
seen_inside(struct qdoc *d, size_t i)
{
	if (d->nmidcap == SIZE_MAX)
		collect_midcap(d);
	return d->nmidcap > 0 && d->midcap[midcap_slot(d, i)] != 0;
}

/* Does [b, e) overlap one of the first nent mentions (sorted)? */
static int
overlaps(struct qdoc *d, uint32_t b, uint32_t e, size_t nent)
{
	/* the first that ends after b */
	size_t lo = first_at_least(d->m, nent, sizeof(*d->m),
	    offsetof(struct mention, e), (size_t)b + 1), hi;

	/* mentions may nest: look at a few from there, up to the first
	 * that starts at e or after (so do the rest: sorted by start) */
	for (hi = lo; hi < nent && hi < lo + 8 && d->m[hi].b < e; hi++)
		if (d->m[hi].e > b)
			return 1;
	return 0;
}

/* Is word j, capitalised, after an initial and its stop ("R. Fieldstone",
 * "D.C.")? */
static int
initial_stop(struct qdoc *d, size_t j)
{
	const struct word *p = &d->w[j - 1];

	return d->w[j].cap && p->cap && p->e - p->b == 1 && p->e < d->n &&
	    d->s[p->e] == '.' && blank(d, p->e + 1, d->w[j].b);
}

/* blank(d, b, e), its most common case (one space: most gaps between
 * words) told inline. */
static inline int
blank_gap(struct qdoc *d, uint32_t b, uint32_t e)
{
	return (e == b + 1 && d->s[b] == ' ') || blank(d, b, e);
}

/*
 * The end of the run of capitalised words from word i, outside
 * quotations, in i's paragraph and sentence: capitalised words, a
 * connector between two ("Bank of England"), an initial's stop
 * ("Ronald R. Fieldstone").
 */
static size_t
cap_run_end(struct qdoc *d, size_t i)
{
	size_t j = i + 1;

	while (j < d->nw && !d->w[j].inq && d->w[j].para == d->w[i].para &&
	    !d->w[j].sstart && (blank_gap(d, d->w[j - 1].e, d->w[j].b) ||
	    initial_stop(d, j))) {
		if (d->w[j].cap) {
			j++;
			continue;
		}
		/* a capital next first: most words after a name have none */
		if (j + 1 < d->nw && d->w[j + 1].cap && !d->w[j + 1].inq &&
		    connector(d, j) &&
		    blank_gap(d, d->w[j].e, d->w[j + 1].b)) {
			j += 2;
			continue;
		}
		break;
	}
	return j;
}

/*
 * Cut the run of words [*a, *z) to the name in it: titles (*title set
 * when there was one) and a first function word off its start, then
 * connectors off its end and time words off its start.
 */
static void
trim_cap_run(struct qdoc *d, size_t *a, size_t *z, int *title)
{
	size_t k;
	int c;

	*title = 0;
	for (k = *a; k < *z; k++) {
		c = wclass(d, k);
		if (c & C_TITLE) {
			*title = 1;
			*a = k + 1;
		} else if (k == *a && (c & C_FUNCTION)) {
			*a = k + 1;
		}
	}
	while (*z > *a && (wclass(d, *z - 1) & C_CONNECTOR))
		(*z)--;
	while (*a < *z && (wclass(d, *a) & C_TIME))
		(*a)++;
}

/*
 * The mention kind of the name [a, z) (title: a title went before it):
 * M_ORG with an organisation or spokesperson word or an all-capitals
 * word, M_PERSON after a title or with two words or more, else
 * M_UNKNOWN; -1 when it is no name: initials alone (the "B" of
 * "F.B.I."), or one word opening a sentence that is not written with a
 * capital inside one elsewhere ("Just ask him.").
 */
static int
cap_run_kind(struct qdoc *d, size_t a, size_t z, int title)
{
	size_t k;

	for (k = a; k < z && d->w[k].e - d->w[k].b == 1; k++)
		;
	if (k == z)
		return -1;
	if (z - a == 1 && d->w[a].sstart && !title &&
	    !(wclass(d, a) & C_ORGWORD) && !all_caps_word(d, a) &&
	    !seen_inside(d, a))
		return -1;
	for (k = a; k < z; k++)
		if ((wclass(d, k) & (C_ORGWORD | C_SPOKES)) ||
		    all_caps_word(d, k))
			return M_ORG;
	return title || z - a >= 2 ? M_PERSON : M_UNKNOWN;
}

/*
 * A lone surname at word a: a mention of the last person (of the
 * NAMEBACK mentions before) whose last word it is, named as that person.
 * Returns 1 when it is added, else 0.
 */
static int
add_surname(struct qdoc *d, size_t a)
{
	size_t look, nb = d->w[a].e - d->w[a].b;
	const struct mention *pm;

	/* most lone capitals are no earlier person's last word */
	if (!(d->lastwords & last_word_bit(d, d->w[a].b, d->w[a].e)))
		return 0;

	/* d->m is NULL while d->nm is 0: no arithmetic on it */
	for (look = 0, pm = d->nm > 0 ? d->m + d->nm : NULL;
	    pm != NULL && pm > d->m && look < NAMEBACK; look++) {
		pm--;
		if (pm->laste - pm->lastb == nb && pm->kind == M_PERSON &&
		    pm->lastb != d->w[a].b &&
		    memcmp(d->s + pm->lastb, d->s + d->w[a].b, nb) == 0) {
			add_mention(d, d->w[a].b, d->w[a].e, M_PERSON,
			    pm->canon, pm->clen, d->w[a].b, d->w[a].e);
			return 1;
		}
	}
	return 0;
}

/*
 * Our own names where the entities layer has none (after its first nent
 * mentions): runs of capitalised words outside quotations and headings
 * (cap_run_end), titles and sentence-initial function words dropped
 * (trim_cap_run), of the kind cap_run_kind tells; a lone surname takes
 * the full name of the last person with it (add_surname).
 */
static void
heuristic_mentions(struct qdoc *d, size_t nent)
{
	size_t i, j = 0, a, z, nb, ci;
	uint32_t b, e;
	int title, kind;

	for (ci = 0; ci < d->ncapital; ci++) {
		i = d->capital[ci];
		if (i < j)
			continue;	/* taken into the last run */
		j = i + 1;
		if (!d->w[i].cap || d->w[i].inq || d->p[d->w[i].para].heading)
			continue;
		j = cap_run_end(d, i);
		a = i;
		z = j;
		trim_cap_run(d, &a, &z, &title);
		/* a name of the layer's first: either test drops the run,
		 * and this one costs less (and may spare seen_inside's set) */
		if (a >= z || (nent > 0 &&
		    overlaps(d, d->w[a].b, d->w[z - 1].e, nent)))
			continue;
		if ((kind = cap_run_kind(d, a, z, title)) < 0)
			continue;
		if (kind != M_ORG && z - a == 1 && add_surname(d, a))
			continue;
		b = d->w[a].b;
		e = d->w[z - 1].e;
		if (squeezed_already(d, a, z)) {
			add_mention(d, b, e, kind, d->s + b, e - b,
			    d->w[z - 1].b, e);
			continue;
		}
		nb = squeeze(d, b, e);
		add_mention(d, b, e, kind, d->names + nb, d->namelen - nb - 1,
		    d->w[z - 1].b, e);
	}
}

/*
 * Merge the mentions [0, nent) and [nent, d->nm), each in order of
 * start, into one order, as a stable sort would (the first part's
 * before the second's at the same start): the layer's names and ours.
 */
static void
merge_mentions(struct qdoc *d, size_t nent)
{
	size_t nh = d->nm - nent, i = nent, j = nh, k = d->nm;

	if (d->capmtmp < nh) {
		d->capmtmp = nh;
		free(d->mtmp);
		d->mtmp = glean_malloc(nh * sizeof(*d->mtmp));
	}
	memcpy(d->mtmp, d->m + nent, nh * sizeof(*d->mtmp));
	/* from the back: the larger start goes last, ours on a tie */
	while (j > 0) {
		if (i > 0 && d->m[i - 1].b > d->mtmp[j - 1].b)
			d->m[--k] = d->m[--i];
		else
			d->m[--k] = d->mtmp[--j];
	}
}

/*
 * The names of the document, made when an attribution first looks for
 * one, so that the entities layer (reading it costs more than the rest
 * of reading a document) is read only for the documents that use it,
 * and then as text into the arena: jansson's values cost more again.
 * Making them later gives the same names: they come from the words and
 * the paragraphs, which attribute() does not change (it sets only the
 * quotations and each paragraph's reportsec).
 */
void
need_mentions(struct qdoc *d)
{
	const char *ents;
	size_t nent, len;

	if (d->have_mentions)
		return;
	d->have_mentions = 1;
	ents = glean_field_text(d->doc, "entities", &len);
	layer_mentions(d, ents, len, &d->om);
	/* each name is a piece of the text, plus its NUL */
	if (d->namecap < 2 * d->n + 2) {
		d->namecap = 2 * d->n + 2;
		free(d->names);
		d->names = glean_malloc(d->namecap);
	}
	/* our own names where the entities layer has none */
	nent = d->nm;
	heuristic_mentions(d, nent);
	if (nent > 0 && d->nm > nent)
		merge_mentions(d, nent);
}

/* How many mentions start before byte pos. */
static size_t
mentions_before(struct qdoc *d, uint32_t pos)
{
	return first_at_least(d->m, d->nm, sizeof(*d->m),
	    offsetof(struct mention, b), pos);
}

/* Last (or first) mention lying inside [b, e), or -1. */
long
mention_in(struct qdoc *d, uint32_t b, uint32_t e, int first)
{
	size_t lo = mentions_before(d, b);
	long best = -1;

	for (; lo < d->nm && d->m[lo].b < e; lo++) {
		if (d->m[lo].e <= e) {
			best = (long)lo;
			if (first)
				break;
		}
	}
	return best;
}

/* An empty attribution: no speaker, no spans, a speech. */
void
attr_clear(struct attr *a)
{
	a->speaker = NULL;
	a->sb = a->se = a->cb = a->ce = a->pb = a->pe = -1;
	a->kind = K_SPEECH;
	a->person = 0;
	a->skind = SK_NONE;
	a->gender = SEX_UNKNOWN;
	a->pronoun = 0;
}

/* a's speaker is s[0..n) (copied), named at bytes [b, e). */
void
set_speaker(struct attr *a, const char *s, size_t n, int64_t b, int64_t e)
{
	free(a->speaker);
	a->speaker = glean_strndup(s, n);
	a->sb = a->pb = b;
	a->se = a->pe = e;
}

/* The sex a name's first word (a forename) tells: G_ from forenames.tsv
 * or quote-words.tsv's titles. */
int
name_sex(const struct quotes_lex *lx, const char *name, size_t n)
{
	char f[32];
	size_t k;
	int c;

	for (k = 0; k < n && k < sizeof(f) && name[k] != ' '; k++)
		f[k] = (char)(name[k] >= 'A' && name[k] <= 'Z' ?
		    name[k] - 'A' + 'a' : name[k]);
	if (k == 0 || k == sizeof(f))
		return SEX_UNKNOWN;
	c = set_get(&lx->classes, f, k);
	return c & C_MALE ? SEX_MALE : c & C_FEMALE ? SEX_FEMALE : SEX_UNKNOWN;
}

/* The sex of mention m: a title before it or inside it (Mr, Mrs), else
 * its canonical name's forename; SEX_UNKNOWN when neither tells. */
int
mention_sex(struct qdoc *d, const struct mention *m)
{
	size_t w = word_at(d, m->b);
	int c;

	if (w > 0 && d->w[w - 1].cap) {
		c = wclass(d, w - 1);
		if (c & (C_MALE | C_FEMALE))
			return c & C_MALE ? SEX_MALE : SEX_FEMALE;
	}
	if (w < d->nw && (c = wclass(d, w)) & (C_MALE | C_FEMALE))
		return c & C_MALE ? SEX_MALE : SEX_FEMALE;
	return name_sex(d->lx, m->canon, m->clen);
}

/* Does a person of sex have fit a pronoun asking for want? */
static int
sex_fits(int want, int have)
{
	return want == SEX_UNKNOWN || have == SEX_UNKNOWN || want == have;
}

/*
 * The last mention before byte pos that a pronoun of class c and sex
 * sex can refer to: a person (or a name of unknown kind) of that sex, or
 * for it/they a body; not one inside a quotation (the people a speaker
 * talks about are not the speaker).  -1 when none of the last 64 fits.
 */
static long
antecedent(struct qdoc *d, uint32_t pos, int c, int sex)
{
	long k = (long)mentions_before(d, pos);
	int look = 0, want = c == P_PERSON ? M_PERSON : M_ORG;
	const struct mention *m;

	while (--k >= 0 && look++ < 64) {
		m = &d->m[k];
		if (m->e > pos || (m->kind != want && m->kind != M_UNKNOWN))
			continue;
		if (d->w[word_at(d, m->b) < d->nw ? word_at(d, m->b) : 0].inq)
			continue;
		if (want == M_PERSON && !sex_fits(sex, mention_sex(d, m)))
			continue;
		return k;
	}
	return -1;
}

/*
 * The subject of the sentence before word i's, when a pronoun of class c
 * and sex sex fits it: the first mention of that sentence outside
 * quotations, if it opens the sentence (after a determiner or a title)
 * or follows the quotation the sentence opens with.  -1 otherwise.
 */
static long
sentence_subject(struct qdoc *d, size_t i, int c, int sex)
{
	size_t s, p, w;
	long k;
	const struct mention *m;

	for (s = i; s > 0 && !d->w[s].sstart && i - s < 2 * WINDOW; s--)
		;
	if (s == 0)
		return -1;
	for (p = s - 1; p > 0 && !d->w[p].sstart && s - p < 2 * WINDOW; p--)
		;
	while (p < s && (d->w[p].inq || (wclass(d, p) & (C_DET | C_TITLE))))
		p++;
	if (p >= s)
		return -1;
	k = mention_in(d, d->w[p].b, d->w[s - 1].e, 1);
	if (k < 0)
		return -1;
	m = &d->m[k];
	w = word_at(d, m->b);
	if (w > p + 1 || (c == P_PERSON ? m->kind == M_ORG ||
	    !sex_fits(sex, mention_sex(d, m)) : m->kind == M_PERSON))
		return -1;
	return k;
}

/*
 * The subject of the pronoun at word i's own sentence, when the pronoun
 * is inside it and a pronoun of class c and sex sex fits that subject:
 * the first mention outside quotations, if it opens the sentence (after
 * a determiner or a title).  -1 otherwise.
 */
static long
own_subject(struct qdoc *d, size_t i, int c, int sex)
{
	size_t s, p;
	long k;
	const struct mention *m;

	if (d->w[i].sstart)
		return -1;
	for (s = i; s > 0 && !d->w[s].sstart && i - s < 2 * WINDOW; s--)
		;
	p = s;
	while (p < i && (d->w[p].inq || (wclass(d, p) & (C_DET | C_TITLE))))
		p++;
	if (p >= i || (k = mention_in(d, d->w[p].b, d->w[i].b, 1)) < 0)
		return -1;
	m = &d->m[k];
	if (word_at(d, m->b) != p || (c == P_PERSON ? m->kind == M_ORG ||
	    !sex_fits(sex, mention_sex(d, m)) : m->kind == M_PERSON))
		return -1;
	return k;
}

/*
 * Resolve the pronoun at word i (class c, sex sex) into a: the subject
 * of a cue in the sentence before (indirect speech: "A spokesperson for
 * X told the BBC ... They said:"), else the most recent of the last
 * speaker of its kind and the last mention that fits.  Returns 1 when
 * one fits, 0 otherwise (a keeps no speaker: never the pronoun itself).
 */
static int
resolve_pronoun(struct qdoc *d, size_t i, int c, int sex, struct attr *a)
{
	long m, k;
	uint32_t pos = d->w[i].b;
	const struct recent *r;
	struct attr t;

	if (c == P_SELF || c == P_NONE)
		return 0;
	if (indirect_subject(d, i, &t)) {
		if (c == P_PERSON ? t.person && t.skind != SK_ORG &&
		    sex_fits(sex, t.gender) : t.skind == SK_ORG ||
		    t.skind == SK_INSPECTORATE) {
			set_speaker(a, t.speaker, strlen(t.speaker), d->w[i].b,
			    d->w[i].e);
			a->person = t.person;
			a->skind = t.skind;
			a->gender = t.gender;
			if (t.kind == K_REPORT)
				a->kind = K_REPORT;
			free(t.speaker);
			return 1;
		}
		free(t.speaker);
	}
	m = antecedent(d, pos, c, sex);
	k = sentence_subject(d, i, c, sex);
	if (k >= 0 && m >= 0 && k != m && d->m[k].b < d->m[m].b)
		m = k;	/* "Ofsted rated X good. It praised ..." */
	k = own_subject(d, i, c, sex);
	if (k >= 0 && m >= 0 && k != m && d->m[k].b < d->m[m].b)
		m = k;	/* "Clinton says Americans are ... what she calls" */
	if (c == P_PERSON) {
		r = &d->last_person;
	} else {
		r = &d->last_body;
		if (c == P_GROUP && d->last_person.valid &&
		    d->last_person.kind == K_REPORT &&
		    (!r->valid || d->last_person.pos > r->pos))
			r = &d->last_person;
	}
	if (r->valid && (c != P_PERSON || sex_fits(sex, r->gender)) &&
	    (m < 0 || r->pos >= d->m[m].b)) {
		set_speaker(a, r->name, strlen(r->name), d->w[i].b, d->w[i].e);
		a->kind = r->kind == K_REPORT ? K_REPORT : a->kind;
		a->person = c == P_PERSON;
		a->gender = r->gender;
		return 1;
	}
	if (m >= 0) {
		set_speaker(a, d->m[m].canon, d->m[m].clen, d->w[i].b,
		    d->w[i].e);
		a->person = d->m[m].kind != M_ORG;
		a->skind = d->m[m].kind == M_ORG ? SK_ORG : SK_PERSON;
		a->gender = a->person ? mention_sex(d, &d->m[m]) : SEX_UNKNOWN;
		return 1;
	}
	return 0;
}


/*
 * The role named by words [a, z) ("the chief executive of X", "the
 * director"): the index of its last word, or -1.  The role is the first
 * run of lower-case words after a determiner.
 */
static long
role_head(struct qdoc *d, size_t a, size_t z)
{
	size_t i = a;
	long head = -1;

	if (!(wclass(d, i) & C_DET))
		return -1;
	i++;
	while (i < z && d->w[i].cap && i + 1 < z && d->w[i + 1].e -
	    d->w[i + 1].b <= 3 && d->s[d->w[i + 1].b] == '\'')
		i += 2;		/* the authority's */
	for (; i < z; i++) {
		if (d->w[i].cap || (wclass(d, i) & (C_FUNCTION | C_DET | C_AUX |
		    C_CONNECTOR | C_TIME)))
			break;
		head = (long)i;
	}
	return head;
}

/*
 * A person named with the role word h elsewhere in the document:
 * "chief executive Clare Marchant", "Julia Hassall, director of ...".
 * The nearest such mention to word h, within a bounded window.
 */
static long
role_link(struct qdoc *d, size_t h)
{
	size_t fl, lo = mentions_before(d, d->w[h].b), k, wi, j;
	const char *f = wfold(d, h, &fl), *g;
	size_t gl;
	long best = -1;
	size_t bestd = SIZE_MAX, dist;

	k = lo > 100 ? lo - 100 : 0;
	for (; k < d->nm && k < lo + 100; k++) {
		if (d->m[k].kind != M_PERSON)
			continue;
		dist = d->m[k].b > d->w[h].b ? d->m[k].b - d->w[h].b :
		    d->w[h].b - d->m[k].b;
		if (dist >= bestd)
			continue;
		wi = word_at(d, d->m[k].b);
		/* the role just before the name */
		if (wi > 0 && wi - 1 != h) {
			g = wfold(d, wi - 1, &gl);
			if (gl == fl && memcmp(f, g, fl) == 0) {
				best = (long)k;
				bestd = dist;
				continue;
			}
		}
		/* or after it: "Name, (the council's) role" */
		wi = word_at(d, d->m[k].e);
		if (wi >= d->nw || !clause_break(d, wi))
			continue;
		for (j = wi; j < d->nw && j < wi + 6; j++) {
			if (j > wi && clause_break(d, j))
				break;
			g = wfold(d, j, &gl);
			if (j != h && gl == fl && memcmp(f, g, fl) == 0) {
				best = (long)k;
				bestd = dist;
				break;
			}
		}
	}
	return best;
}

/*
 * Does the report cue at words [at, at+len) speak for the phrase rather
 * than mention m (-1 none) in it: no mention, the mention is the cue
 * itself ("Ofsted"), the cue comes after the mention as its own noun
 * phrase ("the council ... after an inspection found"), or the phrase
 * (from word a) opens with the cue, after a determiner at most ("The
 * watchdog has rated the council ... and warned"), or is a sentence's
 * first noun phrase that does (flags NP_FIRST).
 */
static int
report_cue_heads(struct qdoc *d, long m, size_t a, size_t at, size_t len,
    int flags)
{
	size_t after;

	if (m < 0)
		return 1;
	if (d->m[m].b > d->w[at].b && (at == a || (at == a + 1 &&
	    (wclass(d, a) & C_DET))))
		return 1;
	if (d->m[m].b >= d->w[at].b && d->m[m].e <= d->w[at + len - 1].e)
		return 1;
	if (d->m[m].e <= d->w[at].b) {
		/* "Wirral Council's report", "Ofsted inspectors": the
		 * mention's own report */
		after = word_at(d, d->m[m].e);
		return after < at && !is_possessive(d, after);
	}
	return (flags & NP_FIRST) != 0;
}

/* Is word a a name's word: a forename, or the last word of a person
 * named in the document? */
static int
name_word(struct qdoc *d, size_t a)
{
	size_t k, n = d->w[a].e - d->w[a].b;

	if (wclass(d, a) & (C_MALE | C_FEMALE))
		return 1;
	for (k = 0; k < d->nm && k < 400; k++)
		if (d->m[k].kind == M_PERSON && d->m[k].laste -
		    d->m[k].lastb == n && d->m[k].lastb != d->w[a].b &&
		    memcmp(d->s + d->m[k].lastb, d->s + d->w[a].b, n) == 0)
			return 1;
	return 0;
}

/* Is word a's fold written in lower case somewhere in the document (a
 * common noun capitalised at a sentence start: "Interventions were")? */
static int
lower_elsewhere(struct qdoc *d, size_t a)
{
	size_t i, fl, gl;
	const char *f = wfold(d, a, &fl), *g;
	const unsigned char *s = (const unsigned char *)d->s;

	for (i = 0; i < d->nw; i++) {
		uint32_t b = d->w[i].b;	/* an ASCII byte before another folds
					 * alone: most words differ there */

		if (d->w[i].cap || d->w[i].e - b != d->w[a].e - d->w[a].b ||
		    (fl > 0 && s[b] < 0x80 && (d->w[i].e == b + 1 ||
		    s[b + 1] < 0x80) && lower(s[b]) != (unsigned char)f[0]))
			continue;
		g = wfold(d, i, &gl);
		if (gl == fl && memcmp(f, g, fl) == 0)
			return 1;
	}
	return 0;
}

/*
 * May capitalised words [a, z) be taken for a name the mentions missed?
 * Several words, or one inside a sentence, yes; one at a sentence start
 * only when it is a known name's word, or is never written in lower case
 * in the document and is not the subject of a plural verb
 * ("Interventions were found").
 */
static int
lone_capital_ok(struct qdoc *d, size_t a, size_t z)
{
	if (z - a > 1 || !d->w[a].sstart || name_word(d, a))
		return 1;
	if (z < d->nw && (wclass(d, z) & C_PLURAL))
		return 0;
	return !lower_elsewhere(d, a);
}

/*
 * Do words [a, z) name a source without naming it, a role phrase ("the
 * official", "a council spokesman", "campaigners"): a role, spokes-
 * person or organisation word as its last word (its head), and no
 * relative, conjunction or auxiliary ("the fact that more customers")?
 * SK_ROLE or SK_ORG ("the company"); 0 when not.
 */
static int
role_phrase(struct qdoc *d, size_t a, size_t z)
{
	size_t i;
	int c, role = 0, org = 0;

	for (i = a; i < z; i++) {
		c = wclass(d, i);
		if (c & (C_REL | C_CONJ | C_AUX))
			return 0;
		if (c & (C_ROLE | C_SPOKES))
			role = 1;
		else if (c & C_ORGWORD)
			org = 1;
	}
	/* the phrase ends with its head: "the chancellor to", "the firm
	 * denied" are not sources */
	c = wclass(d, z - 1);
	if (!(c & (C_ROLE | C_SPOKES | C_ORGWORD)))
		return 0;
	return role ? SK_ROLE : org ? SK_ORG : 0;
}

/* Is one of the space-separated words of name[0..n) (folded as ASCII)
 * in the list w of nw folded words? */
static int
name_has_word(const char *name, size_t n, char *const *w, size_t nw)
{
	size_t b = 0, e, k, l;

	while (b < n) {
		for (e = b; e < n && name[e] != ' '; e++)
			;
		for (k = 0; k < nw; k++) {
			l = strlen(w[k]);
			if (l == e - b && strncasecmp(name + b, w[k], l) == 0)
				return 1;
		}
		b = e + 1;
	}
	return 0;
}

/*
 * "the company", "the ministry" (words [k, z), k a definite determiner,
 * the last word a head of role-bodies.tsv): the organisation it stands
 * for, when exactly one that fits (its name holds a needed word and no
 * avoided one; not an inspectorate) is named in the phrase's paragraph
 * or the LOOKBACK before it.  Returns 1 with a set to it, else 0 (the
 * role phrase stays what it is).
 */
static int
role_body(struct qdoc *d, size_t k, size_t z, struct attr *a)
{
	const struct rolebody *rb;
	const struct mention *m, *found = NULL;
	uint32_t from;
	long i;
	int r;

	if (!(wclass(d, k) & C_DEFINITE) ||
	    (r = wlookup(d, &d->lx->roleheads, z - 1)) == 0)
		return 0;
	rb = &d->lx->rolebodies[r - 1];
	from = d->p[d->w[k].para > LOOKBACK ? d->w[k].para - LOOKBACK : 0].b;
	for (i = (long)mentions_before(d, d->w[k].b) - 1; i >= 0; i--) {
		m = &d->m[i];
		if (m->b < from)
			break;
		if (m->kind != M_ORG || m->e > d->w[k].b ||
		    (rb->nneed > 0 && !name_has_word(m->canon, m->clen,
		    rb->need, rb->nneed)) || name_has_word(m->canon, m->clen,
		    rb->avoid, rb->navoid) || inspectorate_of(d, m->canon,
		    m->clen))
			continue;
		if (found && (found->clen != m->clen || memcmp(found->canon,
		    m->canon, m->clen) != 0))
			return 0;	/* two fit: which one is not ours to say */
		found = m;
	}
	if (!found)
		return 0;
	set_speaker(a, found->canon, found->clen, d->w[k].b, d->w[z - 1].e);
	a->skind = SK_ORG;
	return 1;
}

/* Does word i look like a verb: an auxiliary, a cue, a past tense? */
static int
verbish(struct qdoc *d, size_t i)
{
	size_t fl, n;
	const char *f = wfold(d, i, &fl);

	if (d->w[i].cap)
		return 0;
	return (wclass(d, i) & C_AUX) || cue_at(d, i, &n) >= 0 ||
	    (fl > 3 && memcmp(f + fl - 2, "ed", 2) == 0);
}

/*
 * Is mention m, of no known kind, the object of a preposition within
 * the words from a on ("celebrated in Florida", "the stage in
 * Baltimore"): a place or a thing, not who speaks?
 */
static int
prep_object(struct qdoc *d, long m, size_t a)
{
	size_t w = word_at(d, d->m[m].b);

	if (d->m[m].kind != M_UNKNOWN || w <= a)
		return 0;
	if ((wclass(d, w - 1) & C_DET) && w - 1 > a)
		w--;
	return (wclass(d, w - 1) & (C_PREP | C_AGENT)) == C_PREP;
}

/* The mention resolve_np starts from in words [a, z): the last one (the
 * first with NP_FIRST) that is no preposition's object, unless the words
 * name a spokesperson ("a spokesman for Disney"); -1 none. */
static long
np_mention(struct qdoc *d, size_t a, size_t z, int flags, int spokes)
{
	long m = mention_in(d, d->w[a].b, d->w[z - 1].e, flags & NP_FIRST);
	uint32_t b;

	while (m >= 0 && !spokes && prep_object(d, m, a)) {
		if (flags & NP_FIRST) {
			b = d->m[m].e;
			m = b < d->w[z - 1].e ? mention_in(d, b, d->w[z - 1].e,
			    1) : -1;
		} else {
			b = d->m[m].b;
			m = b > d->w[a].b ? mention_in(d, d->w[a].b, b, 0) : -1;
		}
	}
	return m;
}

/* ---- who a noun phrase names: resolve_np and its steps ---------------- */

/*
 * The words resolve_np works on and what its steps have found so far,
 * passed from step to step.
 */
struct np {
	size_t a, z;	/* the words, at most CHUNKMAX of them */
	int flags;	/* NP_ */
	int spokes;	/* a spokesperson word among them */
	long m;		/* the mention they name; -1 none */
	int placed;	/* they hold a mention, but one that names no
			 * speaker ("celebrated in Florida") */
};

/*
 * Set np to the words [a, z) and flags, cut to CHUNKMAX words (the
 * first ones with NP_FIRST: the subject opens them; else the last).
 * Returns 0 when they cannot name a speaker: none, or one inside a
 * quotation.
 */
static int
np_words(struct qdoc *d, size_t a, size_t z, int flags, struct np *np)
{
	size_t i;

	if (a >= z)
		return 0;
	if (z - a > CHUNKMAX && (flags & NP_FIRST))
		z = a + CHUNKMAX;
	else if (z - a > CHUNKMAX)
		a = z - CHUNKMAX;
	for (i = a; i < z; i++)
		if (d->w[i].inq)
			return 0;
	np->a = a;
	np->z = z;
	np->flags = flags;
	np->spokes = 0;
	for (i = a; i < z; i++)
		if (wclass(d, i) & C_SPOKES)
			np->spokes = 1;
	return 1;
}

/*
 * "Paddy Cleary from Unison": the person np's words open with (after
 * determiners and titles), when that is not already np->m; else np->m.
 */
static long
opening_person(struct qdoc *d, const struct np *np)
{
	long m0 = mention_in(d, d->w[np->a].b, d->w[np->z - 1].e, 1);
	size_t a0 = np->a;

	while (a0 < np->z && (wclass(d, a0) & (C_DET | C_TITLE)))
		a0++;
	if (m0 >= 0 && m0 != np->m && d->m[m0].kind == M_PERSON &&
	    d->m[m0].b == d->w[a0].b)
		return m0;
	return np->m;
}

/*
 * Choose the mention np's words name (np->m; np_mention), and whether
 * they hold one that names no one (np->placed).  None when a pronoun
 * ends the words after it ("... Barset families want what she calls":
 * she); without NP_FIRST, the person they open with before another.
 */
static void
np_pick_mention(struct qdoc *d, struct np *np)
{
	size_t a = np->a, z = np->z;

	need_mentions(d);
	np->m = np_mention(d, a, z, np->flags, np->spokes);
	np->placed = np->m < 0 &&
	    mention_in(d, d->w[a].b, d->w[z - 1].e, 1) >= 0;
	if (np->m >= 0 && !(np->flags & NP_FIRST) && z - 1 > a &&
	    d->m[np->m].e <= d->w[z - 1].b &&
	    (wlookup(d, &d->lx->prons, z - 1) & 15) != P_NONE)
		np->m = -1;
	if (np->m >= 0 && !(np->flags & NP_FIRST))
		np->m = opening_person(d, np);
}

/* a names no speaker, but np's words are its phrase.  Returns 1. */
static int
np_phrase(struct qdoc *d, const struct np *np, struct attr *a)
{
	a->pb = d->w[np->a].b;
	a->pe = d->w[np->z - 1].e;
	return 1;
}

/* a's speaker is the inspectorate body, named by np's words.  Returns 1. */
static int
np_inspectorate(struct qdoc *d, const struct np *np, const char *body,
    struct attr *a)
{
	set_speaker(a, body, strlen(body), d->w[np->a].b, d->w[np->z - 1].e);
	a->skind = SK_INSPECTORATE;
	return 1;
}

/* a's speaker is the person named by words [b, e) as written.
 * Returns 1. */
static int
np_as_name(struct qdoc *d, size_t b, size_t e, struct attr *a)
{
	set_speaker(a, d->s + d->w[b].b, d->w[e - 1].e - d->w[b].b,
	    d->w[b].b, d->w[e - 1].e);
	a->person = 1;
	a->skind = SK_PERSON;
	return 1;
}

/*
 * Step 1, a report cue in np's words ("the report", "inspectors"): the
 * words are findings (a->kind K_REPORT, which stays when a later step
 * names the speaker), and the speaker is the inspectorate the mention
 * is ("A report by Ofsted"), or the one the cue speaks for when it
 * heads the phrase (report_cue_heads; "an inspection" with none named:
 * the phrase only).  Not when the person the mention is comes after
 * the cue ("Ofsted inspector Mary Hill": she speaks).  Returns 1 when a
 * is resolved, else 0.
 */
static int
np_report(struct qdoc *d, const struct np *np, struct attr *a)
{
	size_t at = 0, len = 0;
	long m = np->m, rc = rcue_in(d, np->a, np->z, &at, &len);
	const char *body;

	if (rc < 0 || (m >= 0 && d->m[m].kind == M_PERSON &&
	    d->m[m].b >= d->w[at + len - 1].e))
		return 0;
	a->kind = K_REPORT;
	body = m >= 0 ? inspectorate_of(d, d->m[m].canon, d->m[m].clen) :
	    NULL;
	if (body)
		return np_inspectorate(d, np, body, a);
	if (!report_cue_heads(d, m, np->a, at, len, np->flags))
		return 0;
	body = report_speaker(d, &d->lx->rcues[rc]);
	if (body)
		return np_inspectorate(d, np, body, a);
	if (m < 0 && d->lx->rcues[rc].speaker)
		return np_phrase(d, np, a);
	return 0;
}

/*
 * Step 2, a role ("the chief executive of X", "the director") before
 * any mention, or before one after a connector: the person named with
 * that role elsewhere (role_head, role_link).  Returns 1 with a set to
 * that person, else 0.
 */
static int
np_role_person(struct qdoc *d, const struct np *np, struct attr *a)
{
	long m = np->m, h, r;

	if (np->spokes || (m >= 0 && (d->m[m].b <= d->w[np->a].b ||
	    !(wclass(d, word_at(d, d->m[m].b) - 1) & C_CONNECTOR))))
		return 0;
	h = role_head(d, np->a, np->z);
	if (h < 0 || (r = role_link(d, (size_t)h)) < 0)
		return 0;
	set_speaker(a, d->m[r].canon, d->m[r].clen, d->w[np->a].b,
	    d->w[h].e);
	a->person = 1;
	a->skind = SK_PERSON;
	a->gender = mention_sex(d, &d->m[r]);
	return 1;
}

/*
 * Step 3, "a Mexican official", "the council's director": a name that
 * only qualifies the phrase (a lower-case content word follows it, after
 * a possessive or in a phrase opening with a determiner) names no one:
 * np->m is dropped.
 */
static void
np_drop_qualifier(struct qdoc *d, struct np *np)
{
	size_t a = np->a, z = np->z, nx;
	int poss;

	if (np->m < 0 || np->spokes || z - a > 8)
		return;
	nx = word_at(d, d->m[np->m].e);
	poss = nx < z && is_possessive(d, nx);
	if (poss)
		nx++;
	if (nx < z && !d->w[nx].cap && !(wclass(d, nx) & (C_FUNCTION |
	    C_CONNECTOR | C_AUX | C_DET)) && !is_possessive(d, nx) &&
	    !is_pronoun(d, nx) && (poss || ((wclass(d, a) & C_DET) &&
	    d->m[np->m].b > d->w[a].b)))
		np->m = -1;
}

/*
 * Step 4, the mention np->m (there is one) is the speaker: a person, an
 * organisation or an inspectorate; a short phrase without NP_FIRST is
 * its phrase.  Returns 1.
 */
static int
np_named(struct qdoc *d, const struct np *np, struct attr *a)
{
	const struct mention *m = &d->m[np->m];

	set_speaker(a, m->canon, m->clen, m->b, m->e);
	a->person = np->spokes || m->kind != M_ORG;
	a->skind = m->kind == M_ORG ? SK_ORG : SK_PERSON;
	if (inspectorate_of(d, m->canon, m->clen))
		a->skind = SK_INSPECTORATE;
	if (a->skind == SK_PERSON)
		a->gender = mention_sex(d, m);
	if (!(np->flags & NP_FIRST) && np->z - np->a <= 8)
		np_phrase(d, np, a);
	return 1;
}

/*
 * Step 5, a pronoun last in np's words, or first: whom it refers to
 * (resolve_pronoun); when no one fits, no speaker, but the pronoun is
 * the phrase.  Returns 1 when there is a pronoun, else 0.
 */
static int
np_pronoun(struct qdoc *d, const struct np *np, struct attr *a)
{
	size_t i = np->z - 1;
	int c = wlookup(d, &d->lx->prons, i);

	if ((c & 15) == P_NONE) {
		i = np->a;
		c = wlookup(d, &d->lx->prons, i);
		if ((c & 15) == P_NONE)
			return 0;
	}
	a->pronoun = 1;
	resolve_pronoun(d, i, c & 15, c >> 4, a);
	a->pb = d->w[i].b;
	a->pe = d->w[i].e;
	return 1;
}

/*
 * Step 6, "Bryne went on to say": a name alone at the sentence start,
 * which the mentions pass over ("Just ask him."), before a verb; with
 * NP_FIRST only when the names after it are places ("Clinton celebrated
 * in Florida, declaring").  Returns 1 with a set to it, else 0.
 */
static int
np_sentence_name(struct qdoc *d, const struct np *np, struct attr *a)
{
	size_t b = np->a;

	if (np->z - b < 2 || !d->w[b].cap || !d->w[b].sstart ||
	    d->w[b + 1].cap || is_possessive(d, b + 1) ||
	    (wclass(d, b) & (C_FUNCTION | C_TIME | C_DET | C_TITLE | C_CONJ |
	    C_PREP | C_AUX | C_REL)))
		return 0;
	if (((np->flags & NP_FIRST) && !np->placed) || !verbish(d, b + 1) ||
	    !lone_capital_ok(d, b, b + 1))
		return 0;
	return np_as_name(d, b, b + 1, a);
}

/*
 * "the council" (words [k, z) of np, k a determiner): the last
 * organisation (of the 200 mentions before) whose last word is the
 * phrase's.  Returns 1 with a set to it, else 0.
 */
static int
last_body_named(struct qdoc *d, const struct np *np, size_t k,
    struct attr *a)
{
	size_t fl, look = 0;
	const char *f = wfold(d, np->z - 1, &fl);
	long m;

	for (m = (long)mentions_before(d, d->w[k].b) - 1; m >= 0 &&
	    look < 200; m--, look++) {
		if (d->m[m].e > d->w[k].b || d->m[m].kind != M_ORG)
			continue;
		if (d->m[m].laste - d->m[m].lastb == fl &&
		    strncasecmp(d->s + d->m[m].lastb, f, fl) == 0) {
			set_speaker(a, d->m[m].canon, d->m[m].clen,
			    d->w[np->a].b, d->w[np->z - 1].e);
			a->skind = SK_ORG;
			return 1;
		}
	}
	return 0;
}

/*
 * Step 7, a definite description among np's last three words ("the
 * council", "the company"): the body named before with its head word
 * (last_body_named), else the one its role-bodies.tsv row fits
 * (role_body).  Returns 1 with a set, else 0.
 */
static int
np_definite(struct qdoc *d, const struct np *np, struct attr *a)
{
	size_t k, z = np->z;

	for (k = z - np->a > 3 ? z - 3 : np->a; k + 1 < z; k++)
		if (wclass(d, k) & C_DET)
			break;
	if (k + 1 >= z || !(wclass(d, k) & C_DET))
		return 0;
	return last_body_named(d, np, k, a) || role_body(d, k, z, a);
}

/*
 * Step 8, without NP_LOOSE: up to four capitalised words, none a
 * function or time word, that the mentions did not take for a name are
 * a name all the same (lone_capital_ok).  Returns 1 with a set, else 0.
 */
static int
np_capitals(struct qdoc *d, const struct np *np, struct attr *a)
{
	size_t i;

	if ((np->flags & NP_LOOSE) || np->z - np->a > 4)
		return 0;
	for (i = np->a; i < np->z; i++)
		if (!d->w[i].cap || (wclass(d, i) & (C_FUNCTION | C_TIME)))
			return 0;
	if (!lone_capital_ok(d, np->a, np->z))
		return 0;
	return np_as_name(d, np->a, np->z, a);
}

/*
 * May np's words, with NP_LOOSE and naming no one found, be a source
 * as they stand: up to six words; without a determiner first, up to
 * three, none a number or an auxiliary, neither end a function,
 * auxiliary, conjunction or time word.
 */
static int
bare_words_ok(struct qdoc *d, const struct np *np)
{
	const int weak = C_FUNCTION | C_AUX | C_CONJ | C_TIME;
	size_t i, a = np->a, z = np->z;

	if (!(np->flags & NP_LOOSE) || z - a > 6)
		return 0;
	if (wclass(d, a) & C_DET)
		return 1;
	if (z - a > 3 || (wclass(d, a) & weak) || (wclass(d, z - 1) & weak))
		return 0;
	for (i = a; i < z; i++)
		if ((d->s[d->w[i].b] >= '0' && d->s[d->w[i].b] <= '9') ||
		    (wclass(d, i) & C_AUX))
			return 0;
	return 1;
}

/*
 * Step 10, the last: the words themselves ("the official", "a source",
 * "officials", "Leaders of the organization"), when bare_words_ok: all
 * capitalised, a name; a role phrase (role_phrase), that role; else the
 * phrase only.  Returns 1 then; else whether a report cue made them
 * findings (step 1).
 */
static int
np_bare_words(struct qdoc *d, const struct np *np, struct attr *a)
{
	size_t i;
	int c;

	if (!bare_words_ok(d, np))
		return a->kind == K_REPORT;
	for (i = np->a; i < np->z && d->w[i].cap; i++)
		;
	if (i == np->z && lone_capital_ok(d, np->a, np->z))
		return np_as_name(d, np->a, np->z, a);
	if (!(c = role_phrase(d, np->a, np->z)))
		return np_phrase(d, np, a);
	np_as_name(d, np->a, np->z, a);
	a->person = np->spokes;
	a->skind = c;
	return 1;
}

/*
 * Who the words [a, z) name (flags: NP_): the one function that decides
 * a frame's speaker.  The mention the words name is chosen first
 * (np_pick_mention: steps 1 and 2 read it); then the steps are tried in
 * this order, the first that resolves the words winning:
 *	1. a report cue: an inspectorate (np_report)
 *	2. a role with the person it links to (np_role_person)
 *	3-4. the mention, unless it only qualifies the phrase
 *	   (np_drop_qualifier, np_named); with NP_NAME nothing else will do
 *	5. a pronoun (np_pronoun)
 *	6. a name alone at the sentence start (np_sentence_name)
 *	7. "the council": a body named before (np_definite)
 *	8. capitalised words the mentions missed (np_capitals)
 *	9. a mention that names no one: the phrase only
 *	10. with NP_LOOSE, the words themselves (np_bare_words)
 * Returns 1 with a_out set (its speaker may be NULL: a pronoun that fits
 * no one, a phrase naming no source), 0 when the words cannot name a
 * speaker.
 */
int
resolve_np(struct qdoc *d, size_t a, size_t z, struct attr *a_out, int flags)
{
	struct np np;

	if (!np_words(d, a, z, flags, &np))
		return 0;
	np_pick_mention(d, &np);
	if (np_report(d, &np, a_out) || np_role_person(d, &np, a_out))
		return 1;
	np_drop_qualifier(d, &np);
	if (np.m >= 0)
		return np_named(d, &np, a_out);
	if (flags & NP_NAME)
		return 0;
	if (np_pronoun(d, &np, a_out) || np_sentence_name(d, &np, a_out) ||
	    np_definite(d, &np, a_out) || np_capitals(d, &np, a_out))
		return 1;
	if (np.placed)
		return np_phrase(d, &np, a_out);
	return np_bare_words(d, &np, a_out);
}
