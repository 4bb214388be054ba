/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: the frames around a quotation that name its speaker ("X said:",
 * "..., said X", "according to X", "He said:" after indirect speech).
 */
#include "quotes.h"

/* Is word i a lower-case -ing or -ed form ("hoping", "angered")? */
int
participle(struct qdoc *d, size_t i)
{
	size_t fl;
	const char *f = wfold(d, i, &fl);

	if (d->w[i].cap || fl < 5)
		return 0;
	return memcmp(f + fl - 3, "ing", 3) == 0 ||
	    memcmp(f + fl - 2, "ed", 2) == 0;
}

/* Is word i a number, as an age ("Haines, 44, of Leeds")? */
int
age(struct qdoc *d, size_t i)
{
	return d->s[d->w[i].b] >= '0' && d->s[d->w[i].b] <= '9';
}

static int subject_before(struct qdoc *d, size_t ci, size_t lim, struct attr *a);

/*
 * The first word of the chunk that ends before word z: back to a clause
 * break or a sentence start (that word included), not past word lim, a
 * quotation or max words.  z when there is none.
 */
static size_t
chunk_start(struct qdoc *d, size_t z, size_t lim, size_t max)
{
	size_t s = z;

	while (s > lim && !d->w[s - 1].inq && z - s < max) {
		s--;
		if (d->w[s].sstart || clause_break(d, s))
			break;
	}
	return s;
}

/* X of "X, role, said": a name or a pronoun, not any words. */
static int
subject_strict(struct qdoc *d, size_t ci, size_t lim, struct attr *a, int flags)
{
	size_t s = chunk_start(d, ci, lim, CHUNKMAX);

	if (s == ci)
		return 0;
	return resolve_np(d, s, ci, a, flags);
}

/*
 * "Jane Doe, chair of the X Trust, the company which runs it, said"; "A
 * spokesperson for X, Jane Doe, said": of the comma-separated phrases
 * before the cue at word ci (its sentence, from word lim on), the first
 * that opens with a person's name names the speaker.  Returns 1 with a
 * set, 0 when none does (or the phrases hold a quotation or a cue).
 */
static int
appositive_person(struct qdoc *d, size_t ci, size_t lim, struct attr *a)
{
	size_t s = ci, b, e, h, mw, k, n;
	long m;

	while (s > lim && !d->w[s - 1].inq && !d->w[s].sstart && ci - s <
	    2 * CHUNKMAX)
		s--;
	if (!d->w[s].sstart && s > lim)
		return 0;
	for (k = s; k < ci; k++)
		if (cue_at(d, k, &n) >= 0)
			return 0;
	need_mentions(d);
	for (b = s; b < ci; b = e) {
		for (e = b + 1; e < ci && !clause_break(d, e); e++)
			;
		for (h = b; h < e && (wclass(d, h) & (C_DET | C_TITLE)); h++)
			;
		m = mention_in(d, d->w[b].b, d->w[e - 1].e, 1);
		if (m < 0 || d->m[m].kind != M_PERSON)
			continue;
		mw = word_at(d, d->m[m].b);
		/* the name first, after a title or a few capitalised or
		 * role words ("Labour Councillor Jane Doe") */
		for (k = h; k < mw && k < h + 3; k++)
			if (!d->w[k].cap && !(wclass(d, k) & C_ROLE))
				break;
		if (mw > h && k != mw)
			continue;
		set_speaker(a, d->m[m].canon, d->m[m].clen, d->m[m].b,
		    d->m[m].e);
		a->person = 1;
		a->skind = SK_PERSON;
		a->gender = mention_sex(d, &d->m[m]);
		a->pb = d->w[s].b;
		a->pe = d->w[ci - 1].e;
		return 1;
	}
	return 0;
}

/* What subject_before knows of the cue whose subject it looks for. */
struct cue_subject {
	size_t ci;	/* the cue's first word, or the auxiliaries before
			 * it ("has also said") */
	size_t lim;	/* the sentence's first word */
	int part;	/* a participle (", saying"): look back further, for
			 * the sentence's subject */
	int appos;	/* a clause break before the cue ("X, role, said") */
	int andcue;	/* a second verb ("X denied the claims and said") */
};

/*
 * ", saying": the subject of the last cue before word ci (from word lim
 * on, outside quotations), if there is one.  Returns 1 with a set, else
 * 0.
 */
