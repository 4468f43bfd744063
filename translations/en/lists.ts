<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BatchUndo</name>
    <message numerus="yes">
        <source>Not sent: %n stay(s) in {kept}</source>
        <extracomment>part of a batch taken back: "Not sent: 2 stay in Drafts" (English: "1 stays", "2 stay")</extracomment>
        <translation>
            <numerusform>Not sent: %n stays in {kept}</numerusform>
            <numerusform>Not sent: %n stay in {kept}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsFlows</name>
    <message numerus="yes">
        <source>Sending %n draft(s)…</source>
        <translation>
            <numerusform>Sending %n draft…</numerusform>
            <numerusform>Sending %n drafts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) could not be deleted: {why}</source>
        <translation>
            <numerusform>%n draft could not be deleted: {why}</numerusform>
            <numerusform>%n drafts could not be deleted: {why}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n draft(s)</source>
        <translation>
            <numerusform>Deleted %n draft</numerusform>
            <numerusform>Deleted %n drafts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message numerus="yes">
        <source>Deleted %n draft(s) — Ctrl+Z to undo</source>
        <translation>
            <numerusform>Deleted %n draft — Ctrl+Z to undo</numerusform>
            <numerusform>Deleted %n drafts — Ctrl+Z to undo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) · loading…</source>
        <translation>
            <numerusform>%n draft · loading…</numerusform>
            <numerusform>%n drafts · loading…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n draft</numerusform>
            <numerusform>%n drafts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalBridge</name>
    <message numerus="yes">
        <source>%n other unsaved message(s) were restored to Drafts</source>
        <translation>
            <numerusform>%n other unsaved message was restored to Drafts</numerusform>
            <numerusform>%n other unsaved messages were restored to Drafts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n not sent</numerusform>
            <numerusform>%n not sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendSelected</name>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <extracomment>what a batch is, in its countdown ("Sending 3 drafts in 10 s")</extracomment>
        <translation>
            <numerusform>%n draft</numerusform>
            <numerusform>%n drafts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentView</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
</TS>
