/* See LICENSE file for copyright and license details. */
/*
 * The article body of an HTML page, after the literature rather than any
 * one program's code:
 *
 *  1. Boilerplate is marked and counted, never descended into: elements
 *     that are never article text (script, nav, header, footer, aside,
 *     forms...), hidden ones, ARIA landmarks of the site around the
 *     article, and elements whose class or id holds a word of
 *     lexicons/html-boilerplate.tsv marked "drop" (share bars, related
 *     lists, cookie banners, ads...) unless it also holds a "positive" one.
 *  2. Every element's text and link text is summed bottom-up.
 *  3. Paragraph-like blocks score their ancestors by their length and
 *     commas (Readability); an ancestor starts from its tag and the
 *     positive/negative words of its class and id; the score is damped by
 *     link density.  The best container wins, and its siblings join it
 *     when they score near it or read as prose (boilerpipe's and
 *     jusText's text and link density cues).
 *  4. Inside the kept containers, link-heavy or low-scored boxes (lists
 *     of links, tag clouds, captions of image galleries) are left out
 *     (Readability's conditional cleaning).
 *  5. When that gives little, all prose-like blocks of the page are kept
 *     instead (the fallback trafilatura uses).
 *
 * The tree is walked without recursion (see walk()), and per-element
 * figures live in an array reached through node->_private, freed with
 * the page.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "swar.h"
#include "normalize.h"

/* ---- the lexicon of class and id words ----------------------------------- */

enum word_kind { W_DROP, W_NEGATIVE, W_POSITIVE };

struct bword {
	char *word;		/* lower case, no trailing '*' */
	char *label;		/* for drop: what the counts call it */
	unsigned char kind, prefix;
};
/* What a word owns, for glean_free_table. */
static const size_t bword_owned[] = { offsetof(struct bword, word),
    offsetof(struct bword, label) };

struct boilerplate {
	struct bword *v;
	size_t n, mask;		/* open-addressed: v has mask + 1 slots */
};

static struct bword *
bword_find(const struct boilerplate *bp, const char *s, size_t n)
{
	size_t i = glean_hash8(s, n, s) & bp->mask;

	for (; bp->v[i].word; i = (i + 1) & bp->mask)
		if (strlen(bp->v[i].word) == n &&
		    memcmp(bp->v[i].word, s, n) == 0)
			return &bp->v[i];
	return NULL;
}

/*
 * Load lexdir/html-boilerplate.tsv: word (lower case; a trailing '*'
 * matches any word it begins), kind (drop, negative, positive), and for
 * drop the name its counts go under.  A bad row is fatal, as for every
 * lexicon.
 */
struct boilerplate *
boilerplate_load(const char *lexdir)
{
	struct glean_lexicon *lx = glean_lexicon_load(lexdir,
	    "html-boilerplate.tsv", 2);
	struct boilerplate *bp = glean_calloc(1, sizeof *bp);
	size_t i, cap = 16;

	while (cap < lx->nrows * 2 + 2)
		cap *= 2;
	bp->v = glean_calloc(cap, sizeof *bp->v);
	bp->mask = cap - 1;
	for (i = 0; i < lx->nrows; i++) {
		const struct glean_row *r = &lx->rows[i];
		size_t n = strlen(r->f[0]), slot;
		int prefix = n > 1 && r->f[0][n - 1] == '*', kind;

		if (strcmp(r->f[1], "drop") == 0)
			kind = W_DROP;
		else if (strcmp(r->f[1], "negative") == 0)
			kind = W_NEGATIVE;
		else if (strcmp(r->f[1], "positive") == 0)
			kind = W_POSITIVE;
		else
			glean_die(GLEAN_EXIT_FATAL, "%s:%ld: kind \"%s\" is not "
			    "drop, negative or positive", lx->path, r->line,
			    r->f[1]);
		n -= (size_t)prefix;
		if (bword_find(bp, r->f[0], n))
			continue;
		slot = glean_hash8(r->f[0], n, r->f[0]) & bp->mask;
		while (bp->v[slot].word)
			slot = (slot + 1) & bp->mask;
		bp->v[slot].word = glean_strndup(r->f[0], n);
		bp->v[slot].label = glean_strdup(kind == W_DROP && r->nf > 2 &&
		    r->f[2][0] ? r->f[2] : r->f[0]);
		bp->v[slot].kind = (unsigned char)kind;
		bp->v[slot].prefix = (unsigned char)prefix;
		bp->n++;
	}
	glean_lexicon_free(lx);
	return bp;
}