static int
earlier_cue_subject(struct qdoc *d, size_t ci, size_t lim, struct attr *a)
{
	size_t k, n;

	for (k = ci; k > lim; k--)
		if (!d->w[k - 1].inq && cue_at(d, k - 1, &n) >= 0)
			return subject_before(d, k - 1, lim, a);
	return 0;
}

/*
 * "X, role, said": words [s, z) before the cue are the role, and X, the
 * chunk before the clause break at word s0 (s0 <= s, s past the cues of
 * the chunk), names the speaker when it names someone as subject_strict
 * asks.  Returns 1 with a set to X, its phrase to word z; else 0, a
 * unchanged.
 */
static int
apposed_subject(struct qdoc *d, size_t s0, size_t s, size_t z, size_t lim,
    struct attr *a)
{
	struct attr t;

	if (s0 <= lim || !clause_break(d, s0) || d->w[s0].sstart)
		return 0;
	attr_clear(&t);
	if (!subject_strict(d, s0, lim, &t, (wclass(d, s0) & C_REL) ||
	    participle(d, s0) || s0 < s ? NP_LOOSE : 0)) {
		free(t.speaker);
		return 0;
	}
	free(a->speaker);
	*a = t;
	a->pe = d->w[z - 1].e;
	return 1;
}

/*
 * The chunks before the cue of cs, one clause at a time going back (at
 * most six): the words of each after its last cue, conjunctions and
 * auxiliaries off, name the subject (resolve_np; "X, role, said":
 * apposed_subject first).  Past the first chunk only with cs->part
 * (which a chunk of conjunctions alone sets) or cs->appos; a
 * participle's goes over a quotation inside the sentence.  Returns 1
 * with a set, else 0.
 */
static int
subject_chunks(struct qdoc *d, struct cue_subject *cs, struct attr *a)
{
	size_t z = cs->ci, lim = cs->lim, s, s0, k, n, chunks;
	int conj;

	for (chunks = 0; z > lim && chunks < 6; chunks++) {
		s = chunk_start(d, z, lim, SIZE_MAX);
		if (s == z) {
			if (!cs->part || s <= lim)
				break;
			/* skip a quotation inside the sentence */
			while (z > lim && d->w[z - 1].inq)
				z--;
			continue;
		}
		s0 = s;
		for (k = s; k < z && !cs->part; k++)
			if (cue_at(d, k, &n) >= 0)
				s = k + 1;
		conj = s < z && (wclass(d, s) & C_CONJ);
		while (s < z && (wclass(d, s) & (C_CONJ | C_AUX)))
			s++;
		if (s < z) {
			if (cs->appos && chunks == 0 && !cs->part &&
			    apposed_subject(d, s0, s, z, lim, a))
				return 1;
			if (resolve_np(d, s, z, a, cs->part || cs->andcue ?
			    NP_FIRST : NP_LOOSE))
				return 1;
		} else if (conj) {
			cs->part = 1;
		}
		if (d->w[s].sstart || s <= lim || (!cs->part && !cs->appos))
			break;
		z = s;
	}
	return 0;
}

/*
 * The subject of the cue at word ci: words back from ci to the start of
 * the clause, over auxiliaries ("has also said").  "X, role, said": the
 * role is skipped for X when X names someone (appositive_person,
 * apposed_subject).  A participle after a comma (", saying") or a second
 * verb ("but called it") looks further back for the sentence's subject:
 * an earlier cue's, or its first name (subject_chunks).
 */
static int
subject_before(struct qdoc *d, size_t ci, size_t lim, struct attr *a)
{
	struct cue_subject cs;
	size_t z = ci, fl;
	const char *f = wfold(d, ci, &fl);

	cs.part = fl > 3 && memcmp(f + fl - 3, "ing", 3) == 0;
	while (ci > lim && !d->w[ci - 1].inq && !d->w[ci].sstart &&
	    !clause_break(d, ci) && (wclass(d, ci - 1) & C_AUX))
		ci--;
	cs.ci = ci;
	cs.lim = lim;
	cs.appos = clause_break(d, ci);
	/* "X denied the claims and said": X, the clause's first name */
	cs.andcue = !cs.part && !cs.appos && ci > lim && !d->w[ci - 1].inq &&
	    (wclass(d, ci - 1) & C_CONJ);
	if (cs.appos && !cs.part && appositive_person(d, ci, lim, a))
		return 1;
	if (cs.part && (cs.appos || (z == ci && ci > lim &&
	    !d->w[ci - 1].inq && (wclass(d, ci - 1) & (C_FUNCTION | C_CONJ)) &&
	    !is_pronoun(d, ci - 1)))) {
		/* ", saying": the subject of an earlier cue, if any */
		if (earlier_cue_subject(d, ci, lim, a))
			return 1;
	} else {
		cs.part = 0;
	}
	return subject_chunks(d, &cs, a);
}

