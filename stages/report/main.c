/* See LICENSE file for copyright and license details. */
/*
 * glean-report - one self-contained HTML page from a knowledge record: an
 * index of councils, then per council a timeline of its judgements, the
 * money, people and quotations, each fact linked to its evidence, and the
 * documents.  No network reference at all: the style and the search
 * script are inline, the timeline is inline SVG, and a Content Security
 * Policy forbids the page to load anything.  See glean-report(1).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char style[] =
":root{--ink:#1d2330;--mute:#5b6474;--line:#d9dde5;--bg:#f6f7f9;"
"--card:#fff;--accent:#1f4e79;--warn:#b2182b}"
"*{box-sizing:border-box}"
"body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,"
"'Helvetica Neue',Arial,sans-serif;color:var(--ink);background:var(--bg)}"
"header{background:var(--accent);color:#fff;padding:14px 28px;display:flex;"
"flex-wrap:wrap;align-items:center;gap:10px 24px;position:sticky;top:0;"
"z-index:2;box-shadow:0 1px 4px rgba(0,0,0,.25)}"
"header h1{margin:0;font-size:22px;letter-spacing:.5px}"
"header .sum{margin:0;opacity:.9}"
"header input{margin-left:auto;min-width:280px;padding:7px 10px;border:0;"
"border-radius:6px;font:inherit}"
"#hits{font-size:12px;opacity:.9;min-width:70px}"
"main{max-width:1360px;margin:0 auto;padding:18px 28px 40px}"
"nav.index,section{background:var(--card);border:1px solid var(--line);"
"border-radius:10px;padding:14px 20px;margin:0 0 18px}"
"nav.index ul{list-style:none;margin:0;padding:0;display:grid;"
"grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:6px 18px}"
"nav.index li{padding:4px 0;border-bottom:1px dotted var(--line)}"
"nav.index a{font-weight:600;color:var(--accent);text-decoration:none;"
"white-space:nowrap}"
".legend{margin:10px 0 0;color:var(--mute);font-size:12px}"
".legend .grade{margin-right:6px}"
"h2{margin:0 0 10px;font-size:19px}h3{margin:16px 0 6px;font-size:15px}"
".code,.kind{font-size:12px;font-weight:500;padding:1px 7px;"
"border-radius:9px;background:#e8edf5;color:var(--accent);"
"vertical-align:middle;margin-left:6px}"
".kind{background:#eef0f3;color:var(--mute)}"
".n{color:var(--mute);font-size:12px;margin-left:6px;white-space:nowrap}"
".tl{display:flex;flex-wrap:wrap;gap:14px 24px;align-items:flex-start}"
".tl .plot{flex:0 1 auto;overflow-x:auto;max-width:100%}"
".tl .side{flex:1 1 380px;min-width:0;font-size:13px}"
".tl .side td:first-child{white-space:nowrap}"
".insp{display:block;font-size:12px;color:var(--mute)}"
"svg.timeline{display:block;font-size:11px}"
"svg .lane{fill:#fafbfc}svg .lane.odd{fill:#f0f2f5}"
"svg .area{text-anchor:end;fill:var(--ink)}"
"svg .axis{stroke:#8a93a3}svg .tick{stroke:#e1e4ea}"
"svg .year{text-anchor:middle;fill:var(--mute)}"
"svg .gl{text-anchor:middle;font-size:10px;fill:var(--ink)}"
"svg .mark circle{stroke:#fff;stroke-width:1.5}"
"svg .mark:hover circle{stroke:var(--ink)}"
"svg .ring{fill:none;stroke:var(--warn)!important;stroke-dasharray:3 2;"
"stroke-width:2!important}"
"table{border-collapse:collapse;width:100%;margin:6px 0 12px}"
"caption{text-align:left;font-weight:700;font-size:15px;padding:0 0 4px}"
"th,td{text-align:left;vertical-align:top;padding:4px 8px;"
"border-bottom:1px solid var(--line)}"
"th{font-size:12px;color:var(--mute);font-weight:600}"
"tbody tr:hover{background:#f3f6fb}"
"tr:target{background:#fff4c2}"
".grade{display:inline-block;padding:1px 8px;border-radius:9px;"
"font-weight:600;font-size:12px;white-space:nowrap}"
".badge{font-size:11px;padding:0 6px;border-radius:8px;background:#eef0f3;"
"color:var(--mute)}.badge.warn{background:var(--warn);color:#fff}"
".written{font-size:12px;color:var(--mute)}"
".amount{font-weight:700;white-space:nowrap}"
".facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));"
"gap:0 28px}"
".conflicts{border-left:4px solid var(--warn);padding:2px 12px;"
"background:#fdf1f2;margin:8px 0}"
".quotes figure{margin:0 0 10px;break-inside:avoid;padding:6px 12px;"
"border-left:3px solid "
"#c7d3e3;background:#fafbfd}"
".quotes .list{columns:2 460px;column-gap:24px}"
".quotes.findings figure{border-left-color:#e0c27a}"
"blockquote{margin:0;font-style:italic}"
"blockquote::before{content:'\\201C'}blockquote::after{content:'\\201D'}"
"figcaption{font-size:12px;color:var(--mute);margin-top:2px}"
".speaker{font-weight:600;color:var(--ink)}"
".evs a.ev{display:inline-block;min-width:18px;margin:0 2px 2px 0;"
"padding:0 4px;border-radius:4px;background:#e8edf5;color:var(--accent);"
"font-size:11px;text-align:center;text-decoration:none}"
".evidence ol{font-size:12px;color:var(--mute);columns:2 420px;"
"column-gap:28px;margin:4px 0 0;padding-left:34px}"
".evidence li{break-inside:avoid;margin:0 0 5px}"
".evidence li:target{background:#fff4c2}"
".evidence q{display:block;color:var(--ink)}"
".evidence q.near{font-style:italic}"
".docid{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px}"
".hide{display:none!important}"
"footer{color:var(--mute);font-size:12px;text-align:center;padding:0 0 30px}"
"@media print{"
"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
"body{background:#fff;font-size:10pt}"
"header{position:static;box-shadow:none;background:#fff;color:#000;"
"border-bottom:2px solid #000;padding:0 0 6px}"
"header input,#hits{display:none}"
"main{max-width:none;padding:0}"
"nav.index,section{border:0;padding:0;margin:0 0 12pt}"
"section.subject{break-before:page}"
"a{color:inherit;text-decoration:none}"
"tr,figure,li{break-inside:avoid}"
".tl .plot{overflow:visible}"
".hide{display:revert!important}}";

/* The search box: filters councils and their facts as you type; a link
 * to page.html#q=WORDS opens the page with WORDS searched. */
