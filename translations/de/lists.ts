<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>BatchUndo</name>
    <message>
        <source>Drafts</source>
        <extracomment>where a batch taken back stays, unless its owner says otherwise</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo send bar ({kept})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo sending these messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep them in {kept}, unsent (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending {what} in {left} s — Ctrl+Z or Undo keeps it in {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending {what} in {left} s — Ctrl+Z or Undo keeps them in {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {what} stays in {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {what} stay in {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not sent: %n stay(s) in {kept}</source>
        <extracomment>part of a batch taken back: &quot;Not sent: 2 stay in Drafts&quot; (English: &quot;1 stays&quot;, &quot;2 stay&quot;)</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsFlows</name>
    <message>
        <source>Not sent: a newer version of this draft is on this computer, not yet saved to the server. Open it (Enter) to check it, then send it from Compose</source>
        <extracomment>Send selected on a draft whose newer version is on this computer only: the server&apos;s older one is not sent (Words: the row shows it in the user&apos;s language; the outcome&apos;s explanation is the core&apos;s kind of words)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select drafts, then press Ctrl+Shift+Return to send them</source>
        <extracomment>why each draft&apos;s last send was refused, shown in Compose when it is opened (its row still saying it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select drafts to send (Shift+Up/Down, Ctrl+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending %n draft(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) could not be deleted: {why}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n draft(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This draft is the message in Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the version kept on this computer: it is newer than the server&apos;s (not saved to the server yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the message: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message>
        <source>Undo bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete selected drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send selected drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send selected (Ctrl+Shift+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n draft(s) — Ctrl+Z to undo</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) · loading…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>Reply all: write above the quoted message, then Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward: type who it goes to, then Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of the sent message: a new message, not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalBridge</name>
    <message>
        <source>Sending cancelled: the message is back in Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing is not protected: the local journal cannot be written ({why}). Messages are only kept once saved to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing is not protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local journal was damaged: it was set aside as {name} and a new one started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken out of the Outbox by dispatch-mail: the message is back in Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken out of the Outbox by dispatch-mail: the message goes to Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked to sign in again. Messages in the Outbox wait until you do (enter the password, or Retry).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n other unsaved message(s) were restored to Drafts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: messages waiting for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox: messages waiting for the server (Ctrl+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the .eml file was taken out of the Outbox (the file is unchanged; Ctrl+O opens it to edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the message was put in Drafts (fix the one on screen first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the draft stays in Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this message?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is removed from the Outbox and will not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: this computer could not record it. The message stays in the Outbox and is not sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LimitsQuestion</name>
    <message>
        <source>Send these drafts?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <extracomment>the box&apos;s objectName (tests and accessibility find it by it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListStatus</name>
    <message>
        <source>Could not load {name}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListTable</name>
    <message>
        <source>{name} row header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account yet — press Ctrl+, (or File → Account settings…) to add one, or use the sandbox mailbox (Ctrl+1, then “Use sandbox”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Has attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row}, {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewerMarks</name>
    <message>
        <source>Newer version on this computer, not yet saved to the server: Enter opens it</source>
        <extracomment>a Drafts row&apos;s Status when this computer holds a newer version of it than the server (Words: the row shows it in the user&apos;s language, and it is found again by what it is, whatever the language)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>It is being sent right now and can no longer be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That message is not in the Sent list yet: its copy may still be on its way. Press F5 to reload the list, then look again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from this list: the message is in Sent (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected failed message again (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try everything waiting now instead of after the wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting: every message reached the server.

When the server cannot be reached, messages you send wait here and go out by themselves once it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages waiting for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox row header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit in Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete from Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already sent: there is nothing to send again (Enter opens it in Sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a message that was not sent can be sent again (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected message back into Compose (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected message (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected message in Sent (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected sent message from this list; it stays in Sent (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may already have gone out (Dispatch is checking with the server): it can no longer be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may already have gone out (Dispatch is checking with the server): it can no longer be taken back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is being sent right now and can no longer be taken back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendSelected</name>
    <message>
        <source>Waiting to send</source>
        <extracomment>a held row&apos;s words, as the Outbox says them: short enough for the Status column at 683 px (the countdown bar under the list says when, and that Ctrl+Z keeps them)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: kept in Drafts (you chose not to send over the sending limits)</source>
        <extracomment>a row&apos;s words when the user chose not to send a batch over the sending limits</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the Outbox: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: taken back (Undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: taken out of the Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <extracomment>what a batch is, in its countdown (&quot;Sending 3 drafts in 10 s&quot;)</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentView</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sent: reply &amp;all</source>
        <extracomment>Below this width the preview is shown under the list instead of beside it. Following up the previewed message: (name, words, keys, tip, what it is called). Thunderbird&apos;s and Outlook&apos;s keys where the window has them free: Reply all Ctrl+Shift+R (both), Forward Ctrl+L (Thunderbird; Outlook&apos;s Ctrl+F is Find here), Edit as new Ctrl+E (Thunderbird&apos;s &quot;Edit As New Message&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to everyone the sent message went to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: &amp;forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward the sent message with its attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: edit as ne&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of the sent message as a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit as new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal</source>
        <extracomment>a sensitivity other than Normal, as the preview names it (the enum&apos;s value is Exchange&apos;s word)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <extracomment>(kind: &quot;reply_all&quot; | &quot;forward&quot; | &quot;edit_as_new&quot;, the previewed message): Compose opens the follow-up</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to preview it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;attachments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the previewed message&apos;s attachments to a folder (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{header}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} works on a sent message: press Ctrl+3, select it, then {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message first (and wait for its preview); {keys} then opens it in Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments are saved from the Sent preview: press Ctrl+3, select a message, then Ctrl+Shift+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: the previewed message has no attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message first; its attachments are saved from the preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpokenDate</name>
    <message>
        <source>{day} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