/*
 * The speaker's phrase goes on over an appositive after a comma: "Kaine,
 * a former party chairman"; "Haines, 44"; "X, who ran against Y".
 */
static void
appositive(struct qdoc *d, size_t z, size_t lim, struct attr *at)
{
	size_t e;
	int paren, c;

	if (at->pe < 0)
		return;
	/* one appositive after another: "Misha Shah, 32, of Chicago, an
	 * account executive"; "Rep. Bobby Scott (D-Va.)"; "Sen. Lindsey
	 * Graham, R-S.C." */
	while (z < lim && clause_break(d, z) && !d->w[z].inq && !d->w[z].sstart) {
		paren = gap_has(d, d->w[z - 1].e, d->w[z].b, G_LPAREN);
		if (!paren && !gap_has(d, d->w[z - 1].e, d->w[z].b, G_COMMA))
			break;
		c = wclass(d, z);
		if (!paren && d->w[z].cap && !(c & C_DET) &&
		    !memchr(d->s + d->w[z].b, '-', d->w[z].e - d->w[z].b))
			break;
		if (participle(d, z) || (c & (C_CONJ | C_AUX)) ||
		    ((c & C_PREP) && !(age(d, z - 1) && (c & C_CONNECTOR))))
			break;		/* ", speaking to CNN", ", in a ..." */
		for (e = z + 1; e < lim && e - z < 2 * CHUNKMAX &&
		    !d->w[e].inq && !d->w[e].sstart && !clause_break(d, e); e++)
			;
		at->pe = d->w[e - 1].e;
		z = e;
	}
}

/* Words [a, z) after a cue, up to a clause break: the speaker follows. */
static int
subject_after(struct qdoc *d, size_t a, size_t lim, struct attr *at)
{
	size_t z = a;

	/* up to a clause break, or a preposition after the name ("said
	 * Paul Ryan in a statement") */
	while (z < lim && z - a < CHUNKMAX && !d->w[z].inq &&
	    (z == a || (!clause_break(d, z) && !d->w[z].sstart &&
	    ((wclass(d, z) & (C_FUNCTION | C_DET)) != C_FUNCTION ||
	    !d->w[z - 1].cap))))
		z++;
	if (!resolve_np(d, a, z, at, NP_LOOSE))
		return 0;
	if (at->pe >= 0 && at->pb >= d->w[a].b) {
		at->pb = d->w[a].b;
		at->pe = d->w[z - 1].e;
	}
	appositive(d, z, lim, at);
	return 1;
}

/* A report cue ("found") makes a body's words a finding. */
static void
set_cue(struct qdoc *d, struct attr *a, long k, size_t ci, size_t n)
{
	a->cb = d->w[ci].b;
	a->ce = d->w[ci + n - 1].e;
	if (d->lx->cues[k].kind == K_REPORT && a->speaker && !a->person)
		a->kind = K_REPORT;
}

/* The last character of the quotation's text, marks and spaces off. */
static int32_t
last_cp(struct qdoc *d, const struct quote *q)
{
	size_t e = q->te, l;
	int32_t cp;

	while (e > q->tb) {
		l = 1;
		while (l < e - q->tb && ((unsigned char)d->s[e - l] & 0xc0) ==
		    0x80)
			l++;
		cp = cp_at(d, e - l, NULL);
		if (!is_space_cp(cp) && cp != '\'' && cp != '"' &&
		    cp != 0x2019 && cp != 0x201d)
			return cp;
		e -= l;
	}
	return 0;
}

/* Does the quotation's text end with , . ! ? ; or … (marks and spaces
 * off)? */
static int
ends_clause(struct qdoc *d, const struct quote *q)
{
	int32_t cp = last_cp(d, q);

	return cp == ',' || cp == '.' || cp == '!' || cp == '?' ||
	    cp == ';' || cp == 0x2026;
}

/*
 * A byline after the closing mark of a quotation ending a clause: `"..."
 * ― Mary Lopez`, `"..." -- Jane Doe, a teacher`: a dash (or two hyphens)
 * and a name, which the sentence or the paragraph ends with, or a comma,
 * a bracket or the next quotation follows.  Returns 1 with a set to the
 * name, else 0.
 */