static const char script[] =
"(function(){"
"var q=document.getElementById('q'),hits=document.getElementById('hits');"
"var secs=[].slice.call(document.querySelectorAll('section.subject'));"
"function has(el,t){return el.textContent.toLowerCase().indexOf(t)>=0;}"
"function run(){var t=q.value.trim().toLowerCase(),n=0;"
"secs.forEach(function(sec){"
"var all=!t||has(sec.querySelector('h2'),t),any=all;"
"[].forEach.call(sec.querySelectorAll('.f'),function(f){"
"var m=all||has(f,t);f.classList.toggle('hide',!m);if(m)any=true;});"
"sec.classList.toggle('hide',!any);if(any)n++;"
"var li=document.querySelector('nav.index li[data-s=\"'+sec.id+'\"]');"
"if(li)li.classList.toggle('hide',!any);});"
"hits.textContent=t?n+(n==1?' council':' councils'):'';}"
"var h=location.hash;if(h.indexOf('#q=')==0)"
"q.value=decodeURIComponent(h.slice(3));"
"q.addEventListener('input',run);run();})();";

static void
usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp, "usage: %s [-o FILE] [-L DIR] [RECORD]\n", glean_prog);
	if (status)
		exit(status);
	fputs("Write a knowledge record (glean-merge's output; standard input\n"
	    "when none or -) as one self-contained HTML page.\n"
	    "  -o, --output FILE   write the page to FILE, not standard "
	    "output\n"
	    GLEAN_COMMON_HELP, fp);
	exit(0);
}

/* Counts for the header: judgements of a subject, councils. */
static size_t
count_judgements(const json_t *s)
{
	const json_t *insp;
	size_t i, n = 0;

	json_array_foreach(json_object_get(s, "inspections"), i, insp)
		n += json_array_size(json_object_get(insp, "judgements"));
	return n;
}

