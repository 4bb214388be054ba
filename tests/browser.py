#!/usr/bin/env python3
"""tests/browser.py - read what headless Chromium gives back for a
glean-report page, for tests/report.test (standard library only).

  browser.py facts DOM.html   the page's facts as tab-separated lines:
      section  NAME  CODE  hidden|shown
      mark     SECTION  YEAR  GRADE  AREA  conflict|-
      row      SECTION  TABLE  CELL|CELL|...      (tables: judgements, money, people)
      quote    SECTION  SPEAKER  ROLE  TEXT
      sentence SECTION  TEXT                      (an evidence sentence)
      element  TAG  COUNT                         (script, img, iframe, link, object, embed)
  browser.py png FILE.png     "WIDTH HEIGHT COLOURS TOP_SHARE": the number
      of distinct colours and the share of the commonest, from the pixels
"""
import html.parser
import struct
import sys
import zlib
from collections import Counter


class Facts(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.elements = Counter()
        self.stack = []          # open tags with their classes
        self.section = None      # name of the current subject section
        self.section_attrs = None
        self.text = None         # text being collected, or None
        self.collect = None      # what the text is for
        self.table = None
        self.cells = None
        self.quote = None

    def classes(self, attrs):
        return (dict(attrs).get('class') or '').split()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = self.classes(attrs)
        self.elements[tag] += 1
        if tag in ('br', 'img', 'input', 'meta', 'link', 'circle', 'rect', 'line'):
            return
        self.stack.append((tag, cls))
        if tag == 'section' and 'subject' in cls:
            self.section_attrs = (a.get('data-code', '-'),
                                  'hidden' if 'hide' in cls else 'shown')
            self.section = None
        elif tag == 'h2' and self.section_attrs and self.section is None:
            self.start('h2')
        elif tag == 'g' and 'mark' in cls and self.section:
            self.out.append(['mark', self.section, a.get('data-year', ''),
                             a.get('data-grade', ''), a.get('data-area', ''),
                             'conflict' if 'conflict' in cls else '-'])
        elif tag == 'table' and self.section:
            self.table = (cls or ['-'])[0]
        elif tag == 'tr' and self.table:
            self.cells = []
        elif tag in ('td',) and self.cells is not None:
            self.start('td')
        elif tag == 'figure' and self.section:
            self.quote = {'text': '', 'speaker': '', 'role': ''}
        elif tag == 'blockquote' and self.quote is not None:
            self.start('text')
        elif tag == 'span' and self.quote is not None and \
                ('speaker' in cls or 'role' in cls):
            self.start('speaker' if 'speaker' in cls else 'role')
        elif tag == 'q' and 'sentence' in cls and self.section:
            self.start('sentence')

    def start(self, what):
        self.collect = (what, len(self.stack))
        self.text = ''
        self.h2name = ''

    def handle_endtag(self, tag):
        if self.collect and len(self.stack) == self.collect[1]:
            self.finish(self.collect[0], ' '.join(self.text.split()))
            self.collect = None
            self.text = None
        if tag == 'tr' and self.cells is not None:
            if self.cells:
                self.out.append(['row', self.section, self.table,
                                 '|'.join(self.cells)])
            self.cells = None
        elif tag == 'table':
            self.table = None
        elif tag == 'figure' and self.quote is not None:
            q = self.quote
            self.out.append(['quote', self.section, q['speaker'], q['role'],
                             q['text']])
            self.quote = None
        elif tag == 'section':
            self.section = None
            self.section_attrs = None
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def finish(self, what, text):
        if what == 'h2':
            # the name is the heading without its code and kind badges
            self.section = ' '.join(self.h2name.split())
            self.out.append(['section', self.section] +
                            list(self.section_attrs))
        elif what == 'td':
            self.cells.append(text)
        elif what in ('text', 'speaker', 'role'):
            self.quote[what] = text
        elif what == 'sentence':
            self.out.append(['sentence', self.section, text])

    def handle_data(self, data):
        if self.text is None:
            return
        if self.collect[0] == 'h2' and len(self.stack) == self.collect[1]:
            self.h2name += data     # not the code and kind badges
        self.text += data


def facts(path):
    p = Facts()
    with open(path, encoding='utf-8') as f:
        p.feed(f.read())
    for row in p.out:
        print('\t'.join(str(x) for x in row))
    for tag in ('script', 'img', 'iframe', 'link', 'object', 'embed'):
        print('element\t%s\t%d' % (tag, p.elements[tag]))


def png(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        sys.exit('not a PNG')
    pos, idat, hdr = 8, b'', None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            hdr = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    w, h, depth, ctype = hdr[:4]
    if depth != 8 or ctype not in (2, 6):
        sys.exit('unexpected PNG format (depth %d, colour type %d)' % (depth, ctype))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours = Counter()
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        if y % 4 == 0:      # every fourth line is plenty
            for x in range(0, stride, bpp * 2):
                colours[bytes(line[x:x + 3])] += 1
        prev = line
    top = colours.most_common(1)[0][1] / sum(colours.values())
    print('%d %d %d %.3f' % (w, h, len(colours), top))


if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in ('facts', 'png'):
        sys.exit(__doc__)
    (facts if sys.argv[1] == 'facts' else png)(sys.argv[2])