void
boilerplate_free(struct boilerplate *bp)
{
	if (bp)
		glean_free_table(bp, bp->v, bp->mask + 1, sizeof *bp->v,
		    bword_owned, 2);
}

/* What the words of a class or id say: counts, and the first drop. */
struct verdict {
	int positive, negative;		/* words, for the weight */
	int kept;			/* names whose last word is positive */
	const char *drop;		/* the first name whose last is drop */
};

/*
 * Judge value, a list of names split by spaces.  Each name splits into
 * words at anything not a letter or digit ("related-articles" ->
 * related, articles; camelCase stays one word and is caught by
 * prefixes), each looked up whole or by its prefixes.  A name is what
 * its last known word says, as an English compound is what its head
 * says: "article-footer" is a footer, "related-articles" articles.
 * Negative words only weigh: they name no kind of box.
 */
static void
judge_words(const struct boilerplate *bp, const char *value,
    struct verdict *v)
{
	char w[48];
	const char *p = value;
	const struct bword *head = NULL;
	size_t n, k;

	for (;;) {
		while (*p && !isalnum((unsigned char)*p)) {
			if (isspace((unsigned char)*p) && head) {
				/* the end of a name */
				if (head->kind == W_POSITIVE)
					v->kept++;
				else if (head->kind == W_DROP && !v->drop)
					v->drop = head->label;
				head = NULL;
			}
			p++;
		}
		for (n = 0; isalnum((unsigned char)p[n]); n++)
			if (n < sizeof w)
				w[n] = (char)tolower((unsigned char)p[n]);
		if (n == 0)
			break;
		p += n;
		if (n > sizeof w)
			continue;
		for (k = 2; k <= n; k++) {
			const struct bword *b = bword_find(bp, w, k);

			if (!b || (k < n && !b->prefix))
				continue;
			if (b->kind == W_POSITIVE)
				v->positive++;
			else
				v->negative++;
			if (b->kind != W_NEGATIVE)
				head = b;
			break;
		}
	}
	if (head && head->kind == W_POSITIVE)
		v->kept++;
	else if (head && head->kind == W_DROP && !v->drop)
		v->drop = head->label;
}

/* ---- counts of what was dropped ------------------------------------------ */

void
dropped_add(struct dropped *d, const char *what, size_t n)
{
	size_t i;

	for (i = 0; i < d->kinds; i++)
		if (strcmp(d->what[i], what) == 0) {
			d->n[i] += n;
			return;
		}
	if (d->kinds == DROP_KINDS)
		return;
	d->what[d->kinds] = what;
	d->n[d->kinds++] = n;
}

/* ---- elements ------------------------------------------------------------ */

enum role {
	R_INLINE, R_BLOCK, R_HEADING, R_ITEM, R_ROW, R_CELL, R_BR, R_DROP,
	R_LIST, R_PARA, R_FORM
};