static int
dash_byline(struct qdoc *d, const struct quote *q, size_t w0, struct attr *a)
{
	size_t b = q->ce, l, z;
	int32_t cp;
	int dashes = 0;

	if (w0 >= d->nw || d->w[w0].para != q->epara || !d->w[w0].cap ||
	    !ends_clause(d, q))
		return 0;	/* "Brujas" -- Spanish for witches */
	while (b < d->w[w0].b) {
		cp = cp_at(d, b, &l);
		if (cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == '-')
			dashes++;
		else if (!is_space_cp(cp))
			return 0;
		b += l;
	}
	if (dashes == 0 || dashes > 2)
		return 0;
	for (z = w0; z < d->nw && z - w0 < 5 && d->w[z].para == q->epara &&
	    !d->w[z].inq && (z == w0 || !d->w[z].sstart) && (d->w[z].cap ||
	    (z > w0 && (wclass(d, z) & C_CONNECTOR))); z++)
		if (z > w0 && gap_has(d, d->w[z - 1].e, d->w[z].b, G_CLAUSE))
			break;
	if (z < d->nw && d->w[z].para == q->epara && !d->w[z].inq &&
	    !d->w[z].sstart && !gap_has(d, d->w[z - 1].e, d->w[z].b,
	    G_CLAUSE | G_STOP))
		return 0;	/* "-- Jane Doe said", the name goes on */
	return resolve_np(d, w0, z, a, NP_NAME);
}

/* The words after a quotation's closing mark that attr_right reads. */
struct right {
	size_t w0, end;		/* the sentence's words after the mark, at
				 * most 2 * CHUNKMAX of them */
	uint32_t epara;		/* their paragraph */
	int wrapped;		/* the line broken before a cue */
	int newsent;		/* a new sentence starts after the mark */
	int punct;		/* the quotation ends a clause there */
};

/*
 * Set r to the words after q's closing mark, in its paragraph (or the
 * next one, when a lower-case cue opens it: "..."\nsaid Jane Doe: the
 * line broken before the cue).  Returns 0 when there are none, they
 * are inside a quotation or open with a conjunction.
 */
static int
right_words(struct qdoc *d, const struct quote *q, struct right *r)
{
	size_t w0 = word_at(d, q->ce), n, end;

	r->w0 = w0;
	r->epara = q->epara;
	r->wrapped = w0 < d->nw && d->w[w0].para == r->epara + 1 &&
	    d->p[r->epara].e == q->ce && !d->w[w0].cap && !d->w[w0].inq &&
	    cue_at(d, w0, &n) >= 0;
	r->epara += (uint32_t)r->wrapped;
	if (w0 >= d->nw || d->w[w0].para != r->epara || d->w[w0].inq ||
	    (wclass(d, w0) & C_CONJ))
		return 0;
	r->newsent = !r->wrapped && (d->w[w0].sstart || gap_has(d, q->ce,
	    d->w[w0].b, G_STOP));
	r->punct = r->newsent || ends_clause(d, q) ||
	    gap_has(d, q->ce, d->w[w0].b, G_COMMA | G_DOT | G_EXCL | G_SEMI |
	    G_DASH | G_E2);
	for (end = w0; end < d->nw && end - w0 < 2 * CHUNKMAX &&
	    d->w[end].para == r->epara && !d->w[end].inq &&
	    (end == w0 || !d->w[end].sstart); end++)
		;
	r->end = end;
	return 1;
}

/*
 * In a new sentence after the quotation (`"..." He said.`), may the cue
 * k at word i (n words) be the quotation's: it ends the sentence (or a
 * comma or a stop follows it), goes on with a preposition ("said to
 * People"), or takes its object after words before it (`"..." Obama
 * asked Republicans.`)?
 */
static int
cue_may_follow(struct qdoc *d, const struct right *r, size_t i, long k,
    size_t n)
{
	size_t e = i + n, fl;
	const char *f;
	int c;

	if (e >= d->nw || d->w[e].para != r->epara || d->w[e].sstart ||
	    gap_has(d, d->w[e - 1].e, d->w[e].b, G_COMMA | G_DOT))
		return 1;
	c = wclass(d, e);
	f = wfold(d, e, &fl);
	if (d->lx->cues[k].after < 0 && i > r->w0)
		return 1;
	return (c & C_FUNCTION) && !(c & C_DET) && !is_pronoun(d, e) &&
	    !(fl == 4 && memcmp(f, "that", 4) == 0);
}

