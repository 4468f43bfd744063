"""Message bodies the benches and tests open: HTML as Outlook writes it (not Qt's: the helper process makes
it Qt's, app/ui/html_helper.py)."""

from __future__ import annotations


def outlook_html(size: int) -> str:
    """HTML as Outlook writes it: a style sheet, a WordSection div, classes, spans, a reply header in a
    bordered div, a table and a list, repeated to ``size`` characters."""
    head = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type '
            'content="text/html; charset=utf-8"><style><!-- p.MsoNormal, li.MsoNormal {margin:0cm; '
            'font-size:11.0pt; font-family:"Calibri",sans-serif;} a:link {color:#0563C1;} --></style></head>'
            '<body lang=EN-US link="#0563C1"><div class=WordSection1>')
    unit = ('<p class=MsoNormal>Hello <b>team</b>, the <span style="color:#1F497D">numbers</span> are in; see '
            '<a href="https://example.com/report">the report</a> &amp; reply.<o:p></o:p></p>\n'
            '<div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class=MsoNormal><b>From:</b> Bob '
            '&lt;bob@example.com&gt;<br><b>Sent:</b> Monday<o:p></o:p></p></div>\n'
            '<table class=MsoNormalTable border=0><tr><td><p class=MsoNormal>cell one</p></td><td>'
            '<p class=MsoNormal>cell two</p></td></tr></table>\n'
            '<ul><li class=MsoNormal>point a</li><li class=MsoNormal>point b \u00e9 \U0001F600</li></ul>\n')
    return head + unit * (size // len(unit) + 1) + "</div></body></html>"
