/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: cue verbs ("said", "according to") and report cues ("the report").
 */
#include "quotes.h"

/* Is word i a pronoun of pronouns.tsv? */
int
is_pronoun(struct qdoc *d, size_t i)
{
	return wlookup(d, &d->lx->prons, i) != P_NONE;
}

/* Is word i the clitic 's? */
int
is_possessive(struct qdoc *d, size_t i)
{
	size_t n;
	const char *f = wfold(d, i, &n);

	return n == 2 && f[0] == '\'' && f[1] == 's';
}

/*
 * The cue starting at word i: its index, or -1; *nw gets its length.
 * The first word matches by stem, but only as the lexicon's word or an
 * inflection of its stem: "ad" shares the stem of "added", "commenter"
 * that of "comment".  After a determiner or a possessive it is a noun
 * ("the remarks", "Trump's remarks").
 */
static long cue_find(struct qdoc *d, size_t i, size_t *nw);

/* Find the cue starting at word i and keep it in the word (see cue_at,
 * which asks once per word). */
void
cue_keep(struct qdoc *d, size_t i)
{
	long k;
	size_t n = 1;

	k = cue_find(d, i, &n);
	d->w[i].cue = (int16_t)k;
	d->w[i].cuen = (int16_t)n;
}

/* The first cue whose stem is st[0..sl) (the cues are sorted by stem),
 * as the set of stems keeps it; d->lx->ncues when there is none. */
static size_t
cue_first(struct qdoc *d, const char *st, size_t sl)
{
	int k = set_get(&d->lx->cuestems, st, sl);

	return k > 0 ? (size_t)k - 1 : d->lx->ncues;
}

/* Is f[0..l) a cue's stem?  Its signature tells most that it is none,
 * unhashed. */
static int
is_cue_stem(struct qdoc *d, const char *f, size_t l)
{
	const struct wordset *ws = &d->lx->cuestems;

	return sig_in(ws, key_sig(l, (unsigned char)f[0], l > 1 ?
	    (unsigned char)f[1] : 0, (unsigned char)f[l - 1])) &&
	    set_get_hashed(ws, f, l, fold_hash(f, l));
}

/* Has f[0..n) a cue's stem as a proper prefix?  Only the lengths that
 * some stem beginning with f's first two bytes has are tried. */
static int
has_cue_stem(struct qdoc *d, const char *f, size_t n)
{
	uint64_t lens;
	size_t l;

	if (d->lx->cuestemmax > 63) {
		/* a stem too long for the bits: every length */
		for (l = 1; l < n && l <= d->lx->cuestemmax; l++)
			if (is_cue_stem(d, f, l))
				return 1;
		return 0;
	}
	if (n < 2)
		return 0;
	if (d->lx->cuestem1 && is_cue_stem(d, f, 1))
		return 1;
	lens = d->lx->stemlens[STEMPAIR(f[0], f[1])] & ~3ull;
	while (lens != 0) {
		l = (size_t)__builtin_ctzll(lens);
		if (l >= n || l > d->lx->cuestemmax)
			break;
		if (is_cue_stem(d, f, l))
			return 1;
		lens &= lens - 1;
	}
	return 0;
}

/*
 * Whether word i (folded: f[0..n)) may begin a cue: 0 not, else its
 * stem's source (see cue_stem): k > 0, the lexicon's k-th cue's own
 * first word; -1, a word to be stemmed.  A cue's first word matches as
 * the lexicon's word or as a longer word that begins with the cue's
 * stem, so any other word need not be stemmed.
 */
static int
cue_word(struct qdoc *d, size_t i, const char *f, size_t n)
{
	int k = set_get_hashed(&d->lx->cuefirst, f, n, d->w[i].hash);

	if (k > 0)
		return k;
	/* not in cuefirst: then in cuetexts neither, for our own words
	 * (see cuetexts_in_first) */
	if (!(d->own_words && d->lx->cuetexts_in_first) &&
	    set_get_hashed(&d->lx->cuetexts, f, n, d->w[i].hash))
		return -1;
	return has_cue_stem(d, f, n) ? -1 : 0;
}

