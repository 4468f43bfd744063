<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>Notification banner</source>
        <extracomment>what it shows, for a screen reader (the window announces it): the words, and whether they interrupt (an error or a question does; a notice does not)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banner message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss banner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>how long the status bar shows that the choice applies at the next start</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: {name}. It applies the next time Dispatch starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: the system&apos;s ({name}). It applies the next time Dispatch starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send se&amp;lected drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert &amp;image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dis&amp;card message (with Undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More &amp;options in Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who it is &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes you send &amp;from…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A keyboard-driven mail composer for Microsoft Exchange.
Press {keys} for the keyboard shortcuts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find works in the message: in Compose or in the Sent preview ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste as plain te&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>the menu bar&apos;s menus: the window&apos;s code names each by its English title (``win.menus[&quot;&amp;File&quot;]``), the user reads it in their language (context &quot;Menu&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;nippets and signatures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch si&amp;gnature</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to {view}</source>
        <extracomment>the highlighted entry is said once typing pauses this long (each letter changes it: said at each one, polite announcements queue up and the reader is left saying entries the user has typed past)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open draft: {subject} — to {to}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open draft: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command palette search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command, a view, a draft or a snippet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command palette results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: run   ↑↓: move   Esc: close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command matches “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{row} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Power</name>
    <message>
        <source>Signature: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signatures for this account yet: {keys} adds one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert snippet: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature: none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient suggestion: take it, stay in the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient suggestion: take it, go to the next field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippet: its trigger word, then Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link field: apply / cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo send, delete or discard (while its bar shows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow morning / Monday morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At: a time you type, Enter schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First / last row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select or unselect a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next / previous match, close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move, run, close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes you send from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the typed mailbox / remove the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent copy: its Sent Items or yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the dialog&apos;s main action from any field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma</source>
        <extracomment>punctuation keys by name (a list of keys is comma-separated); translated where shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter: a command, a key (ctrl+shift), a group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Spoken</name>
    <message>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{words}. {moved_to}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>No account</source>
        <extracomment>the dialogs built on their first use (:meth:`first_use`, :meth:`keep_dialog`)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{address}  ·  sandbox mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection state colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;System</source>
        <extracomment>(choice, its words: translated where shown, context &quot;Theme&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme: as the system ({scheme})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Compose</source>
        <extracomment>the sidebar&apos;s first views: (name, label translated where shown, context &quot;Views&quot;; its key)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Application name</source>
        <extracomment>the shortcuts that work from the first frame on (the rest work once the views are built, moments later) a message shown, whole, for a screen reader (the window announces it: app.ui.common.announce.Announcer.status); not for one shown with :meth:`show_quietly`</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} main window</source>
        <extracomment>the local journal (None: the journal slices open the default file in the data dir)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message is still being sent. Quit when it is done, or keep the window open?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit when sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will quit when sending has finished…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workflows</name>
    <message>
        <source>Kept on this computer — not on server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection: kept on this computer; saved to the server when it is back</source>
        <extracomment>Ctrl+S without a connection: where the draft is</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft had been deleted on the server: saved as a new draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: it was taken out of the Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous message was saved to Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous message is kept on this computer until the server can be reached (see Outbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <extracomment>the local ids (Compose) and server draft ids (Send selected) of this window&apos;s send requests under way</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error} (trying again in {seconds} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message has errors: fix them (or clear it) first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the previous message to Drafts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous message could not be saved to Drafts: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the message in Compose to Drafts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous message could not be saved: {error}, and the copy on this computer could not be written: {reason}. It is back in Compose if Compose was empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to the server only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous message was saved to Drafts, but not on this computer: {reason}. {what_to_do}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: Compose is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {error}. The copy on this computer could not be written either: {reason}. {what_to_do}, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft was saved to the server, but the copy on this computer could not be written: {reason}. {what_to_do}: until then, what you type is only kept once saved to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press {keys} again to send this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{not_done}: the message stays here. {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{not_done}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
