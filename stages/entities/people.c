/* See LICENSE file for copyright and license details. */
/*
 * people.c - people and their roles: names after a title or a known
 * forename, and the role words before or after them ("Director of
 * Children's Services Jane Smith", "Jane Smith, the director").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"

/* Role words [a, b) as a string; a capitalised role word that opens a
 * sentence is lowered ("Corporate director"). */
static char *
role_text(const struct doc *d, size_t a, size_t b)
{
	char *r = span_text(d, a, b);

	if (role_class(d, a) && r[0] >= 'A' && r[0] <= 'Z' && r[1] >= 'a' &&
	    r[1] <= 'z')
		r[0] += 32;
	return r;
}

static int
role_word(const struct doc *d, size_t i)
{
	int rc = role_class(d, i);

	return rc == R_HEAD || rc == R_MOD;
}

/* The end of a role [head, end) without dangling function words
 * ("director of the" before a quote). */
static size_t
trim_role(const struct doc *d, size_t head, size_t end)
{
	while (end > head + 1 && (lword(d, end - 1, "of") ||
	    lword(d, end - 1, "for") || lword(d, end - 1, "the") ||
	    lword(d, end - 1, "a") || lword(d, end - 1, "an") ||
	    lword(d, end - 1, "at") || lword(d, end - 1, "and") ||
	    lword(d, end - 1, "responsible")))
		end--;
	return end;
}

/* A role before the mention starting at token lo, or NULL. */
static char *
left_role(const struct doc *d, size_t lo)
{
	size_t sent = d->ti[lo].sent, j, k, head, end, a;

	if (lo == 0 || lo <= sent)
		return NULL;
	j = lo - 1;
	if (teq(d, j, ",")) {
		if (j == 0 || j <= sent)
			return NULL;
		j--;
	}
	end = j + 1;
	if (role_class(d, j) == R_HEAD) {
		head = j;
	} else {
		/* "leader of the council Cllr Phil Davies", but not
		 * "director of the British Chambers" */
		head = (size_t)-1;
		if (lword(d, j, "the") || lword(d, j, "a") ||
		    lword(d, j, "an") || lword(d, j, "of") ||
		    lword(d, j, "for"))
			return NULL;
		for (k = j - 1; k > sent && k + 5 > j; k--) {
			/* lower-case words only: not "director of the Pew
			 * Internet and American Life Project" */
			if (!is_word(d, k) || (k < j && is_capword(d, k + 1)))
				break;
			if ((lword(d, k, "of") || lword(d, k, "for")) &&
			    role_class(d, k - 1) == R_HEAD) {
				head = k - 1;
				break;
			}
		}
		if (head == (size_t)-1)
			return NULL;
	}
	for (a = head; a > sent; a--) {
		size_t p = a - 1;

		if (role_word(d, p) && !lword(d, p, "and"))
			continue;
		if (lword(d, p, "and") && p > sent && role_word(d, p - 1))
			continue;
		/* "Birkenhead MP", "Tory opposition leader" */
		if (is_capword(d, p) && !(winfo(d, p)->bits & W_STOP) &&
		    (d->ti[p].owner < 0 || d->e[d->ti[p].owner].kind == K_ORG))
			continue;
		break;
	}
	return role_text(d, a, trim_role(d, head, end));
}

/*
 * A role phrase starting at token p: [mods] head [of|for|at ...].  Leading
 * determiners and a possessor ("the council's") are skipped.  Returns the
 * role, or NULL; *poss gets the possessor's last token + 1 (or 0).
 */
static char *
role_at(const struct doc *d, size_t p, size_t *possend)
{
	size_t n = d->tk->n, sent = d->ti[p].sent, k, head, end;
	int rc;

	*possend = 0;
	if (lword(d, p, "the") || lword(d, p, "a") || lword(d, p, "an") ||
	    lword(d, p, "its") || lword(d, p, "their"))
		p++;
	for (k = p; k < n && k < p + 4 && is_word(d, k) &&
	    d->ti[k].sent == sent && role_class(d, k) != R_HEAD; k++)
		if (is_clitic_s(d, k)) {
			*possend = k;
			p = k + 1;
			break;
		}
	head = (size_t)-1;
	for (k = p; k < n && k < p + 5 && d->ti[k].sent == sent; k++) {
		rc = role_class(d, k);
		if (rc == R_HEAD)
			head = k;
		else if (rc != R_MOD && !(is_capword(d, k) && k == p))
			break;
	}
	if (head == (size_t)-1)
		return NULL;
	end = head + 1;
	if (end < n && d->ti[end].sent == sent && (lword(d, end, "of") ||
	    lword(d, end, "for") || lword(d, end, "at") ||
	    lword(d, end, "responsible"))) {
		for (k = end + 1; k < n && k < end + 9 &&
		    d->ti[k].sent == sent; k++) {
			if (d->tk->t[k].kind != GLEAN_TOK_WORD ||
			    role_class(d, k) == R_STOP)
				break;
			if (d->ti[k].owner >= 0 && d->e[d->ti[k].owner].kind ==
			    K_PERSON)
				break;
		}
		if (k > end + 1)
			end = k;
	}
	return role_text(d, p, trim_role(d, head, end));
}