static void
plural(struct glean_buf *b, size_t n, const char *one, const char *many)
{
	putf(b, "%zu %s", n, n == 1 ? one : many);
}

static void
page_head(struct report *r)
{
	struct glean_buf *b = &r->page;
	const json_t *s;
	size_t i, nj = 0, ncouncils = 0;

	json_array_foreach(r->rec->subjects, i, s) {
		nj += count_judgements(s);
		ncouncils += strcmp(glean_rec_str(s, "kind"), "authority") == 0;
	}
	put(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width,"
	    "initial-scale=1\"><meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"default-src 'none'; style-src 'unsafe-inline'; "
	    "script-src 'unsafe-inline'\"><meta name=\"generator\" "
	    "content=\"glean-report " VERSION "\"><title>glean: ");
	plural(b, ncouncils, "council", "councils");
	put(b, " in the news</title><style>");
	put(b, style);
	put(b, "</style></head><body><header><h1>glean</h1><p class=\"sum\">");
	plural(b, json_array_size(r->rec->documents), "article", "articles");
	put(b, " \xC2\xB7 ");
	plural(b, ncouncils, "council", "councils");
	put(b, " \xC2\xB7 ");
	plural(b, nj, "judgement", "judgements");
	put(b, " \xC2\xB7 ");
	plural(b, json_array_size(r->rec->conflicts), "conflict", "conflicts");
	put(b, "</p><input id=\"q\" type=\"search\" placeholder=\"Search "
	    "councils, people, quotations\xE2\x80\xA6\" aria-label=\"Search\">"
	    "<span id=\"hits\"></span></header><main>");
}

/* A subject's name, then after (closing its link) its code and kind as
 * badges. */
static void
subject_title(struct glean_buf *b, const json_t *s, const char *after)
{
	const char *name = glean_rec_str(s, "name"), *code =
	    glean_rec_str(s, "code");

	esc(b, name ? name : "(no name)");
	put(b, after);
	if (code) {
		put(b, "<span class=\"code\">");
		esc(b, code);
		put(b, "</span>");
	}
	put(b, "<span class=\"kind\">");
	esc(b, glean_rec_str(s, "kind"));
	put(b, "</span>");
}

/* One subject in the index: its name, code, kind and judgements. */
static void
index_entry(struct report *r, const json_t *s, size_t i)
{
	struct glean_buf *b = &r->page;

	putf(b, "<li data-s=\"s%zu\"><a href=\"#s%zu\">", i, i);
	subject_title(b, s, "</a>");
	put(b, "<span class=\"n\">");
	plural(b, count_judgements(s), "judgement", "judgements");
	put(b, "</span></li>");
}

static void
index_and_legend(struct report *r)
{
	struct glean_buf *b = &r->page;
	const json_t *s;
	size_t i;

	put(b, "<nav class=\"index\"><h2>Councils</h2><ul>");
	json_array_foreach(r->rec->subjects, i, s)
		index_entry(r, s, i);
	put(b, "</ul><p class=\"legend\">Grades: ");
	for (i = 0; i < r->look->ngrades; i++) {
		const struct grade_look *g = &r->look->grades[i];

		putf(b, "<span class=\"grade\" style=\"background:%s;color:%s\">",
		    g->fill, g->ink);
		esc(b, g->grade);
		put(b, "</span>");
	}
	put(b, " A dashed red ring: articles disagree.  Numbers link to the "
	    "evidence.</p></nav>");
}

static void
subject_section(struct report *r, const json_t *s, size_t i)
{
	struct glean_buf *b = &r->page;
	const char *code = glean_rec_str(s, "code");

	r->subject = i;
	putf(b, "<section class=\"subject\" id=\"s%zu\"", i);
	if (code) {
		put(b, " data-code=\"");
		esc(b, code);
		put(b, "\"");
	}
	put(b, "><h2>");
	subject_title(b, s, "");
	put(b, "</h2>");
	subject_facts(r, s);
	put(b, "</section>");
}