/* The first of words [lo, z) that starts the auxiliaries ending them
 * ("has", "had been"); z when none. */
static size_t
aux_start(struct qdoc *d, size_t lo, size_t z)
{
	while (z > lo && (wclass(d, z - 1) & C_AUX))
		z--;
	return z;
}

/*
 * `"...," the council's director, Jane Doe, said`: the words between the
 * quotation (r) and the cue k at word i (n words), cut at the first
 * clause break and the auxiliaries before the cue, name the speaker;
 * its phrase runs to the cue ("X, the role, said").  Where the
 * quotation ends no clause, a name and nothing else (`"..." the Post's
 * editor Steven Ginsberg responded.`).  Returns 1 with a set, else 0.
 */
static int
subject_before_right_cue(struct qdoc *d, const struct right *r, size_t i,
    long k, size_t n, struct attr *a)
{
	size_t w0 = r->w0, z;
	int flags = NP_LOOSE;

	if (r->punct) {
		for (z = w0 + 1; z < i && !clause_break(d, z); z++)
			;
		z = aux_start(d, w0 + 1, z);
	} else {
		flags = NP_NAME;
		for (z = w0; z < i; z++)
			if ((wclass(d, z) & (C_CONJ | C_PREP)) || d->w[z].inq)
				return 0;
	}
	if (!resolve_np(d, w0, z, a, flags))
		return 0;
	set_cue(d, a, k, i, n);
	if (a->pe >= 0 && a->pb == d->w[w0].b)
		a->pe = d->w[aux_start(d, w0 + 1, i) - 1].e;
	return 1;
}

/*
 * The cue k at word i (n words) after the quotation (r): its subject
 * after it (`, said X`, `, according to X`) or before it (`, X said`).
 * Only where the quotation ends a clause or the cue ends the sentence,
 * and in a new sentence as cue_may_follow says.  Returns 1 with a set,
 * 0 when no cue after the quotation names its speaker, -1 when a later
 * one may.
 */
static int
right_cue(struct qdoc *d, const struct right *r, size_t i, long k, size_t n,
    struct attr *a)
{
	if (i != r->w0 && !r->punct && !(i + n >= d->nw ||
	    d->w[i + n].para != r->epara || d->w[i + n].sstart))
		return 0;	/* unless the cue ends the sentence */
	if (r->newsent && !cue_may_follow(d, r, i, k, n))
		return 0;
	if (i == r->w0 || d->lx->cues[k].after > 0) {
		if (subject_after(d, i + n, r->end, a)) {
			set_cue(d, a, k, i, n);
			return 1;
		}
		return i != r->w0 ? 0 : -1;
	}
	return subject_before_right_cue(d, r, i, k, n, a);
}

/*
 * `"...," Bolton charged.`: a verb the lexicon lacks, after a quotation
 * ending in a comma (or ? ! inside a sentence), and a name or a pronoun
 * after it (r).  Returns 1 with a set to it, else 0.
 */
static int
bare_verb_right(struct qdoc *d, const struct quote *q, const struct right *r,
    struct attr *a)
{
	size_t w0 = r->w0, z;
	int32_t last = last_cp(d, q);

	if (last != ',' && (d->w[w0].sstart || (last != '?' && last != '!')))
		return 0;
	if (wclass(d, w0) & C_REL)
		return 0;
	if (is_pronoun(d, w0)) {
		z = w0 + 1;
	} else {
		for (z = w0; z < r->end && z - w0 < 6 && (d->w[z].cap ||
		    is_possessive(d, z) || (wclass(d, z) & (C_DET | C_TITLE))) &&
		    !(wclass(d, z) & C_TIME); z++)
			;
	}
	if (z == w0 || z >= r->end || d->w[z].cap || clause_break(d, z) ||
	    is_possessive(d, z) || (wclass(d, z) & (C_FUNCTION | C_DET | C_PREP |
	    C_CONJ | C_TIME | C_REL)))
		return 0;
	return resolve_np(d, w0, z, a, is_pronoun(d, w0) ? 0 : NP_NAME);
}

/*
 * After the closing mark: `, she said`, `," said X`, `, X, the role,
 * said`, `, according to X` (right_cue, the cues in turn), a byline
 * (dash_byline), a verb the lexicon lacks (bare_verb_right).
 */
