"""Message bodies the benches and tests open (a helper, not a bench): HTML as Outlook writes it (not Qt's:
the helper process makes it Qt's, app/ui/compose/body/html_helper.py).
"""

from __future__ import annotations


def outlook_html(size: int) -> str:
    """HTML as Outlook writes a long reply thread, repeated to ``size`` characters: a style sheet, a
    WordSection div, and per message a reply header in a bordered div, paragraphs in Outlook's spans, a
    short list and a signature in a table (~2,600 characters a message, one table each)."""
    head = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type '
            'content="text/html; charset=utf-8"><style><!-- p.MsoNormal, li.MsoNormal {margin:0cm; '
            'font-size:11.0pt; font-family:"Calibri",sans-serif;} a:link {color:#0563C1;} --></style></head>'
            '<body lang=EN-US link="#0563C1"><div class=WordSection1>')
    words = ("the quarterly numbers are in and the team would like your view on the forecast before Friday; "
             "see the attached report and the notes from Tuesday's call &amp; reply with any changes ")
    para = f'<p class=MsoNormal><span style="color:#1F497D">{words}</span><b>today</b>.<o:p></o:p></p>\n'
    unit = ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
            '<p class=MsoNormal><b>From:</b> Bob &lt;bob@example.com&gt;<br><b>Sent:</b> Monday<br>'
            '<b>Subject:</b> RE: numbers<o:p></o:p></p></div>\n'
            + para * 5
            + '<ul><li class=MsoNormal>point a</li><li class=MsoNormal>point b \u00e9 \U0001F600</li></ul>\n'
            '<table class=MsoNormalTable border=0><tr><td><p class=MsoNormal><b>Bob Builder</b></p></td><td>'
            '<p class=MsoNormal><a href="https://example.com/">example.com</a> | +1 555 0100</p></td></tr>'
            '</table>\n')
    return head + unit * (size // len(unit) + 1) + "</div></body></html>"
