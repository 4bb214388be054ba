/* See LICENSE file for copyright and license details. */
/* cue.c: the judgements of a sentence */

#include "ratings.h"

int
sentence_rating(const struct ctx *c, struct doc *d, size_t si,
    const struct span *mainauth, int *also_lscb)
{
	size_t lo = d->sent[2 * si], hi = d->sent[2 * si + 1];
	size_t k, gi, ge, gend, from, nx, prevend = lo, s, prevw = 0;
	const struct span *areas[8], *au, *dt, *x;
	size_t na;
	int roles, cue, neg, also, found = 0, inarea = -1;

	for (gi = word_from(d, lo); gi < d->nw && d->w[gi].sent != si &&
	    d->w[gi].s < hi; gi++)
		;
	for (; gi < d->nw && d->w[gi].sent == si; gi++) {
		const struct phrase *gp = NULL;
		char *written = NULL;

		if (!(gp = grade_at(c, d, gi)))
			continue;
		ge = gi + gp->nw - 1;	/* last word of the grade */
		gend = d->w[ge].e;
		/* The word right after: a noun makes the grade an adjective. */
		cue = 0;
		nx = ge + 1;
		if (nx < d->nw && d->w[nx].sent == si &&
		    skip_quotes(d, gend, hi) == d->w[nx].s) {
			roles = d->w[nx].role;
			if (roles & R_NOUN)
				cue = 1;
			else if (!(roles & R_FOLLOW))
				continue;
		}
		from = gi >= VERB_WINDOW ? gi - VERB_WINDOW : 0;
		neg = also = 0;
		s = d->w[gi].s;
		for (k = from; k < gi; k++) {
			if (d->w[k].sent != si || d->w[k].s < prevend)
				continue;
			roles = d->w[k].role;
			if ((roles & R_VERB) && !cue) {
				cue = 1;
				s = d->w[k].s;
			}
			if ((roles & R_NEG) && k + NEG_WINDOW >= gi)
				neg = 1;
			if (roles & R_ALSO)
				also = 1;
		}
		if (neg)
			continue;
		if (!cue && gi > 0 && d->w[gi - 1].sent == si &&
		    area_before(d, gi, prevend)) {
			if (gp->copula == COP_SELF)
				cue = 1;
			else if (gp->copula == COP_YES &&
			    (d->w[gi - 1].role & R_LINK))
				cue = 1;
		}
		/* "rated A overall, and B for safety": the verb carries. */
		if (!cue && found && prevw + COORD_WINDOW >= gi)
			cue = 1;
		if (!cue)
			continue;
		/* Judgements outside inspection news ("the pension system
		 * has been branded inadequate"): no inspectorate anywhere in
		 * the document and no judgement area in the sentence. */
		na = pick_areas(d, prevend, hi, d->w[gi].s, d->w[ge].e,
		    areas, 8);
		if (!d->insp.n && inarea < 0)
			inarea = area_in(c, d, si);
		if (!d->insp.n && !inarea)
			continue;
		found = 1;
		/* The grade as written, when the words differ from it. */
		{
			size_t ws = d->w[gi].s, wl = gend - ws, fl;
			char *low = glean_casefold(d->text + ws, wl, &fl);

			if (strcmp(low, gp->grade))
				written = low;
			else
				free(low);
		}
		gend = closing_quote(d, gend, hi);
		/* When: a date in the sentence, else the publication date. */
		{
			json_t *when = NULL;
			const char *insp = NULL;
			size_t a;

			/* the last date before the grade; the first after
			 * it, "inadequate in 2015", wins when right after */
			dt = bs_last_ending(&d->sdates, si, d->w[gi].s);
			x = bs_first_from(&d->sdates, si, d->w[ge].e);
			if (x && (!dt || word_from(d, x->s) <=
			    ge + 1 + DATE_AFTER))
				dt = x;
			if (dt && dt->value)
				when = when_of(dt->value);
			else if (dt) {
				char *y = glean_strndup(d->text + dt->s, 4);

				when = json_string(y);
				free(y);
			} else if (d->published &&
			    valid_date_value(d->published))
				when = when_of(d->published);
			else
				when = json_null();
			if (d->sinsp.first[si] < d->sinsp.first[si + 1])
				insp = c->insp[d->sinsp.v[d->sinsp.first[si]]->
				    idx].name;
			au = nearest(&d->sauth, si, d->w[gi].s, d->w[ge].e);
			if (!au)
				au = mainauth;
			if (!na) {
				add_rating(d, s, gend, au ? au->name : NULL,
				    au ? au->code : NULL, "authority",
				    c->areas[c->nareas - 1].name, gp, written,
				    when, insp, 0);
			}
			for (a = na; a-- > 0;) {
				const struct area *ar =
				    &c->areas[areas[a]->idx];
				size_t rs = areas[a]->s < s ? areas[a]->s : s;
				size_t re = areas[a]->e > gend ? areas[a]->e :
				    gend;

				if (ar->board) {
					const struct span *ba = au;
					char *bn = board_subject(c, d,
					    areas[a], lo, &rs, &ba);

					add_rating(d, rs, re, bn,
					    ba ? ba->code : NULL, "board",
					    ar->name, gp, written, when, insp,
					    0);
					if (also && ba)
						also_lscb[0] = 1;
					free(bn);
				} else
					add_rating(d, rs, re, au ? au->name :
					    NULL, au ? au->code : NULL,
					    "authority", ar->name, gp, written,
					    when, insp, 0);
			}
			json_decref(when);
		}
		free(written);
		prevend = d->w[ge].e;
		prevw = ge;
		gi = ge;
	}
	return found;
}
