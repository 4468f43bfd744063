<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountRuntime</name>
    <message>
        <source>Waiting for other accounts (they go out when you sign in to them): {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting to be sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not yet saved</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{sends} and {others}</source>
        <extracomment>today&apos;s recipients of this account, beside the journal (app.core.send_limits: the sending limits)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{messages} for {address}: now through Microsoft 365</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened the message you were writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{said}; %n other unsaved message(s) go to Drafts when the server is reached</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppMain</name>
    <message>
        <source>Not written on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch could not write its data on this computer: {reason}. {what_to_do}; until then, messages are only kept once saved to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong ({error}: {value}). The details are in the log: {log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect: {why}. The account in use has not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring: the Microsoft 365 sign-in is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring: the password is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autodiscover</name>
    <message>
        <source>Redirects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than {count} redirects: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not https: no password is sent there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unencrypted Autodiscover address redirects to {host}. Send your user name and password to {host}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain&apos;s DNS (SRV record) names the server {host}. Send your user name and password to {host}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server redirects to another domain: {host}. Send your user name and password to {host}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed: nothing sent to {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate not trusted ({why}): nothing sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EWS URL {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirects to the address {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usable answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no redirect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirects to {location}: not https, not followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mailbox is in Microsoft 365</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirects to {location}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused the user name or password (401)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Autodiscover there (404)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchReport</name>
    <message>
        <source>Nothing sent: kept in Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken back: the draft stays in Drafts, not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Taken back: the %n drafts stay in Drafts, not sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sent {sent} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) taken back, kept in Drafts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept in the Outbox for later</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent (see Status)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Dispatch cannot write to its data folder {folder} ({why}). The sandbox mailbox keeps its mail there: check that the folder exists and that you may write to it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmlFiles</name>
    <message>
        <source>“{name}” is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not an ordinary file (a pipe or a device).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be opened: the file no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be read ({why}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” took more than {seconds} s to read; it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeRow</name>
    <message>
        <source>Creating its draft…</source>
        <extracomment>the account&apos;s sending limits (app.core.send_limits; None: none known) and today&apos;s count of its sent recipients (a callable giving a RecipientLedger), set by whoever runs the merge</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting in the Outbox: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed: Resend (Ctrl+R) sends it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not created: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent (found in Sent Items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: it is in Drafts. Resend (Ctrl+R) sends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted from the Outbox: not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted from the Outbox: its draft was not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check with the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken back (Undo, or from the Outbox): not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be sent as it is</source>
        <extracomment>failures that a Resend of the same message would meet again: the row must be fixed first the Outbox&apos;s submissions (its ``subs``, shared, never copied): where a listed submission is read its message as last built and checked (from its values now), kept for the send; never stored</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeSend</name>
    <message>
        <source>Send {rows} messages? Each row of the table becomes one message, sent to its own address. A row that cannot be sent as it is is not sent and says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the {now} that fit now and keep the other {later} in the Outbox, to go from {time}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At {rate} messages a minute, the last one goes out at about {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing sent: kept in Drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending {count} now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{count} kept in the Outbox, to go from {time}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} not sent (more than {limit} recipients)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{plan}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send {now} now, keep {later} for later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send the other {now}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>“{subject}” was not sent: it was waiting to be sent when Dispatch closed. Send it again or keep editing.</source>
        <extracomment>while something is held, the worker looks at the wall clock at least this often (seconds) the journal meta of a message that was in its undo window when Dispatch closed (recovery shows the note)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <extracomment>what a held submission&apos;s ``release`` carries: due now, no hold any more</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxRow</name>
    <message>
        <source>Already sent (found in Sent Items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent (confirmed in Sent Items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not confirm that it was sent, so it was not sent again. Look in Sent Items; Retry sends it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <extracomment>an attempt&apos;s verdict: the event to apply and the facts that travel with it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending in {seconds} s — Enter takes it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends at {time} — {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: this computer could not record it. It will not be sent now; press Delete again</source>
        <extracomment>the reason a send shows when its delete could not be recorded (it stays DELETING: not sent)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving before sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking whether it was sent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting: the server&apos;s certificate is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting: Dispatch cannot use its data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server unreachable — retrying in {wait}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server busy — waiting {wait}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying in {wait} — {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying in {wait}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for sign-in — not on server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying in {wait} — not on server yet ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying in {wait} — not on server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting — not on server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no recipients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <source>waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the Outbox ({row}): it goes out by itself (Ctrl+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {explanation} — it is in the Outbox (Ctrl+4); Enter there takes it back</source>
        <extracomment>words that are names, not sentence-case words</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueKeeper</name>
    <message>
        <source>A dispatch-mail command is sending for this account; the Outbox opens when it is done.</source>
        <extracomment>how often a window kept waiting for its account&apos;s queue tries the lock again (seconds) how long a closing window lets the commands its door took be answered (seconds)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Dispatch window sends for this account: this window does not send for it. What you type is still kept on this computer; the Outbox opens here when that window is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox: a command sends</source>
        <extracomment>the same, in a few words (the status bar, beside the account and its state: short enough for a 683 px window)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox: not here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not sent: it was in its undo countdown and stays in Drafts, unsent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not sent: it was in its undo countdown and comes back to Compose, unsent, the next time Dispatch runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is scheduled for {time}: it goes out then if Dispatch is running, otherwise the next time Dispatch runs signed in as {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” may already have gone out: Dispatch checks the next time it runs signed in as {who} (it is never sent twice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was not sent ({reason}): it stays in the Outbox until you send it again or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was not sent: it stays in the Outbox until you send it again or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” goes out the next time Dispatch runs signed in as {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 message is waiting in the Outbox, on this computer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n messages are waiting in the Outbox, on this computer:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>• {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>• …and %n more (see the Outbox, Ctrl+4).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Not sent: {explanation}</source>
        <extracomment>the field a refusal belongs to</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendingLimits</name>
    <message>
        <source>Waiting for {name}&apos;s {limit}-recipients-a-day limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: more than {limit} recipients, which {name} refuses</source>
        <extracomment>a row&apos;s words when its message has more recipients than one message may have</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the Outbox until {time}: waiting for {name}&apos;s {limit}-recipients-a-day limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{refused} of these {total} recipients would be refused today by {name}&apos;s {limit}-a-day limit.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 message has more than {limit} recipients, which {name} refuses: it is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{count} messages have more than {limit} recipients, which {name} refuses: they are not sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>No dictionary for {asked}; using {fallback}.</source>
        <extracomment>the setting that holds the chosen language (&quot;&quot; or missing: the system&apos;s; OFF: spell check off)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spell check is starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spell check is off: the enchant library is missing ({hint}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spell check is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spell check is off: no dictionary is installed ({hint}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spell check is off: the {tag} dictionary could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>{above}
{below}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source></source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} {then}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
