<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AttachmentSaver</name>
    <message>
        <source>Save attachments to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the attachments in {folder}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>It was not inserted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was not attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not an ordinary file (a pipe or a device).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is {size}; the server accepts at most {limit} per message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be read: the file no longer exists (it was moved or deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” ({size}) was not inserted: the attachments would total {files}, about {total} as sent (files grow by a third on the way); the server accepts at most {limit} per message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” ({size}) was not attached: the attachments would total {files}, about {total} as sent (files grow by a third on the way); the server accepts at most {limit} per message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” as “{clean}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached {what}: attachment names cannot contain folder separators (/ or \) or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is no longer attached: its file was moved or deleted after you attached it. Attach it again if you need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files here or press Ctrl+Shift+A to attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmlAsIs</name>
    <message>
        <source>This file is from {sender}: the server refuses it unless this account may send as, or on behalf of, that mailbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file has no Message-ID: Dispatch adds one as its first line — the only change made to it — so that the send can be confirmed exactly once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already sent: this message (its Message-ID) is in Sent Items. The Outbox never sends a message twice, so there is nothing to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already sent on {date} at {time}: this message (its Message-ID) is in Sent Items. The Outbox never sends a message twice, so there is nothing to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent Items could not be checked ({why}). If this message was sent before, the Outbox finds it there and does not send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bcc: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was already sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send {name} as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send .eml file as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” will be sent exactly as the file holds it, from the account&apos;s mailbox; a copy goes to Sent Items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s message (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending {name} as it is: its progress is in the Outbox (Ctrl+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already sent: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already sent on {date} at {time}: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmlFiles</name>
    <message>
        <source>Mail messages (*.eml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open .eml file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send .eml file &amp;as it is…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as .e&amp;ml file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open .eml file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up an account first (Ctrl+,): a message opens as a draft of the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send .eml file as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up an account first (Ctrl+,): a file is sent from the account&apos;s mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {name} as a new message: Ctrl+S saves it to Drafts. {notes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {name} as a new message: Ctrl+S saves it to Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up an account first (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as .eml file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: Compose is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message in Drafts first, then Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message in Sent first, then Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as .eml: open a message in Compose, or select one in Drafts or Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {name}: the message could not be fetched: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or attach?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is a saved e-mail message. Open it as a new draft, or attach it to this message?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or attach the dropped message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open as a new draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach to this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in message</source>
        <extracomment>each search&apos;s outcome in words, for a screen reader (the match is selected in the body, which does not have the focus: a reader would not hear where it is); True: it answers a key</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to find — Enter: next, Shift+Enter: previous, Esc: close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InlineImages</name>
    <message>
        <source>Insert image</source>
        <extracomment>what a pasted picture (image data, no file) is called and stored as a picture was put in the body (the message changed)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not a picture this app can show.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoreOptions</name>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal</source>
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
        <source>More options</source>
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
        <source>Categories, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>Spell check is starting…</source>
        <extracomment>how many cache entries before the cache starts again (a 10 MB body has far fewer distinct words)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spelling suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spelling language…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spelling language: {language}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spell check in {language}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spelling suggestions work in the message body (Compose: Ctrl+1, then Tab to the body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spell check is off (Ctrl+Shift+F7 chooses a language)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No misspelt word at or before the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spelling suggestions for “{word}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up suggestions for “{word}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add “{word}” to dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ignore “{word}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggestions for “{word}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{word}” could not be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spelling language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spell check off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Snippets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippet name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippet text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New snippet {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New signature {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a word; type it in the message, then Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rich text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for ne&amp;w messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signature holds one picture: delete the one it has to paste another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture is {size}; a signature has room for {room} of picture. Use a smaller one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippets and signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as {my_name} puts it in a snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your na&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sn&amp;ippets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;gnatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders: {names}. Ctrl+Tab: next tab. Signatures are {account}&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders: {names}. Ctrl+Tab: next tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippets error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every signature needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two signatures have the same name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
