/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: one speaker per quotation: the frames tried in turn, the speakers
 * checked, report findings and carried-over speakers.
 */
#include "quotes.h"

/* The ASCII bytes space_at takes for white space. */
static const unsigned char ascii_space[128] = {
	[0] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
	[' '] = 1
};

/* Words in [b, e), counted up to max + 1: only short texts matter.  An
 * ASCII byte is told by ascii_space, any other as space_at tells. */
static size_t
count_words(struct qdoc *d, uint32_t b, uint32_t e, size_t max)
{
	const unsigned char *s = (const unsigned char *)d->s;
	size_t n = 0, i = b, l, lim = e < d->n ? e : d->n;
	int in = 0, sp;

	while (i < lim && n <= max) {
		if (in) {
			/* inside a word: on to the first byte that may end
			 * it (a control byte, a space, not ASCII), eight at a
			 * time */
			uint64_t v, stop;

			for (; i + 8 <= lim; i += 8) {
				memcpy(&v, s + i, 8);
				stop = (v | ~((v & ~GLEAN_HIGHS) + 0x5f *
				    GLEAN_ONES)) & GLEAN_HIGHS;
				if (stop != 0) {
					i += glean_first_flag(stop);
					break;
				}
			}
			if (i >= lim)
				break;
		}
		if (s[i] < 0x80) {
			sp = ascii_space[s[i]];
			l = 1;
		} else {
			sp = space_at(d, i, &l);
			l += l == 0;
		}
		if (sp)
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
		i += l;
	}
	/* past the text's end: space_at's -1, no space, one word */
	if (i < e && n <= max && !in)
		n++;
	return n;
}

/* A grade or label: the text (folded, final punctuation off) is listed. */
static int
is_label(struct qdoc *d, const struct quote *q)
{
	size_t fl, i, j, k, n;
	char buf[65], *f = buf, *folded = NULL;
	int hit = 0;

	if (q->te - q->tb > 64)
		return 0;
	/* most are plain ASCII: folded here as glean_casefold would
	 * (eight bytes at a time, then one), without its copy */
	fl = q->te - q->tb;
	for (i = 0; i + 8 <= fl; i += 8) {
		uint64_t v;

		memcpy(&v, d->s + q->tb + i, 8);
		if ((v & GLEAN_HIGHS) || zero_bytes(v))
			break;
		v = lower8(v);
		memcpy(buf + i, &v, 8);
	}
	for (; i < fl; i++) {
		unsigned char c = (unsigned char)d->s[q->tb + i];

		if (c >= 0x80 || c == '\0')
			break;
		buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	if (i < fl)
		f = folded = glean_casefold(d->s + q->tb, q->te - q->tb, &fl);
	while (fl > 0 && strchr(".,;:!? ", f[fl - 1]))
		fl--;
	f[fl] = '\0';
	if (!strchr(f, ' ')) {
		hit = (set_get(&d->lx->classes, f, fl) & C_LABEL) != 0;
	} else {
		for (k = 0; k < d->lx->nlabels && !hit; k++) {
			for (i = 0, j = 0, n = 0; j < d->lx->labels[k].nw; j++) {
				size_t wl = strlen(d->lx->labels[k].w[j]);
				if (strncmp(f + i, d->lx->labels[k].w[j], wl) != 0)
					break;
				i += wl;
				if (f[i] == ' ')
					i++;
				n++;
			}
			hit = j == d->lx->labels[k].nw && i >= fl;
		}
	}
	free(folded);
	return hit;
}

/* Preceded by a labelling word (a new '...', so-called '...')? */
static int
labelled(struct qdoc *d, const struct quote *q)
{
	size_t wq = word_at(d, q->ob);

	if (wq == 0 || d->w[wq - 1].para != q->para)
		return 0;
	if (!blank(d, d->w[wq - 1].e, q->ob))
		return 0;
	return (wclass(d, wq - 1) & C_LABELLER) != 0;
}

/* Remember q's speaker as the last person or body, for pronouns; pos is
 * where it was named. */
static void
remember(struct qdoc *d, const struct quote *q, uint32_t pos)
{
	struct recent *r;

	if (!q->at.speaker)
		return;
	r = q->at.person ? &d->last_person : &d->last_body;
	r->valid = 1;
	r->pos = pos;
	r->name = q->at.speaker;
	r->kind = q->at.kind;
	r->gender = q->at.gender != SEX_UNKNOWN ? q->at.gender :
	    name_sex(d->lx, q->at.speaker, strlen(q->at.speaker));
}

/* Mark the paragraphs under an upper-case heading naming a report (their
 * reportsec: the report cue's index + 1). */
static void
mark_report_sections(struct qdoc *d)
{
	size_t pi, w0, w1, at, len;
	long k = -1;

	for (pi = 0; pi < d->np; pi++) {
		if (d->p[pi].heading) {
			w0 = word_at(d, d->p[pi].b);
			w1 = word_at(d, d->p[pi].e);
			k = rcue_in(d, w0, w1, &at, &len);
			continue;
		}
		d->p[pi].reportsec = (uint8_t)(k >= 0 && k < 255 ? k + 1 : 0);
	}
}

/* Is name s[0..n) a pronoun ("he", "She", "Us"), but not an acronym
 * ("US", "WHO")? */
static int
is_pronoun_name(const struct quotes_lex *lx, const char *s, size_t n)
{
	char f[8];
	size_t k;
	int upper = 0;

	if (n == 0 || n >= sizeof(f))
		return 0;
	for (k = 0; k < n; k++) {
		upper += s[k] >= 'A' && s[k] <= 'Z';
		f[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] - 'A' + 'a' :
		    s[k]);
	}
	if (n > 1 && upper == (int)n)
		return 0;
	return set_get(&lx->prons, f, n) != 0;
}

