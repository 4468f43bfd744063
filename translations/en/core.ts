<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountRuntime</name>
    <message numerus="yes">
        <source>%Ln message(s) waiting to be sent</source>
        <translation>
            <numerusform>%Ln message waiting to be sent</numerusform>
            <numerusform>%Ln messages waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) not yet saved</source>
        <translation>
            <numerusform>%Ln message not yet saved</numerusform>
            <numerusform>%Ln messages not yet saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send later: %Ln message(s) held on this computer are now kept by Exchange (one whose time has passed is sent now)</source>
        <translation>
            <numerusform>Send later: %Ln message held on this computer is now kept by Exchange (sent now if its time has passed)</numerusform>
            <numerusform>Send later: %Ln messages held on this computer are now kept by Exchange (one whose time has passed is sent now)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{said}; %Ln other unsaved message(s) go to Drafts when the server is reached</source>
        <translation>
            <numerusform>{said}; %Ln other unsaved message goes to Drafts when the server is reached</numerusform>
            <numerusform>{said}; %Ln other unsaved messages go to Drafts when the server is reached</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchReport</name>
    <message numerus="yes">
        <source>Taken back: the %Ln drafts stay in Drafts, not sent</source>
        <translation>
            <numerusform>Taken back: the draft stays in Drafts, not sent</numerusform>
            <numerusform>Taken back: the %Ln drafts stay in Drafts, not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) taken back, kept in Drafts</source>
        <translation>
            <numerusform>%Ln draft taken back, kept in Drafts</numerusform>
            <numerusform>%Ln drafts taken back, kept in Drafts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept in the Outbox for later</source>
        <translation>
            <numerusform>%Ln kept in the Outbox for later</numerusform>
            <numerusform>%Ln kept in the Outbox for later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not sent (see Status)</source>
        <translation>
            <numerusform>%Ln not sent (see Status)</numerusform>
            <numerusform>%Ln not sent (see Status)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message numerus="yes">
        <source>%n scheduled message(s) were sent.</source>
        <translation>
            <numerusform>%n scheduled message was sent.</numerusform>
            <numerusform>%n scheduled messages were sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be sent. They wait in the Outbox.</source>
        <translation>
            <numerusform>%n message could not be sent. It waits in the Outbox.</numerusform>
            <numerusform>%n messages could not be sent. They wait in the Outbox.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) from dispatch-mail were sent.</source>
        <translation>
            <numerusform>%n message from dispatch-mail was sent.</numerusform>
            <numerusform>%n messages from dispatch-mail were sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) you sent did not arrive.</source>
        <translation>
            <numerusform>%n message you sent did not arrive.</numerusform>
            <numerusform>%n messages you sent did not arrive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message numerus="yes">
        <source>%Ln messages are waiting in the Outbox, on this computer:</source>
        <translation>
            <numerusform>%Ln message is waiting in the Outbox, on this computer:</numerusform>
            <numerusform>%Ln messages are waiting in the Outbox, on this computer:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• …and %Ln more (see the Outbox, Ctrl+4).</source>
        <translation>
            <numerusform>• …and %Ln more (see the Outbox, Ctrl+4).</numerusform>
            <numerusform>• …and %Ln more (see the Outbox, Ctrl+4).</numerusform>
        </translation>
    </message>
</context>
</TS>