static int
attr_right(struct qdoc *d, const struct quote *q, struct attr *a)
{
	struct right r;
	size_t i, n;
	long k;
	int got;

	if (!right_words(d, q, &r))
		return 0;
	for (i = r.w0; i < r.end && i - r.w0 <= 2 * CHUNKMAX; i++)
		if ((k = cue_at(d, i, &n)) >= 0 &&
		    (got = right_cue(d, &r, i, k, n, a)) >= 0)
			return got;
	return dash_byline(d, q, r.w0, a) || bare_verb_right(d, q, &r, a);
}

/*
 * "She said the Ofsted rating confirms that '...'": a's speaker came from
 * the cue at word i, whose subject is a thing that "says" (a phrase
 * ending in a document word of quote-words.tsv: "the rating", "the
 * advertisement").  When an earlier speech cue of the sentence (from word
 * lim on, before that subject) has a person for its subject (or a pronoun
 * that fits no one: then no speaker), that person reports the words and
 * is the speaker: a takes it and 1 is returned; else 0 and a is left as
 * it was.
 */
static int
outer_speaker(struct qdoc *d, size_t i, size_t lim, struct attr *a)
{
	size_t s, k, n;
	long c;
	struct attr t;

	if (a->person || a->pb < 0)
		return 0;
	s = word_at(d, (size_t)a->pb);
	if (s >= i || s <= lim)
		return 0;
	k = word_at(d, (size_t)a->pe) - 1;
	if (k >= d->nw || d->w[k].cap || !(wclass(d, k) & C_DOCUMENT))
		return 0;
	for (k = s; k > lim; k--) {
		if (d->w[k - 1].inq)
			return 0;
		c = cue_at(d, k - 1, &n);
		if (c < 0)
			continue;
		if (d->lx->cues[c].kind != K_SPEECH || d->lx->cues[c].after != 0)
			return 0;
		attr_clear(&t);
		/* a person, or a pronoun that fits no one ("She said")
		 * rather than the thing */
		if (subject_before(d, k - 1, lim, &t) && ((t.speaker &&
		    t.person && t.skind != SK_ORG) || (!t.speaker && t.pronoun))) {
			free(a->speaker);
			*a = t;
			set_cue(d, a, c, k - 1, n);
			return 1;
		}
		free(t.speaker);
		return 0;
	}
	return 0;
}

/*
 * A headline's "Name: words 'quote'": a sentence (from word lim) that
 * opens with a name of up to three words (titles aside) and a colon, the
 * quotation later in it (word j last before it), no cue between.
 * Returns 1 with a set to the name, else 0.
 */
static int
headline_name(struct qdoc *d, size_t lim, size_t j, struct attr *a)
{
	size_t c, k, n, title = 0;

	if (!d->w[lim].sstart || !d->w[lim].cap)
		return 0;
	for (c = lim; c < j && c - lim < 5; c++) {
		title += (wclass(d, c) & C_TITLE) != 0;
		if (gap_has(d, d->w[c].e, d->w[c + 1].b, G_COLON))
			break;
	}
	/* a name is short: "Veto Power Impedes Peace Efforts:" is none */
	if (c >= j || c + 1 - lim - title > 3 || !gap_has(d, d->w[c].e,
	    d->w[c + 1].b, G_COLON))
		return 0;
	for (k = c + 1; k <= j; k++)
		if (cue_at(d, k, &n) >= 0)
			return 0;
	return resolve_np(d, lim, c + 1, a, NP_NAME);
}

/*
 * The first word of the sentence that word j (in paragraph para) is in,
 * going back over earlier quotations of it, but not past a paragraph
 * start nor over more than WINDOW words outside quotations.
 */
static size_t
sentence_lim(struct qdoc *d, size_t j, uint32_t para)
{
	size_t lim = j, look = 0;

	while (lim > 0 && !d->w[lim].sstart && look < WINDOW) {
		if (d->w[lim - 1].inq) {
			/* skip an earlier quotation in the sentence */
			while (lim > 0 && d->w[lim - 1].inq)
				lim--;
			if (lim == 0 || d->w[lim - 1].para != para)
				break;
			continue;
		}
		lim--;
		look++;
	}
	return lim;
}

/*
 * The cue k at word i (n words) before a quotation (word j last before
 * it; its sentence from word lim; colon: a colon before it): "according
 * to X, '...'" and "said X: '...'" (not "said in a statement to ITV:")
 * name X after the cue; else the cue's subject before it does
 * (subject_before, outer_speaker).  Returns 1 with a set, 0 when no cue
 * names the speaker, -1 when an earlier cue may.
 */