/* A role after the name ending at token k: ", director of ..." or
 * "... as interim director". */
static char *
right_role(const struct doc *d, size_t k)
{
	size_t n = d->tk->n, sent, j, poss;

	if (k >= n)
		return NULL;
	sent = d->ti[k - 1].sent;
	if (teq(d, k, ",") && k + 1 < n && d->ti[k + 1].sent == sent)
		return role_at(d, k + 1, &poss);
	for (j = k; j < n && j < k + 6 && d->ti[j].sent == sent; j++) {
		if (!is_word(d, j))
			break;
		if ((lword(d, j, "as") || lword(d, j, "appointed")) &&
		    j + 1 < n && d->ti[j + 1].sent == sent)
			return role_at(d, j + 1, &poss);
	}
	return NULL;
}

/* People: titles, known forenames, or two capitalised words in a role
 * context. */
void
find_people(struct doc *d)
{
	const struct ctx *c = d->c;
	size_t ci, i, k, n = d->tk->n, len, name0, start;
	long t;
	struct ent *e;
	const char *p;
	char *lr;

	/* a person claims its tokens: the loop needs no skipping */
	for (ci = 0; ci < d->ncand; ci++) {
		i = d->cand[ci];
		/* each kind of name wants a name word after token i, in
		 * its sentence: most candidates fail that, before any
		 * lookup */
		if (!nameword(d, i + 1) || d->ti[i + 1].sent != d->ti[i].sent ||
		    !free_tok(d, i))
			continue;
		start = name0 = i;
		p = ttext(d, i, &len);
		if (len > 1 && p[len - 1] == '.')
			t = glean_dict_find(&c->titles, p, len - 1);
		else
			t = winfo(d, i)->title;
		/* a title (t >= 0), a known forename, or two capitalised
		 * words with a role beside them, or "from": "Paddy Cleary
		 * from Unison" */
		if (t >= 0) {
			name0 = i + 1;
		} else if (!nameword(d, i)) {
			continue;
		} else if (!(winfo(d, i)->bits & W_FORENAME)) {
			if (winfo(d, i + 1)->bits & W_ORGHEAD)
				continue;
			lr = left_role(d, i);
			if (!lr && !(i + 3 < n && teq(d, i + 2, ",") &&
			    (lr = right_role(d, i + 2))) &&
			    !lword(d, i + 2, "from"))
				continue;
		}
		for (k = name0; k < n && k < name0 + 4 && d->ti[k].sent ==
		    d->ti[name0].sent && (nameword(d, k) ||
		    (k > name0 && initial(d, k) && nameword(d, k + 1))); k++)
			;
		if (k == name0)
			continue;
		e = add_ent(d, start, k, K_PERSON);
		e->n0 = name0;
		e->strong = t >= 0 || (winfo(d, name0)->bits & W_FORENAME);
		e->canonical = span_text(d, name0, k);
		if (t >= 0) {
			e->title = span_text(d, start, start + 1);
			if (c->titles.str[t])
				e->role = c->titles.str[t];
		}
	}
}

/* Roles and organisations of the people found. */
void
find_roles(struct doc *d)
{
	size_t k, n = d->tk->n, j;
	struct ent *e;
	char *r;
	long o;

	for (k = 0; k < d->ne; k++) {
		e = &d->e[k];
		if (e->kind != K_PERSON)
			continue;
		r = left_role(d, e->t0);
		if (!r)
			r = right_role(d, e->t1);
		if (r) {
			e->role = r;
			e->explicit_role = 1;
		}
		j = e->t1;
		if (j + 1 < n && lword(d, j, "from") &&
		    (o = d->ti[j + 1].owner) >= 0 && d->e[o].kind != K_PERSON)
			e->org = d->e[o].canonical;
	}
}