static const struct {
	const char *tag;
	unsigned char role;
} roles[] = {
	{ "a", R_INLINE }, { "p", R_PARA }, { "div", R_BLOCK },
	{ "span", R_INLINE }, { "li", R_ITEM }, { "br", R_BR },
	{ "h1", R_HEADING }, { "h2", R_HEADING }, { "h3", R_HEADING },
	{ "h4", R_HEADING }, { "h5", R_HEADING }, { "h6", R_HEADING },
	{ "ul", R_LIST }, { "ol", R_LIST }, { "dl", R_LIST },
	{ "dt", R_ITEM }, { "dd", R_ITEM }, { "tr", R_ROW },
	{ "td", R_CELL }, { "th", R_CELL }, { "table", R_BLOCK },
	{ "section", R_BLOCK }, { "article", R_BLOCK }, { "main", R_BLOCK },
	{ "blockquote", R_BLOCK }, { "pre", R_PARA }, { "figure", R_BLOCK },
	{ "figcaption", R_DROP }, { "address", R_BLOCK },
	{ "center", R_BLOCK }, { "details", R_BLOCK }, { "summary", R_BLOCK },
	{ "hr", R_BLOCK }, { "body", R_BLOCK }, { "html", R_BLOCK },
	{ "fieldset", R_BLOCK }, { "hgroup", R_BLOCK }, { "tbody", R_BLOCK },
	{ "thead", R_BLOCK }, { "caption", R_BLOCK },
	{ "script", R_DROP }, { "style", R_DROP }, { "noscript", R_DROP },
	{ "template", R_DROP }, { "iframe", R_DROP }, { "svg", R_DROP },
	{ "canvas", R_DROP }, { "object", R_DROP }, { "embed", R_DROP },
	{ "nav", R_DROP }, { "header", R_DROP }, { "footer", R_DROP },
	{ "aside", R_DROP }, { "form", R_FORM }, { "button", R_DROP },
	{ "select", R_DROP }, { "textarea", R_DROP }, { "input", R_DROP },
	{ "dialog", R_DROP }, { "menu", R_DROP }, { "video", R_DROP },
	{ "audio", R_DROP }, { "map", R_DROP }, { "picture", R_DROP },
	{ "head", R_DROP }, { "title", R_DROP }, { "math", R_DROP },
	{ "label", R_DROP }, { "option", R_DROP }, { "tfoot", R_DROP },
};