/*
 * Is a's speaker one a quotation may have: a name, an organisation, a
 * role phrase, never a pronoun or a lower-case fragment?  Speakers that
 * are not are dropped (a keeps its phrase); kinds are filled in.
 */
static void
check_speaker(struct qdoc *d, struct attr *a)
{
	const char *s = a->speaker, *body;
	size_t n;

	if (!s)
		return;
	n = strlen(s);
	if (a->skind != SK_PERSON && (body = inspectorate_of(d, s, n))) {
		/* one name for each: "the Care Quality Commission" is CQC */
		if (strcmp(body, s) != 0) {
			free(a->speaker);
			a->speaker = glean_strdup(body);
		}
		a->skind = SK_INSPECTORATE;
		a->kind = K_REPORT;	/* "Ofsted said": its findings */
		return;
	}
	if (is_pronoun_name(d->lx, s, n) || ((unsigned char)s[0] < 0x80 &&
	    !(s[0] >= 'A' && s[0] <= 'Z') && !(s[0] >= '0' && s[0] <= '9') &&
	    a->skind != SK_ROLE && a->skind != SK_ORG)) {
		free(a->speaker);
		a->speaker = NULL;
		a->sb = a->se = -1;
		return;
	}
	if (a->skind == SK_NONE)
		a->skind = a->person ? SK_PERSON : SK_ORG;
}

/* q takes a's speaker (a's storage moves to q). */
static void
take(struct quote *q, const struct attr *a)
{
	q->at = *a;
}

/* q goes on with quotation from's speaker (a copy of its attribution),
 * without a cue of its own. */
static void
carry_over(struct quote *q, const struct quote *from)
{
	q->at = from->at;
	if (from->at.speaker)
		q->at.speaker = glean_strdup(from->at.speaker);
	q->at.cb = q->at.ce = -1;
}

/* Is quotation q in the sentence of quotation p (which comes before)? */
static int
same_sentence(struct qdoc *d, const struct quote *p, const struct quote *q)
{
	size_t i;

	if (p->epara != q->para)
		return 0;
	for (i = word_at(d, p->ce); i < d->nw && d->w[i].b < q->ob; i++)
		if (d->w[i].sstart)
			return 0;
	return 1;
}

/*
 * A frame around q names its speaker (a cue, a colon, the sentence
 * before): 1 and a holds it (its speaker may be NULL: a pronoun that fits
 * no one), else 0.
 */
static int
find_frame(struct qdoc *d, const struct quote *q, struct attr *a,
    size_t nwq, const struct quote *last)
{
	if (attr_sides(d, q, a) || attr_final(d, q, a))
		return 1;
	if (q->atpara && q->para > 0 && gap_has(d, d->p[q->para - 1].e - 1,
	    d->p[q->para - 1].e, G_COLON)) {
		/* He said:\n\n"..." */
		struct quote t = *q;
		t.ob = d->p[q->para - 1].e;
		t.para = q->para - 1;
		return attr_left(d, &t, a);
	}
	return nwq > SHORTQ && !(last && last->epara == q->para) &&
	    attr_prev(d, q, a);
}