static int
left_cue(struct qdoc *d, size_t i, long k, size_t n, size_t j, size_t lim,
    int colon, struct attr *a)
{
	int after = d->lx->cues[k].after;
	size_t z;

	if (after > 0 || (after == 0 && i + n <= j && colon &&
	    !(wclass(d, i + n) & C_PREP))) {
		z = i + n;
		while (z <= j && !clause_break(d, z) && z - i < CHUNKMAX)
			z++;
		if (z > j && resolve_np(d, i + n, z, a, after > 0 ? NP_LOOSE :
		    NP_NAME)) {
			set_cue(d, a, k, i, n);
			return 1;
		}
		if (after > 0)
			return 0;
	}
	if (!subject_before(d, i, lim, a))
		return -1;
	set_cue(d, a, k, i, n);
	outer_speaker(d, i, lim, a);
	return 1;
}

/*
 * `Name: "..."`, `Trump also said this -- "..."`: before a colon or a
 * dash that opens a quotation (word j last before it, its sentence from
 * word lim), the words back to a clause break (five at most) name the
 * speaker, else the sentence's first noun phrase.  Returns 1 with a
 * set, else 0.
 */
static int
name_before_colon(struct qdoc *d, size_t j, size_t lim, struct attr *a)
{
	size_t s = j;

	while (s > lim && !clause_break(d, s) && !d->w[s].sstart && j - s < 5)
		s--;
	if (resolve_np(d, s, j + 1, a, 0))
		return 1;
	for (s = lim; s <= j && d->w[s].inq; s++)
		;
	return s <= j && resolve_np(d, s, j + 1, a, NP_FIRST);
}

/*
 * Before the opening mark, within its sentence: the nearest cue and its
 * subject ("X said:", "X said the plan was '...'", "said X: '...'",
 * "according to X, '...'"; left_cue), a headline's name
 * (headline_name), or a name before a colon or a dash ("Trump: '...'";
 * name_before_colon).
 */
int
attr_left(struct qdoc *d, const struct quote *q, struct attr *a)
{
	size_t wq = word_at(d, q->ob), j, lim, n, ci;
	long k;
	int colon, dash, got;

	if (wq == 0)
		return 0;
	j = wq - 1;
	if (d->w[j].para != q->para || d->w[j].inq ||
	    gap_has(d, d->w[j].e, q->ob, G_STOP))
		return 0;
	colon = gap_has(d, d->w[j].e, q->ob, G_COLON);
	dash = gap_has(d, d->w[j].e, q->ob, G_DASH | G_E2);
	lim = sentence_lim(d, j, q->para);
	for (ci = j + 1; ci > lim; ci--) {
		if (d->w[ci - 1].inq || (k = cue_at(d, ci - 1, &n)) < 0)
			continue;
		if ((got = left_cue(d, ci - 1, k, n, j, lim, colon, a)) >= 0)
			return got;
		/* a cue without a subject: look further back */
	}
	if (!colon && !dash)
		return headline_name(d, lim, j, a);
	return name_before_colon(d, j, lim, a);
}

/*
 * The sentence goes on after the quotation and ends with the attribution:
 * `"..." and against the law, Clinton said.`
 */
int
attr_final(struct qdoc *d, const struct quote *q, struct attr *a)
{
	size_t w0 = word_at(d, q->ce), e, c, n;
	long k;

	if (w0 >= d->nw || d->w[w0].para != q->epara || d->w[w0].inq ||
	    d->w[w0].sstart)
		return 0;
	for (e = w0; e + 1 < d->nw && e - w0 < WINDOW; e++) {
		if (d->w[e + 1].para != q->epara || d->w[e + 1].sstart)
			break;
		if (d->w[e + 1].inq)
			return 0;
	}
	if (e + 1 < d->nw && d->w[e + 1].para == q->epara &&
	    !d->w[e + 1].sstart)
		return 0;	/* the sentence is too long */
	if (!gap_has(d, d->w[e].e, e + 1 < d->nw ? d->w[e + 1].b : d->n, G_STOP) &&
	    (e + 1 < d->nw && d->w[e + 1].para == q->epara))
		return 0;
	for (c = e; c > w0 && !clause_break(d, c); c--)
		;
	if (c == w0 || e - c > 6)
		return 0;
	/* no other cue between the quotation and the last clause */
	for (n = w0; n < c; n++) {
		size_t nn;
		if (cue_at(d, n, &nn) >= 0)
			return 0;
	}
	if ((k = cue_at(d, e, &n)) >= 0 && n == 1 && e > c &&
	    resolve_np(d, c, e, a, NP_LOOSE)) {
		set_cue(d, a, k, e, 1);
		return 1;
	}
	if ((k = cue_at(d, c, &n)) >= 0 && c + n <= e &&
	    subject_after(d, c + n, e + 1, a)) {
		set_cue(d, a, k, c, n);
		return 1;
	}
	return 0;
}

