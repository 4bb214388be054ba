#include "quotes.h"
#include "swar.h"

/* Words in [b, e), counted up to max + 1: only short texts matter. */
static size_t
count_words(struct qdoc *d, uint32_t b, uint32_t e, size_t max)
{
	size_t n = 0, i = b, l;
	int in = 0;

	for (; i < e && n <= max; i += l ? l : 1) {
		if (space_at(d, i, &l))
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* A grade or label: the text (folded, final punctuation off) is listed. */
static int
is_label(struct qdoc *d, const struct quote *q)
{
	size_t fl, i, j, k, n;
	char *f;
	int hit = 0;

	if (q->te - q->tb > 64)
		return 0;
	f = glean_casefold(d->s + q->tb, q->te - q->tb, &fl);
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
	free(f);
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

static void
remember(struct qdoc *d, const struct quote *q, uint32_t pos)
{
	struct recent *r;

	if (!q->speaker)
		return;
	r = q->person ? &d->last_person : &d->last_body;
	r->valid = 1;
	r->pos = pos;
	r->name = q->speaker;
	r->kind = q->kind;
}

void
attribute(struct qdoc *d)
{
	size_t i, nwq, pi;
	struct quote *q;
	struct attr a;
	long lastq = -1;	/* last attributed quotation */
	long k;

	d->last_person.valid = d->last_body.valid = 0;
	/* report sections: under an upper-case heading naming a report */
	for (pi = 0, k = -1; pi < d->np; pi++) {
		if (d->p[pi].heading) {
			size_t w0 = word_at(d, d->p[pi].b), w1 = word_at(d, d->p[pi].e),
			    at, len;
			k = rcue_in(d, w0, w1, &at, &len);
			continue;
		}
		d->p[pi].reportsec = (uint8_t)(k >= 0 && k < 255 ? k + 1 : 0);
	}
	for (i = 0; i < d->nq; i++) {
		q = &d->q[i];
		attr_clear(&a);
		nwq = count_words(d, q->tb, q->te, SHORTQ);
		if (q->depth > 0) {
			/* a quotation inside another: its source is not ours
			 * to find */
			free(a.speaker);
			q->kind = nwq <= SHORTQ ? K_SCARE : K_SPEECH;
			continue;
		} else if (attr_sides(d, q, &a) || attr_final(d, q, &a)) {
			q->attributed = 1;
		} else if (q->atpara && q->para > 0 &&
		    gap_has(d, d->p[q->para - 1].e - 1, d->p[q->para - 1].e,
		    G_COLON)) {
			/* He said:\n\n"..." */
			struct quote t = *q;
			t.ob = d->p[q->para - 1].e;
			t.para = q->para - 1;
			if (attr_left(d, &t, &a))
				q->attributed = 1;
		} else if (nwq > SHORTQ && !(lastq >= 0 &&
		    d->q[lastq].epara == q->para) && attr_prev(d, q, &a)) {
			q->attributed = 1;
		}
		if (q->attributed) {
			q->speaker = a.speaker;
			q->sb = a.sb;
			q->se = a.se;
			q->pb = a.pb;
			q->pe = a.pe;
			q->cb = a.cb;
			q->cend = a.ce;
			q->kind = a.kind;
			q->person = a.person;
		} else {
			free(a.speaker);
			q->kind = K_SPEECH;
			if (d->p[q->para].reportsec) {
				/* under a heading naming a report */
				struct phrase *rp =
				    &d->lx->rcues[d->p[q->para].reportsec - 1];
				q->kind = K_REPORT;
				if (rp->speaker)
					q->speaker = glean_strdup(rp->speaker);
			} else if (lastq >= 0 && q->para >=
			    d->q[lastq].epara && q->para - d->q[lastq].epara <=
			    (q->atpara ? 1u : LOOKBACK) &&
			    (q->atpara || nwq > SHORTQ ||
			    d->q[lastq].kind == K_REPORT ||
			    q->para == d->q[lastq].para)) {
				/* goes on from the last speaker */
				if (d->q[lastq].speaker)
					q->speaker = glean_strdup(
					    d->q[lastq].speaker);
				q->sb = d->q[lastq].sb;
				q->se = d->q[lastq].se;
				q->pb = d->q[lastq].pb;
				q->pe = d->q[lastq].pe;
				q->kind = d->q[lastq].kind;
				q->person = d->q[lastq].person;
			} else if (nwq <= SHORTQ) {
				q->kind = K_SCARE;
			}
		}
		if (nwq <= 1 || is_label(d, q) || (!q->attributed &&
		    !d->p[q->para].reportsec && nwq <= SHORTQ && labelled(d, q)))
			q->kind = K_SCARE;
		if (q->attributed && q->kind != K_SCARE) {
			lastq = (long)i;
			remember(d, q, q->sb >= 0 ? (uint32_t)q->sb : q->ob);
		} else if (q->speaker && q->kind != K_SCARE) {
			lastq = (long)i;
		}
	}
}