/*
 * No frame names q's speaker: the report section's body, the
 * inspectorate for a short phrase in a sentence about the inspection,
 * the subject of indirect speech just before a paragraph that opens
 * with q, the last speaker going on, or nobody (then a short quotation
 * is a scare quote).
 */
static void
unattributed(struct qdoc *d, struct quote *q, size_t nwq,
    const struct quote *last)
{
	const char *body;
	struct attr a;

	q->at.kind = K_SPEECH;
	if (d->p[q->para].reportsec) {
		/* under a heading naming a report */
		q->at.kind = K_REPORT;
		body = report_speaker(d,
		    &d->lx->rcues[d->p[q->para].reportsec - 1]);
		if (body) {
			q->at.speaker = glean_strdup(body);
			q->at.skind = SK_INSPECTORATE;
		}
		return;
	}
	if (nwq > SHORTQ)
		nwq = count_words(d, q->tb, q->te, 2 * SHORTQ);
	if (nwq <= 2 * SHORTQ && !(last && same_sentence(d, last, q)) &&
	    !is_label(d, q) && inspection_context(d, q) &&
	    (body = article_inspectorate(d)) != NULL) {
		q->at.kind = K_REPORT;
		q->at.speaker = glean_strdup(body);
		q->at.skind = SK_INSPECTORATE;
		return;
	}
	if (q->atpara && (!last || last->epara + 1 < q->para) &&
	    indirect_subject(d, word_at(d, q->ob), &a)) {
		check_speaker(d, &a);
		if (a.speaker) {
			take(q, &a);
			q->at.cb = q->at.ce = -1;
			return;
		}
	}
	if (last && q->para >= last->epara && q->para - last->epara <=
	    (q->atpara ? 1u : LOOKBACK) && (q->atpara || nwq > SHORTQ ||
	    last->at.kind == K_REPORT || q->para == last->para)) {
		carry_over(q, last);
		return;
	}
	if (nwq <= SHORTQ)
		q->at.kind = K_SCARE;
}

/* A frame's cue and phrase for q when nothing else named a speaker: q
 * is attributed, with a phrase but no speaker. */
static void
phrase_only(struct quote *q, const struct attr *a)
{
	if (q->at.speaker || a->pb < 0)
		return;
	q->attributed = 1;
	q->at.pb = a->pb;
	q->at.pe = a->pe;
	q->at.cb = a->cb;
	q->at.ce = a->ce;
	q->at.kind = a->kind;
}

/*
 * Give each quotation of d its speaker and kind, in text order: a frame
 * around it, else what unattributed() finds.  Grade words and labels are
 * scare quotes; a quotation inside another gets no speaker.
 */
void
attribute(struct qdoc *d)
{
	size_t i, nwq;
	struct quote *q, *last = NULL;	/* the last attributed quotation */
	struct attr a;

	d->last_person.valid = d->last_body.valid = 0;
	mark_report_sections(d);
	for (i = 0; i < d->nq; i++) {
		q = &d->q[i];
		nwq = count_words(d, q->tb, q->te, SHORTQ);
		if (q->depth > 0) {
			/* a quotation inside another: its source is not ours
			 * to find */
			q->at.kind = nwq <= SHORTQ ? K_SCARE : K_SPEECH;
			continue;
		}
		attr_clear(&a);
		if (find_frame(d, q, &a, nwq, last)) {
			check_speaker(d, &a);
			if (a.speaker || a.pronoun || a.kind == K_REPORT) {
				take(q, &a);
				q->attributed = 1;
			} else {
				/* a cue, but its subject names no one ("the
				 * statement said"): the speaker may still be
				 * found, the phrase is the cue's */
				unattributed(d, q, nwq, last);
				phrase_only(q, &a);
			}
		} else {
			unattributed(d, q, nwq, last);
		}
		if ((nwq <= 1 && q->at.skind != SK_INSPECTORATE) || is_label(d, q) ||
		    (!q->attributed && !d->p[q->para].reportsec &&
		    q->at.skind != SK_INSPECTORATE && nwq <= SHORTQ &&
		    labelled(d, q)))
			q->at.kind = K_SCARE;
		if (q->attributed && q->at.kind != K_SCARE) {
			last = q;
			remember(d, q, q->at.sb >= 0 ? (uint32_t)q->at.sb : q->ob);
		} else if (q->at.speaker && q->at.kind != K_SCARE) {
			last = q;
		}
	}
}