static enum role
role_of(const xmlNode *n, const char **tag)
{
	size_t i;

	*tag = (const char *)n->name;
	for (i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (roles[i].tag[0] == n->name[0] &&
		    strcmp(roles[i].tag, (const char *)n->name) == 0) {
			*tag = roles[i].tag;	/* a static name for counts */
			return (enum role)roles[i].role;
		}
	return R_INLINE;
}

/* Figures of one element, summed over its kept descendants. */
struct info {
	xmlNode *node;
	const char *tag;
	unsigned text;		/* bytes of text that are not spaces */
	unsigned link;		/* of them, inside <a> */
	unsigned commas, paras;
	unsigned own;		/* of the text, outside block children */
	float score;
	short weight;		/* class and id words: +-25 each */
	unsigned char role, has_block, scored, keep;
};

/*
 * Bytes of body below which the extraction is tried again with fewer cues
 * (Readability uses 500 characters; 400 keeps short articles beside long
 * comment threads).
 */
enum { ENOUGH_BODY = 400 };

/* Readability's flags, dropped one by one when an attempt gives little. */
enum {
	STRIP_UNLIKELY = 1,	/* class and id words drop elements */
	WEIGHT_CLASSES = 2,	/* and weigh containers */
	CLEAN_BOXES = 4		/* link-heavy boxes left out of the body */
};

struct walk {
	const struct boilerplate *bp;
	int flags;
	struct dropped *d;
	struct info *v;
	size_t n, cap;
	struct glean_buf *out;
	int pending;		/* separator owed before the next text */
	void (*each)(const xmlNode *, void *);	/* each_element's */
	void *each_ctx;
};

static struct info *
info_of(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE ?
	    (struct info *)n->_private : NULL;
}

/*
 * Visit the subtree at root in document order without recursion: enter()
 * says whether to go into a node's children; leave() runs when they are
 * done (also for nodes not entered).
 */
static void
walk(xmlNode *root, int (*enter)(xmlNode *, struct walk *),
    void (*leave)(xmlNode *, struct walk *), struct walk *w)
{
	xmlNode *n = root;

	for (;;) {
		if (enter(n, w) && n->children) {
			n = n->children;
			continue;
		}
		for (;;) {
			if (leave)
				leave(n, w);
			if (n == root)
				return;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

const char *
node_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (strcasecmp((const char *)a->name, name) == 0 &&
		    a->children && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

/* Does a style attribute hide the element? */
static int
hidden_style(const char *style)
{
	char buf[256];
	size_t i, j;

	for (i = j = 0; style[i] && j < sizeof buf - 1; i++)
		if (!isspace((unsigned char)style[i]))
			buf[j++] = (char)tolower((unsigned char)style[i]);
	buf[j] = '\0';
	return strstr(buf, "display:none") ||
	    strstr(buf, "visibility:hidden");
}

/* Landmarks of the site around the article (WAI-ARIA roles). */
static const char *
aria_drop(const char *role)
{
	static const char *const drop[] = { "navigation", "banner",
	    "contentinfo", "complementary", "menu", "menubar", "dialog",
	    "alertdialog", "search", "toolbar", NULL };
	size_t i;

	for (i = 0; drop[i]; i++)
		if (strcasecmp(role, drop[i]) == 0)
			return drop[i];
	return NULL;
}

/* Why element n (with role r) is boilerplate, or NULL. */
static const char *
drop_reason(const struct walk *w, const xmlNode *n, enum role r,
    const char *tag, struct verdict *v)
{
	const char *a;

	if (r == R_DROP)
		return tag;
	if ((a = node_attr(n, "class")))
		judge_words(w->bp, a, v);
	if ((a = node_attr(n, "id")))
		judge_words(w->bp, a, v);
	if (node_attr(n, "hidden") || ((a = node_attr(n, "style")) && hidden_style(a)))
		return "hidden";
	if ((a = node_attr(n, "aria-hidden")) && strcmp(a, "true") == 0)
		return "hidden";
	if ((a = node_attr(n, "role")) && (a = aria_drop(a)))
		return a;
	if (v->drop && !v->kept && (w->flags & STRIP_UNLIKELY) &&
	    strcmp(tag, "body") != 0 &&
	    strcmp(tag, "html") != 0 && strcmp(tag, "article") != 0 &&
	    strcmp(tag, "main") != 0)
		return v->drop;
	return NULL;
}

/* ---- pass 1: mark boilerplate, sum text ---------------------------------- */

static void
count_text(const xmlNode *t, struct info *parent)
{
	const unsigned char *s = t->content;
	unsigned text = 0, commas = 0;

	if (!s || !parent)
		return;
	for (; *s; s++) {
		if (*s > ' ')
			text++;
		if (*s == ',')
			commas++;
	}
	parent->text += text;
	parent->own += text;
	parent->commas += commas;
}

/* During pass 1 an element's _private is its index in w->v plus one:
 * w->v moves as it grows. */
static struct info *
marked(const struct walk *w, const xmlNode *n)
{
	if (!n || n->type != XML_ELEMENT_NODE || !n->_private)
		return NULL;
	return &w->v[(uintptr_t)n->_private - 1];
}

static int
mark_enter(xmlNode *n, struct walk *w)
{
	struct verdict v = { 0 };
	struct info *in;
	const char *tag, *why;
	enum role r;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		count_text(n, marked(w, n->parent));
		return 0;
	}
	if (n->type == XML_COMMENT_NODE) {
		dropped_add(w->d, "comment", 1);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return n->type == XML_DOCUMENT_NODE ||
		    n->type == XML_HTML_DOCUMENT_NODE;
	n->_private = NULL;
	r = role_of(n, &tag);
	why = drop_reason(w, n, r, tag, &v);
	if (why) {
		dropped_add(w->d, why, 1);
		return 0;
	}
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 1024;
		w->v = glean_realloc(w->v, w->cap * sizeof *w->v);
	}
	in = &w->v[w->n];
	memset(in, 0, sizeof *in);
	in->node = n;
	in->tag = tag;
	in->role = (unsigned char)r;
	if (w->flags & WEIGHT_CLASSES)
		in->weight = (short)(25 * (v.positive - v.negative));
	n->_private = (void *)(uintptr_t)++w->n;
	return 1;
}

static void
mark_leave(xmlNode *n, struct walk *w)
{
	struct info *in = marked(w, n), *up;

	if (!in)
		return;
	if (strcmp(in->tag, "a") == 0)
		in->link = in->text;
	if (!(up = marked(w, n->parent)))
		return;
	up->text += in->text;
	if (in->role == R_INLINE)
		up->own += in->text;
	up->link += in->link;
	up->commas += in->commas;
	up->paras += in->paras + (in->role == R_PARA);
	if (in->role != R_INLINE && in->role != R_BR)
		up->has_block = 1;
	up->has_block |= in->has_block;
}

/* ---- pass 2: scores ------------------------------------------------------ */

static float
link_density(const struct info *in)
{
	return in->text ? (float)in->link / (float)in->text : 0.0f;
}

static void
start_score(struct info *in)
{
	if (in->scored)
		return;
	in->scored = 1;
	in->score = in->weight;
	if (strcmp(in->tag, "div") == 0 || strcmp(in->tag, "article") == 0)
		in->score += 5;
	else if (strcmp(in->tag, "pre") == 0 || in->role == R_CELL ||
	    strcmp(in->tag, "blockquote") == 0)
		in->score += 3;
	else if (in->role == R_LIST || in->role == R_ITEM)
		in->score -= 3;
	else if (in->role == R_HEADING)
		in->score -= 5;
}

/* Is in a block of prose: a paragraph, or a box with no blocks inside? */
static int
is_paragraph(const struct info *in)
{
	if (in->role == R_PARA || in->role == R_CELL)
		return 1;
	return in->role == R_BLOCK && !in->has_block;
}

static void
score_paragraphs(struct walk *w)
{
	size_t i;
	int level;

	for (i = 0; i < w->n; i++) {
		struct info *in = &w->v[i];
		xmlNode *a = in->node->parent;
		float s;

		if (is_paragraph(in) && in->text >= 25)
			s = 1.0f + (float)in->commas +
			    (float)(in->text / 100 < 3 ? in->text / 100 : 3);
		else if (in->has_block && in->own >= 25 &&
		    in->role == R_BLOCK) {
			/* loose text beside blocks is a paragraph of its
			 * box, as Readability wraps it in one */
			s = 1.0f + (float)(in->own / 100 < 3 ?
			    in->own / 100 : 3);
			a = in->node;
		} else
			continue;
		for (level = 0; level < 5 && info_of(a); level++,
		    a = a->parent) {
			struct info *up = info_of(a);

			start_score(up);
			up->score += level == 0 ? s : level == 1 ? s / 2 :
			    s / (float)(level * 3);
		}
	}
}

static struct info *
best_candidate(struct walk *w)
{
	struct info *best = NULL;
	size_t i;

	for (i = 0; i < w->n; i++) {
		struct info *in = &w->v[i];

		if (!in->scored)
			continue;
		in->score *= 1.0f - link_density(in);
		if (!best || in->score > best->score)
			best = in;
	}
	/* a lone child says nothing its parent does not */
	while (best && info_of(best->node->parent) &&
	    xmlChildElementCount(best->node->parent) == 1 &&
	    strcmp(info_of(best->node->parent)->tag, "body") != 0)
		best = info_of(best->node->parent);
	return best;
}

/* Does the text of a paragraph end a sentence somewhere ('.' + space)? */
static int
reads_as_sentence(const xmlNode *n)
{
	struct glean_buf b = { 0 };
	int yes;

	node_text(n, &b);
	yes = b.len && (b.s[b.len - 1] == '.' || strstr(b.s, ". "));
	glean_buf_free(&b);
	return yes;
}

/* Keep the best container and the siblings that belong with it. */
static void
choose(struct info *best)
{
	float threshold = best->score * 0.2f > 10 ? best->score * 0.2f : 10;
	const char *cls = node_attr(best->node, "class");
	xmlNode *s;

	best->keep = 1;
	if (!info_of(best->node->parent))
		return;
	for (s = best->node->parent->children; s; s = s->next) {
		struct info *in = info_of(s);
		float bonus = 0;
		const char *c2;

		if (!in || in == best)
			continue;
		if (cls && *cls && (c2 = node_attr(s, "class")) &&
		    strcmp(cls, c2) == 0)
			bonus = best->score * 0.2f;
		if (in->scored && in->score + bonus >= threshold)
			in->keep = 1;
		else if (in->role == R_PARA || is_paragraph(in)) {
			float ld = link_density(in);

			if (in->text > 80 && ld < 0.25f)
				in->keep = 1;
			else if (in->text > 0 && ld == 0 &&
			    reads_as_sentence(s))
				in->keep = 1;
		}
	}
}

/* ---- pass 3: the text ---------------------------------------------------- */

enum { SEP_NONE, SEP_SPACE, SEP_LINE, SEP_PARA };

static void
owe(struct walk *w, int sep)
{
	if (sep > w->pending)
		w->pending = sep;
}

static void
put_text(struct walk *w, const unsigned char *s)
{
	struct glean_buf *b = w->out;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		    *s == '\f') {
			owe(w, SEP_SPACE);
			continue;
		}
		if (w->pending && b->len) {
			if (w->pending == SEP_SPACE)
				glean_buf_addc(b, ' ');
			else
				glean_buf_add(b, "\n\n",
				    w->pending == SEP_PARA ? 2 : 1);
		}
		w->pending = SEP_NONE;
		glean_buf_addc(b, (char)*s);
	}
}

/*
 * Readability's conditional cleaning, in short: a box inside the article
 * that is mostly links, or scored below nothing, is not article text.
 */
static const char *
clean_out(const struct walk *w, const struct info *in)
{
	float ld = link_density(in);
	int list = in->role == R_LIST;

	/* a search or sign-up form; a form around the page stays */
	if (in->role == R_FORM && (in->paras < 2 || in->text < 250))
		return "form";
	if (!(w->flags & CLEAN_BOXES))
		return NULL;

	if (in->role == R_INLINE || in->role == R_PARA ||
	    in->role == R_HEADING || in->role == R_ITEM || in->role == R_BR)
		return in->role == R_PARA && in->text < 200 && ld > 0.6f ?
		    "link-box" : NULL;
	if (in->scored && in->weight + in->score < 0)
		return "low-score";
	if (in->commas >= 10)
		return NULL;
	if (list ? ld > 0.5f : (in->weight < 25 && ld > 0.3f) ||
	    (in->weight >= 25 && ld > 0.5f))
		return "link-box";
	return NULL;
}

static int
text_enter(xmlNode *n, struct walk *w)
{
	struct info *in;
	const char *why;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			put_text(w, n->content);
		return 0;
	}
	if (!(in = info_of(n)))
		return 0;
	/* the page's title is a field of its own, not body text */
	if (in->role == R_HEADING && in->tag[1] == '1') {
		dropped_add(w->d, "title", 1);
		return 0;
	}
	if ((why = clean_out(w, in))) {
		dropped_add(w->d, why, 1);
		return 0;
	}
	switch (in->role) {
	case R_BR:
		owe(w, SEP_LINE);
		break;
	case R_ITEM:
	case R_ROW:
		owe(w, SEP_LINE);
		break;
	case R_CELL:
		owe(w, SEP_SPACE);
		break;
	case R_INLINE:
		break;
	default:
		owe(w, SEP_PARA);
	}
	return 1;
}

static void
text_leave(xmlNode *n, struct walk *w)
{
	const struct info *in = info_of(n);

	if (!in)
		return;
	if (in->role == R_ITEM || in->role == R_ROW)
		owe(w, SEP_LINE);
	else if (in->role != R_INLINE && in->role != R_BR &&
	    in->role != R_CELL)
		owe(w, SEP_PARA);
}

/* Write the kept elements, in document order. */
static void
write_kept(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->v[i].keep) {
			owe(w, SEP_PARA);
			walk(w->v[i].node, text_enter, text_leave, w);
		}
}