static void
documents(struct report *r)
{
	struct glean_buf *b = &r->page;
	const json_t *d, *e;
	size_t i, k;

	put(b, "<section class=\"documents\"><h2>Documents</h2><table><thead>"
	    "<tr><th>Document</th><th>Outlet</th><th>Published</th>"
	    "<th>Errors</th></tr></thead><tbody>");
	json_array_foreach(r->rec->documents, i, d) {
		putf(b, "<tr id=\"d%zu\"><td class=\"docid\">", i);
		esc(b, glean_rec_str(d, "id"));
		put(b, "</td><td>");
		esc(b, glean_rec_str(d, "outlet") ? glean_rec_str(d, "outlet") :
		    glean_rec_str(d, "source"));
		put(b, "</td><td>");
		esc(b, glean_rec_str(d, "published"));
		if (glean_rec_bool(d, "published_inferred") == 1)
			put(b, " (inferred)");
		put(b, "</td><td>");
		json_array_foreach(json_object_get(d, "errors"), k, e) {
			if (k)
				put(b, "; ");
			esc(b, glean_rec_str(e, "stage"));
			put(b, ": ");
			esc(b, glean_rec_str(e, "message"));
		}
		put(b, "</td></tr>");
	}
	put(b, "</tbody></table></section>");
}

/* The whole page into r->page. */
static void
page(struct report *r)
{
	const json_t *s;
	size_t i;

	page_head(r);
	index_and_legend(r);
	json_array_foreach(r->rec->subjects, i, s)
		subject_section(r, s, i);
	documents(r);
	put(&r->page, "</main><footer>Written by glean-report " VERSION
	    " from a knowledge record of ");
	plural(&r->page, json_array_size(r->rec->documents), "document",
	    "documents");
	put(&r->page, ".</footer><script>");
	put(&r->page, script);
	put(&r->page, "</script></body></html>\n");
}

/* Document id -> its row in the documents list (the first, when an id
 * is used twice), so evidence links in one step. */
static json_t *
document_positions(const struct glean_record *rec)
{
	json_t *pos = json_object();
	const json_t *d;
	size_t i;

	json_array_foreach(rec->documents, i, d) {
		const char *id = glean_rec_str(d, "id");

		if (!json_object_get(pos, id))
			json_object_set_new(pos, id, json_integer((json_int_t)i));
	}
	return pos;
}

/* Write the page to path (NULL: standard output); exit 2 on failure. */
static void
write_page(const struct glean_buf *b, const char *path)
{
	FILE *fp = path ? fopen(path, "w") : stdout;

	if (!fp)
		glean_die(GLEAN_EXIT_FATAL, "%s:", path);
	if (fwrite(b->s, 1, b->len, fp) != b->len || fflush(fp) != 0 ||
	    ferror(fp))
		glean_die(GLEAN_EXIT_FATAL, "%s:", path ? path :
		    "standard output");
	if (path && fclose(fp) != 0)
		glean_die(GLEAN_EXIT_FATAL, "%s:", path);
}

/* report's own option, for glean_options: -o FILE into *(ctx). */
static int
option(void *ctx, int ch, const char *arg)
{
	if (ch != 'o')
		return 0;
	*(const char **)ctx = arg;
	return 1;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct glean_opts o = GLEAN_OPTS_INIT;
	struct glean_record rec;
	struct look look;
	struct report r = { 0 };
	const char *out = NULL, *in;
	const struct glean_program p = {
		.stage = { .name = "report", .ctx = &out }, .shortopts = "o:",
		.longopts = longopts, .option = option, .usage = usage
	};
	int first;

	first = glean_options(&p, &o, argc, argv);
	if (argc - first > 1) {
		glean_warn("one record at a time (merge several with "
		    "glean-merge first)");
		usage(GLEAN_EXIT_FATAL);
	}
	in = first < argc ? argv[first] : "-";
	look_load(&look, glean_lexdir(&o));
	if (glean_record_load(in, &rec) != 0) {
		look_free(&look);
		return GLEAN_EXIT_REJECT;
	}
	r.rec = &rec;
	r.look = &look;
	r.doc_pos = document_positions(&rec);
	page(&r);
	write_page(&r.page, out);
	json_decref(r.doc_pos);
	glean_buf_free(&r.page);
	glean_buf_free(&r.ev);
	glean_record_free(&rec);
	look_free(&look);
	/* standard output, when the page went there, closed and checked */
	return out ? GLEAN_EXIT_OK : glean_finish(GLEAN_EXIT_OK);
}
