<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FindServer</name>
    <message numerus="yes">
        <source>%n times</source>
        <extracomment>a URL tried again and again (a redirect loop)</extracomment>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailMerge</name>
    <message numerus="yes">
        <source>&amp;Preview (the first %n message(s)):</source>
        <extracomment>counted words (see _count)</extracomment>
        <translation>
            <numerusform>&amp;Preview (the first message):</numerusform>
            <numerusform>&amp;Preview (the first %n messages):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s)</source>
        <translation>
            <numerusform>%Ln column</numerusform>
            <numerusform>%Ln columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preparing %Ln message(s)…</source>
        <translation>
            <numerusform>Preparing %Ln message…</numerusform>
            <numerusform>Preparing %Ln messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln sent</numerusform>
            <numerusform>%Ln sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to fix</source>
        <translation>
            <numerusform>%Ln to fix</numerusform>
            <numerusform>%Ln to fix</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ready</source>
        <translation>
            <numerusform>%Ln ready</numerusform>
            <numerusform>%Ln ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln under way</source>
        <translation>
            <numerusform>%Ln under way</numerusform>
            <numerusform>%Ln under way</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{state} {counts} — of %Ln row(s).</source>
        <translation>
            <numerusform>{state} {counts} — of %Ln row.</numerusform>
            <numerusform>{state} {counts} — of %Ln rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln message(s)</source>
        <extracomment>counted words: pyside6-lupdate makes an entry plural only when its count is a literal, so they are marked once with 0 here and counted where shown</extracomment>
        <translation>
            <numerusform>&amp;Send %Ln message</numerusform>
            <numerusform>&amp;Send %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
</context>
</TS>