/*
 * The fallback: every paragraph-like block of the page with little link
 * text, in order (what jusText keeps as "good" blocks).
 */
static void
write_prose_blocks(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		struct info *in = &w->v[i];

		if ((is_paragraph(in) || in->role == R_HEADING ||
		    in->role == R_ITEM) && in->text >= 40 &&
		    link_density(in) < 0.3f) {
			/* not inside a block already written */
			xmlNode *a;

			for (a = in->node->parent; info_of(a); a = a->parent)
				if (info_of(a)->keep)
					break;
			if (info_of(a))
				continue;
			in->keep = 1;
		}
	}
	write_kept(w);
}

/* node_text's walk: all text but that of scripts and styles. */
static int
plain_enter(xmlNode *n, struct walk *w)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			put_text(w, n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (strcmp((const char *)n->name, "br") == 0)
		owe(w, SEP_SPACE);
	return strcmp((const char *)n->name, "script") != 0 &&
	    strcmp((const char *)n->name, "style") != 0;
}

static int
each_enter(xmlNode *n, struct walk *w)
{
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	w->each(n, w->each_ctx);
	return 1;
}

void
each_element(xmlNode *root, void (*fn)(const xmlNode *, void *), void *ctx)
{
	struct walk w = { 0 };

	w.each = fn;
	w.each_ctx = ctx;
	walk(root, each_enter, NULL, &w);
}

