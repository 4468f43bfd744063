<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountRuntime</name>
    <message numerus="yes">
        <source>%n message(s) waiting to be sent</source>
        <translation>
            <numerusform>%n message waiting to be sent</numerusform>
            <numerusform>%n messages waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not yet saved</source>
        <translation>
            <numerusform>%n message not yet saved</numerusform>
            <numerusform>%n messages not yet saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{said}; %n other unsaved message(s) go to Drafts when the server is reached</source>
        <translation>
            <numerusform>{said}; %n other unsaved message goes to Drafts when the server is reached</numerusform>
            <numerusform>{said}; %n other unsaved messages go to Drafts when the server is reached</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchReport</name>
    <message numerus="yes">
        <source>Taken back: the %n drafts stay in Drafts, not sent</source>
        <translation>
            <numerusform>Taken back: the draft stays in Drafts, not sent</numerusform>
            <numerusform>Taken back: the %n drafts stay in Drafts, not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) taken back, kept in Drafts</source>
        <translation>
            <numerusform>%n draft taken back, kept in Drafts</numerusform>
            <numerusform>%n drafts taken back, kept in Drafts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept in the Outbox for later</source>
        <translation>
            <numerusform>%n kept in the Outbox for later</numerusform>
            <numerusform>%n kept in the Outbox for later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent (see Status)</source>
        <translation>
            <numerusform>%n not sent (see Status)</numerusform>
            <numerusform>%n not sent (see Status)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message numerus="yes">
        <source>%n messages are waiting in the Outbox, on this computer:</source>
        <translation>
            <numerusform>%n message is waiting in the Outbox, on this computer:</numerusform>
            <numerusform>%n messages are waiting in the Outbox, on this computer:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• …and %n more (see the Outbox, Ctrl+4).</source>
        <translation>
            <numerusform>• …and %n more (see the Outbox, Ctrl+4).</numerusform>
            <numerusform>• …and %n more (see the Outbox, Ctrl+4).</numerusform>
        </translation>
    </message>
</context>
</TS>