/* The stem of word i, whose cue_word is k (not 0): the lexicon's own
 * first words have their stems already. */
static const char *
cue_stem(struct qdoc *d, size_t i, int k, size_t *sl)
{
	if (k > 0) {
		*sl = d->lx->cues[k - 1].slen;
		return d->lx->cues[k - 1].w[0];
	}
	return wstem(d, i, sl);
}

/*
 * How far phrase p matches the words from word i: p's words from its
 * word j on against words i + j on (folded), before word lim and, with
 * inq_ends, before a word inside a quotation.  Returns the index of p's
 * first word that does not match (p->nw when all do).
 */
static size_t
phrase_match(struct qdoc *d, const struct phrase *p, size_t i, size_t j,
    size_t lim, int inq_ends)
{
	size_t fl;
	const char *f;

	for (; j < p->nw && i + j < lim; j++) {
		if (inq_ends && d->w[i + j].inq)
			break;
		f = wfold(d, i + j, &fl);
		if (strlen(p->w[j]) != fl || memcmp(p->w[j], f, fl) != 0)
			break;
	}
	return j;
}

/*
 * The cue starting at word i, or -1; *nw gets its length (see cue_at,
 * which keeps the answer).
 */
static long
cue_find(struct qdoc *d, size_t i, size_t *nw)
{
	size_t sl, k, fl0;
	const char *st, *f0;
	int kw;

	if (d->w[i].inq)
		return -1;
	f0 = wfold(d, i, &fl0);
	/* most words cannot be a cue: skip their stemming */
	if (fl0 < 2 || !d->lx->cue2[(unsigned char)f0[0]][(unsigned char)f0[1] & 0x7f])
		return -1;
	/* the word itself first: the word before costs more to look up */
	if ((kw = cue_word(d, i, f0, fl0)) == 0)
		return -1;
	if (i > 0 && !clause_break(d, i) && ((wclass(d, i - 1) & (C_DET | C_PREP)) ||
	    is_possessive(d, i - 1)))
		return -1;
	st = cue_stem(d, i, kw, &sl);
	for (k = cue_first(d, st, sl); k < d->lx->ncues; k++) {
		if (d->lx->cues[k].slen != sl || memcmp(d->lx->cues[k].w[0], st, sl) != 0)
			break;
		if (!(fl0 == d->lx->cues[k].tlen &&
		    memcmp(f0, d->lx->cues[k].text, fl0) == 0) && (fl0 <= sl ||
		    memcmp(f0, st, sl) != 0 || (fl0 > 3 &&
		    memcmp(f0 + fl0 - 2, "er", 2) == 0) || (fl0 > 4 &&
		    memcmp(f0 + fl0 - 3, "ers", 3) == 0)))
			continue;
		if (phrase_match(d, &d->lx->cues[k], i, 1, d->nw, 1) ==
		    d->lx->cues[k].nw) {
			*nw = d->lx->cues[k].nw;
			return (long)k;
		}
	}
	return -1;
}

/* Report cue inside words [a, z): the phrase index, or -1. */
long
rcue_in(struct qdoc *d, size_t a, size_t z, size_t *at, size_t *len)
{
	size_t i, k, j;

	for (i = a; i < z; i++) {
		if (!wlookup(d, &d->lx->rcuefirst, i))
			continue;	/* no report cue starts here */
		for (k = 0; k < d->lx->nrcues; k++) {
			j = phrase_match(d, &d->lx->rcues[k], i, 0, z, 0);
			if (j == d->lx->rcues[k].nw) {
				*at = i;
				*len = j;
				return (long)k;
			}
		}
	}
	return -1;
}

/* Is there a comma (or other clause break) between words i-1 and i? */
int
clause_break(struct qdoc *d, size_t i)
{
	return i > 0 && gap_has(d, d->w[i - 1].e, d->w[i].b, G_CLAUSE);
}
