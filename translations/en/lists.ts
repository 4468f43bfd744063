<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BatchUndo</name>
    <message numerus="yes">
        <source>Not sent: %Ln stay(s) in {kept}</source>
        <extracomment>part of a batch taken back: "Not sent: 2 stay in Drafts" (English: "1 stays", "2 stay")</extracomment>
        <translation>
            <numerusform>Not sent: %Ln stays in {kept}</numerusform>
            <numerusform>Not sent: %Ln stay in {kept}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message numerus="yes">
        <source>“{subject}” could not be delivered to %Ln recipient(s): {who}.</source>
        <translation>
            <numerusform>“{subject}” could not be delivered to %Ln recipient: {who}.</numerusform>
            <numerusform>“{subject}” could not be delivered to %Ln recipients: {who}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent message(s) could not be delivered to everyone: “{subject}” and the others are marked in Sent.</source>
        <translation>
            <numerusform>%Ln sent message could not be delivered to everyone: “{subject}” and the others are marked in Sent.</numerusform>
            <numerusform>%Ln sent messages could not be delivered to everyone: “{subject}” and the others are marked in Sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln address(es) will no longer be suggested.</source>
        <translation>
            <numerusform>%Ln address will no longer be suggested.</numerusform>
            <numerusform>%Ln addresses will no longer be suggested.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsFlows</name>
    <message numerus="yes">
        <source>Sending %Ln draft(s)…</source>
        <translation>
            <numerusform>Sending %Ln draft…</numerusform>
            <numerusform>Sending %Ln drafts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking %Ln draft(s)…</source>
        <translation>
            <numerusform>Checking %Ln draft…</numerusform>
            <numerusform>Checking %Ln drafts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) could not be deleted: {why}</source>
        <translation>
            <numerusform>%Ln draft could not be deleted: {why}</numerusform>
            <numerusform>%Ln drafts could not be deleted: {why}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln draft(s)</source>
        <translation>
            <numerusform>Deleted %Ln draft</numerusform>
            <numerusform>Deleted %Ln drafts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message numerus="yes">
        <source>Deleted %Ln draft(s) — Ctrl+Z to undo</source>
        <translation>
            <numerusform>Deleted %Ln draft — Ctrl+Z to undo</numerusform>
            <numerusform>Deleted %Ln drafts — Ctrl+Z to undo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) · loading…</source>
        <translation>
            <numerusform>%Ln draft · loading…</numerusform>
            <numerusform>%Ln drafts · loading…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s)</source>
        <translation>
            <numerusform>%Ln draft</numerusform>
            <numerusform>%Ln drafts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalBridge</name>
    <message numerus="yes">
        <source>%Ln other unsaved message(s) were restored to Drafts</source>
        <translation>
            <numerusform>%Ln other unsaved message was restored to Drafts</numerusform>
            <numerusform>%Ln other unsaved messages were restored to Drafts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln waiting</numerusform>
            <numerusform>%Ln waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not sent</source>
        <translation>
            <numerusform>%Ln not sent</numerusform>
            <numerusform>%Ln not sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendSelected</name>
    <message numerus="yes">
        <source>%Ln draft(s)</source>
        <extracomment>what a batch is, in its countdown ("Sending 3 drafts in 10 s")</extracomment>
        <translation>
            <numerusform>%Ln draft</numerusform>
            <numerusform>%Ln drafts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentView</name>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
</context>
</TS>