void
node_text(const xmlNode *node, struct glean_buf *out)
{
	struct walk w = { 0 };

	w.out = out;
	w.pending = SEP_NONE;
	walk((xmlNode *)node, plain_enter, NULL, &w);
	glean_buf_addc(out, '\0');
	out->len--;
}

/*
 * One attempt with w->flags: mark, score, write the kept elements to
 * w->out from its current end.  The marks are cleared after.
 */
static void
attempt(struct walk *w, xmlNode *root, int prose)
{
	struct info *best;
	size_t i;

	w->n = 0;
	w->pending = SEP_NONE;
	walk(root, mark_enter, mark_leave, w);
	for (i = 0; i < w->n; i++)
		w->v[i].node->_private = &w->v[i];
	score_paragraphs(w);
	if (prose)
		write_prose_blocks(w);
	else if ((best = best_candidate(w))) {
		choose(best);
		write_kept(w);
	}
	for (i = 0; i < w->n; i++)
		w->v[i].node->_private = NULL;
}

void
extract_body(const struct boilerplate *bp, xmlDoc *doc, struct glean_buf *out,
    struct dropped *d)
{
	/* Readability's order: all cues, then without class words, without
	 * their weights, without cleaning; then every prose block */
	static const int tries[] = { STRIP_UNLIKELY | WEIGHT_CLASSES |
	    CLEAN_BOXES, WEIGHT_CLASSES | CLEAN_BOXES, CLEAN_BOXES, 0, -1 };
	struct walk w = { 0 };
	struct dropped seen = *d, best_d = *d;
	struct glean_buf best = { 0 };
	xmlNode *root = xmlDocGetRootElement(doc);
	size_t start = out->len, k;

	if (!root)
		return;
	w.bp = bp;
	w.out = out;
	for (k = 0; k < sizeof tries / sizeof tries[0]; k++) {
		struct dropped mine = seen;

		out->len = start;
		w.d = &mine;
		w.flags = tries[k] < 0 ? STRIP_UNLIKELY | WEIGHT_CLASSES |
		    CLEAN_BOXES : tries[k];
		attempt(&w, root, tries[k] < 0);
		/* a later try must find much more to show it found the
		 * article, not the boilerplate the earlier one left out */
		if (k == 0 || out->len - start > 2 * best.len) {
			glean_buf_reset(&best);
			glean_buf_add(&best, out->s ? out->s + start : "",
			    out->len - start);
			best_d = mine;
		}
		if (best.len >= ENOUGH_BODY)
			break;
	}
	out->len = start;
	glean_buf_add(out, best.s ? best.s : "", best.len);
	*d = best_d;
	glean_buf_free(&best);
	free(w.v);
}