/*
 * A quotation that opens a sentence after one naming no other speaker:
 * the subject of that sentence, in the same paragraph ("Clinton touted
 * her record. '...'", "His campaign protested: '...'").
 */
int
attr_prev(struct qdoc *d, const struct quote *q, struct attr *a)
{
	size_t wq = word_at(d, q->ob), j, s, z;

	if (wq == 0 || wq > d->nw)
		return 0;
	j = wq - 1;
	if (d->w[j].para != q->para || d->w[j].inq ||
	    !gap_has(d, d->w[j].e, q->ob, G_STOP | G_COLON))
		return 0;
	for (s = j; s > 0 && !d->w[s].sstart && j - s < WINDOW; s--)
		if (d->w[s - 1].para != q->para || d->w[s - 1].inq)
			return 0;
	if (!d->w[s].sstart)
		return 0;
	/* the noun phrase the sentence opens with */
	z = s;
	while (z <= j && z - s < 6 && (d->w[z].cap || is_possessive(d, z) ||
	    (wclass(d, z) & (C_DET | C_TITLE))) && !(wclass(d, z) & C_TIME) &&
	    (z == s || !(wclass(d, z) & C_FUNCTION) || is_possessive(d, z)))
		z++;
	if (z == s || z > j || d->w[z].cap)
		return 0;
	if ((wclass(d, z - 1) & C_DET) && !is_pronoun(d, z - 1)) {
		/* "His campaign", "The senator" */
		z++;
		if (z > j || d->w[z].cap || (wclass(d, z - 1) & C_FUNCTION))
			return 0;
		return resolve_np(d, s, z, a, NP_LOOSE);
	}
	return resolve_np(d, s, z, a, 0);
}

/*
 * A quotation inside a sentence, with a new sentence after it: a cue
 * there ("He added, '...'") belongs to the next quotation more often than
 * to this one, so the words before it come first.
 */
int
attr_sides(struct qdoc *d, const struct quote *q, struct attr *a)
{
	size_t w0 = word_at(d, q->ce), wq = word_at(d, q->ob);
	int later;

	later = w0 < d->nw && d->w[w0].para == q->epara &&
	    (d->w[w0].sstart || gap_has(d, q->ce, d->w[w0].b, G_STOP)) &&
	    wq > 0 && d->w[wq - 1].para == q->para && !d->w[wq - 1].inq &&
	    !gap_has(d, d->w[wq - 1].e, q->ob, G_STOP);
	if (!later)
		return attr_right(d, q, a) || attr_left(d, q, a);
	if (attr_left(d, q, a))
		return 1;
	free(a->speaker);
	attr_clear(a);
	return attr_right(d, q, a);
}


/*
 * The subject of the last speech cue of the sentence before word i's,
 * outside quotations (indirect speech: "Coun Foley said a plan will be
 * put in place."; "A spokesperson for X told the BBC ...").  Returns 1
 * with a holding a speaker (the caller frees it), 0 when that sentence
 * has no such cue or its subject names no one.  Not recursive: a
 * pronoun there is left unresolved.
 */
int
indirect_subject(struct qdoc *d, size_t i, struct attr *a)
{
	size_t s, lim, k, n;
	long c;
	int found = 0;

	attr_clear(a);
	if (d->depth > 0 || i >= d->nw)
		return 0;
	for (s = i; s > 0 && !d->w[s].sstart && i - s < 2 * WINDOW; s--)
		;
	if (s == 0 || !d->w[s].sstart)
		return 0;
	for (lim = s - 1; lim > 0 && !d->w[lim].sstart && s - lim < 2 * WINDOW;
	    lim--)
		;
	if (d->w[s].para - d->w[lim].para > 1)
		return 0;
	d->depth++;
	for (k = s; k > lim && !found; k--) {
		if (d->w[k - 1].inq)
			continue;
		c = cue_at(d, k - 1, &n);
		if (c < 0 || d->lx->cues[c].after > 0)
			continue;	/* "told X": the subject is before */
		found = subject_before(d, k - 1, lim, a);
		break;
	}
	d->depth--;
	if (found && a->speaker)
		return 1;
	free(a->speaker);
	attr_clear(a);
	return 0;
}
