<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Compose</name>
    <message numerus="yes">
        <source>{entry}, {row} of %n suggestion(s)</source>
        <extracomment>the words said of a highlighted suggestion, counted (pyside6-lupdate makes an entry plural only when its count is a literal: marked with 0 here, counted in :func:`suggestion_words`)</extracomment>
        <translation>
            <numerusform>{entry}, {row} of %n suggestion</numerusform>
            <numerusform>{entry}, {row} of %n suggestions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendTiming</name>
    <message numerus="yes">
        <source>Sending “{subject}” in {seconds} s (and %n more) — Ctrl+Z or Undo takes it back</source>
        <extracomment>the undo bar's words while more sends are held behind the newest (pyside6-lupdate makes an entry plural only when its count is a literal: marked with 0 here, counted in :func:`countdown_words`)</extracomment>
        <translation>
            <numerusform>Sending “{subject}” in {seconds} s (and %n more) — Ctrl+Z or Undo takes it back</numerusform>
            <numerusform>Sending “{subject}” in {seconds} s (and %n more) — Ctrl+Z or Undo takes it back</numerusform>
        </translation>
    </message>
</context>
</TS>
