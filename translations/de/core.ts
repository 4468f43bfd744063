<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountRuntime</name>
    <message>
        <source>Waiting for other accounts (they go out when you sign in to them): {names}</source>
        <translation>Wartet auf andere Konten (wird gesendet, sobald Sie sich dort anmelden): {names}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) waiting to be sent</source>
        <translation>
            <numerusform>%Ln Nachricht wartet auf das Senden</numerusform>
            <numerusform>%Ln Nachrichten warten auf das Senden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) not yet saved</source>
        <translation>
            <numerusform>%Ln Nachricht noch nicht gespeichert</numerusform>
            <numerusform>%Ln Nachrichten noch nicht gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send later: %Ln message(s) held on this computer are now kept by Exchange (one whose time has passed is sent now)</source>
        <translation>
            <numerusform>Später senden: %Ln auf diesem Computer gehaltene Nachricht wird jetzt von Exchange behalten (sofort gesendet, wenn ihre Zeit vorbei ist)</numerusform>
            <numerusform>Später senden: %Ln auf diesem Computer gehaltene Nachrichten werden jetzt von Exchange behalten (eine, deren Zeit vorbei ist, geht sofort)</numerusform>
        </translation>
    </message>
    <message>
        <source>{sends} and {others}</source>
        <translation>{sends} und {others}</translation>
    </message>
    <message>
        <source>{messages} for {address}: now through Microsoft 365</source>
        <translation>{messages} für {address}: jetzt über Microsoft 365</translation>
    </message>
    <message>
        <source>Reopened the message you were writing</source>
        <translation>Die Nachricht, die Sie geschrieben haben, wurde wieder geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>{said}; %Ln other unsaved message(s) go to Drafts when the server is reached</source>
        <translation>
            <numerusform>{said}; %Ln weitere nicht gespeicherte Nachricht kommt in die Entwürfe, sobald der Server erreichbar ist</numerusform>
            <numerusform>{said}; %Ln weitere nicht gespeicherte Nachrichten kommen in die Entwürfe, sobald der Server erreichbar ist</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppMain</name>
    <message>
        <source>Not written on this computer</source>
        <translation>Nicht auf diesem Computer gespeichert</translation>
    </message>
    <message>
        <source>Dispatch could not write its data on this computer: {reason}. {what_to_do}; until then, messages are only kept once saved to the server.</source>
        <translation>Dispatch konnte seine Daten nicht auf diesem Computer speichern: {reason}. {what_to_do}; bis dahin bleiben Nachrichten nur erhalten, wenn sie auf dem Server gespeichert sind.</translation>
    </message>
    <message>
        <source>Something went wrong ({error}: {value}). The details are in the log: {log}</source>
        <translation>Ein Fehler ist aufgetreten ({error}: {value}). Details stehen im Protokoll: {log}</translation>
    </message>
    <message>
        <source>Could not connect: {why}. The account in use has not changed.</source>
        <translation>Verbindung nicht möglich: {why}. Das verwendete Konto wurde nicht geändert.</translation>
    </message>
    <message>
        <source>No system keyring: the Microsoft 365 sign-in is kept for this session only.</source>
        <translation>Kein Systemschlüsselbund: Die Microsoft 365-Anmeldung wird nur für diese Sitzung gespeichert.</translation>
    </message>
    <message>
        <source>No system keyring: the password is kept for this session only.</source>
        <translation>Kein Systemschlüsselbund: Das Kennwort wird nur für diese Sitzung gespeichert.</translation>
    </message>
</context>
<context>
    <name>Autodiscover</name>
    <message>
        <source>Redirects</source>
        <translation>Umleitungen</translation>
    </message>
    <message>
        <source>more than {count} redirects: stopped</source>
        <translation>mehr als {count} Umleitungen: abgebrochen</translation>
    </message>
    <message>
        <source>not https: no password is sent there</source>
        <translation>kein https: dorthin wird kein Kennwort gesendet</translation>
    </message>
    <message>
        <source>The unencrypted Autodiscover address redirects to {host}. Send your user name and password to {host}?</source>
        <translation>Die unverschlüsselte AutoErmittlungs-Adresse leitet zu {host} um. Benutzername und Kennwort an {host} senden?</translation>
    </message>
    <message>
        <source>The domain's DNS (SRV record) names the server {host}. Send your user name and password to {host}?</source>
        <translation>Das DNS der Domäne (SRV-Eintrag) nennt den Server {host}. Benutzername und Kennwort an {host} senden?</translation>
    </message>
    <message>
        <source>The server redirects to another domain: {host}. Send your user name and password to {host}?</source>
        <translation>Der Server leitet zu einer anderen Domäne um: {host}. Benutzername und Kennwort an {host} senden?</translation>
    </message>
    <message>
        <source>not confirmed: nothing sent to {host}</source>
        <translation>nicht bestätigt: nichts an {host} gesendet</translation>
    </message>
    <message>
        <source>certificate not trusted ({why}): nothing sent</source>
        <translation>Zertifikat nicht vertrauenswürdig ({why}): nichts gesendet</translation>
    </message>
    <message>
        <source>EWS URL {url}</source>
        <translation>EWS-URL {url}</translation>
    </message>
    <message>
        <source>redirects to the address {address}</source>
        <translation>leitet zur Adresse {address} um</translation>
    </message>
    <message>
        <source>no usable answer</source>
        <translation>keine verwertbare Antwort</translation>
    </message>
    <message>
        <source>no redirect</source>
        <translation>keine Umleitung</translation>
    </message>
    <message>
        <source>redirects to {location}: not https, not followed</source>
        <translation>leitet zu {location} um: kein https, nicht gefolgt</translation>
    </message>
    <message>
        <source>no record</source>
        <translation>kein Eintrag</translation>
    </message>
    <message>
        <source>names {target}</source>
        <translation>nennt {target}</translation>
    </message>
    <message>
        <source>the mailbox is in Microsoft 365</source>
        <translation>das Postfach ist in Microsoft 365</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>redirects to {location}</source>
        <translation>leitet zu {location} um</translation>
    </message>
    <message>
        <source>refused the user name or password (401)</source>
        <translation>Benutzername oder Kennwort abgelehnt (401)</translation>
    </message>
    <message>
        <source>no Autodiscover there (404)</source>
        <translation>dort keine AutoErmittlung (404)</translation>
    </message>
</context>
<context>
    <name>BatchReport</name>
    <message>
        <source>Nothing sent: kept in Drafts</source>
        <translation>Nichts gesendet: in den Entwürfen behalten</translation>
    </message>
    <message>
        <source>Taken back: the draft stays in Drafts, not sent</source>
        <translation>Zurückgenommen: Der Entwurf bleibt ungesendet in den Entwürfen</translation>
    </message>
    <message numerus="yes">
        <source>Taken back: the %Ln drafts stay in Drafts, not sent</source>
        <translation>
            <numerusform>Zurückgenommen: Der Entwurf bleibt ungesendet in den Entwürfen</numerusform>
            <numerusform>Zurückgenommen: Die %Ln Entwürfe bleiben ungesendet in den Entwürfen</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent {sent} of {total}</source>
        <translation>{sent} von {total} gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) taken back, kept in Drafts</source>
        <translation>
            <numerusform>%Ln Entwurf zurückgenommen, in den Entwürfen behalten</numerusform>
            <numerusform>%Ln Entwürfe zurückgenommen, in den Entwürfen behalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept in the Outbox for later</source>
        <translation>
            <numerusform>%Ln für später im Postausgang behalten</numerusform>
            <numerusform>%Ln für später im Postausgang behalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not sent (see Status)</source>
        <translation>
            <numerusform>%Ln nicht gesendet (siehe Status)</numerusform>
            <numerusform>%Ln nicht gesendet (siehe Status)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <source>{day} {time}</source>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <source>{day} {date} {month} {time}</source>
        <translation>{day} {date}. {month} {time}</translation>
    </message>
    <message>
        <source>{day} {date} {month} {time} {year}</source>
        <translation>{day} {date}. {month} {year} {time}</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Dispatch cannot write to its data folder {folder} ({why}). The sandbox mailbox keeps its mail there: check that the folder exists and that you may write to it</source>
        <translation>Dispatch kann nicht in seinen Datenordner {folder} schreiben ({why}). Das Test-Postfach (Sandbox) speichert dort seine E-Mails: Prüfen Sie, ob der Ordner existiert und ob Sie darin schreiben dürfen</translation>
    </message>
</context>
<context>
    <name>EmlFiles</name>
    <message>
        <source>“{name}” is a folder, not a file.</source>
        <translation>„{name}“ ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>“{name}” is not an ordinary file (a pipe or a device).</source>
        <translation>„{name}“ ist keine gewöhnliche Datei (eine Pipe oder ein Gerät).</translation>
    </message>
    <message>
        <source>“{name}” could not be opened: the file no longer exists.</source>
        <translation>„{name}“ konnte nicht geöffnet werden: Die Datei existiert nicht mehr.</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({why}).</source>
        <translation>„{name}“ konnte nicht gelesen werden ({why}).</translation>
    </message>
    <message>
        <source>“{name}” took more than {seconds} s to read; it was not opened.</source>
        <translation>Das Lesen von „{name}“ dauerte länger als {seconds} s; die Datei wurde nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>MergeRow</name>
    <message>
        <source>Creating its draft…</source>
        <translation>Entwurf wird erstellt…</translation>
    </message>
    <message>
        <source>Waiting in the Outbox: {reason}</source>
        <translation>Wartet im Postausgang: {reason}</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Fixed: Resend (Ctrl+R) sends it</source>
        <translation>Korrigiert: Erneut senden (Strg+R) sendet sie</translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation>Bereit zum Senden</translation>
    </message>
    <message>
        <source>Not created: {reason}</source>
        <translation>Nicht erstellt: {reason}</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>der Server hat nicht geantwortet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Sent (found in Sent Items)</source>
        <translation>Gesendet (in Gesendete Elemente gefunden)</translation>
    </message>
    <message>
        <source>Not sent: it is in Drafts. Resend (Ctrl+R) sends it.</source>
        <translation>Nicht gesendet: Sie ist in den Entwürfen. Erneut senden (Strg+R) sendet sie.</translation>
    </message>
    <message>
        <source>Deleted from the Outbox: not sent</source>
        <translation>Aus dem Postausgang gelöscht: nicht gesendet</translation>
    </message>
    <message>
        <source>Deleted from the Outbox: its draft was not created</source>
        <translation>Aus dem Postausgang gelöscht: Der Entwurf wurde nicht erstellt</translation>
    </message>
    <message>
        <source>Could not check with the server</source>
        <translation>Prüfung beim Server nicht möglich</translation>
    </message>
    <message>
        <source>Taken back (Undo, or from the Outbox): not sent</source>
        <translation>Zurückgenommen (Rückgängig oder aus dem Postausgang): nicht gesendet</translation>
    </message>
    <message>
        <source>Cannot be sent as it is</source>
        <translation>Kann so nicht gesendet werden</translation>
    </message>
</context>
<context>
    <name>MergeSend</name>
    <message>
        <source>Send {rows} messages? Each row of the table becomes one message, sent to its own address. A row that cannot be sent as it is is not sent and says why.</source>
        <translation>{rows} Nachrichten senden? Jede Zeile der Tabelle wird zu einer Nachricht an ihre eigene Adresse. Eine Zeile, die so nicht gesendet werden kann, wird nicht gesendet und nennt den Grund.</translation>
    </message>
    <message>
        <source>Send the {now} that fit now and keep the other {later} in the Outbox, to go from {time}?</source>
        <translation>Die {now}, die in das Limit passen, jetzt senden und die übrigen {later} im Postausgang behalten, Versand ab {time}?</translation>
    </message>
    <message>
        <source>At {rate} messages a minute, the last one goes out at about {time}.</source>
        <translation>Bei {rate} Nachrichten pro Minute wird die letzte gegen {time} gesendet.</translation>
    </message>
    <message>
        <source>Nothing sent: kept in Drafts.</source>
        <translation>Nichts gesendet: in den Entwürfen behalten.</translation>
    </message>
    <message>
        <source>Sending {count} now</source>
        <translation>{count} werden jetzt gesendet</translation>
    </message>
    <message numerus="yes">
        <source>{count} kept in the Outbox, to go from {time}</source>
        <translation>
            <numerusform>{count} im Postausgang behalten, Versand ab {time}</numerusform>
            <numerusform>{count} im Postausgang behalten, Versand ab {time}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} not sent (more than {limit} recipients)</source>
        <translation>
            <numerusform>{count} nicht gesendet (mehr als {limit} Empfänger)</numerusform>
            <numerusform>{count} nicht gesendet (mehr als {limit} Empfänger)</numerusform>
        </translation>
    </message>
    <message>
        <source>{plan}.</source>
        <translation>{plan}.</translation>
    </message>
    <message>
        <source>&amp;Send {now} now, keep {later} for later</source>
        <translation>{now} jetzt &amp;senden, {later} für später behalten</translation>
    </message>
    <message>
        <source>&amp;Send the other {now}</source>
        <translation>Die übrigen {now} &amp;senden</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Scheduled message sent</source>
        <translation>Geplante Nachricht gesendet</translation>
    </message>
    <message>
        <source>Message not sent</source>
        <translation>Nachricht nicht gesendet</translation>
    </message>
    <message>
        <source>Message from dispatch-mail sent</source>
        <translation>Nachricht von dispatch-mail gesendet</translation>
    </message>
    <message>
        <source>Message not delivered</source>
        <translation>Nachricht nicht zugestellt</translation>
    </message>
    <message>
        <source>A message was sent.</source>
        <translation>Eine Nachricht wurde gesendet.</translation>
    </message>
    <message>
        <source>A message could not be sent. It waits in the Outbox.</source>
        <translation>Eine Nachricht konnte nicht gesendet werden. Sie wartet im Postausgang.</translation>
    </message>
    <message>
        <source>A message you sent did not arrive.</source>
        <translation>Eine von Ihnen gesendete Nachricht ist nicht angekommen.</translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled message(s) were sent.</source>
        <translation>
            <numerusform>%n geplante Nachricht wurde gesendet.</numerusform>
            <numerusform>%n geplante Nachrichten wurden gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be sent. They wait in the Outbox.</source>
        <translation>
            <numerusform>%n Nachricht konnte nicht gesendet werden. Sie wartet im Postausgang.</numerusform>
            <numerusform>%n Nachrichten konnten nicht gesendet werden. Sie warten im Postausgang.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) from dispatch-mail were sent.</source>
        <translation>
            <numerusform>%n Nachricht von dispatch-mail wurde gesendet.</numerusform>
            <numerusform>%n Nachrichten von dispatch-mail wurden gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) you sent did not arrive.</source>
        <translation>
            <numerusform>%n von Ihnen gesendete Nachricht ist nicht angekommen.</numerusform>
            <numerusform>%n von Ihnen gesendete Nachrichten sind nicht angekommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{subject}” to {recipient}</source>
        <translation>„{subject}“ an {recipient}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Show in Outbox</source>
        <translation>Im Postausgang zeigen</translation>
    </message>
    <message>
        <source>Show in Sent</source>
        <translation>In Gesendet zeigen</translation>
    </message>
    <message>
        <source>Notifications: off</source>
        <translation>Benachrichtigungen: aus</translation>
    </message>
    <message>
        <source>&amp;No notifications</source>
        <translation>&amp;Keine Benachrichtigungen</translation>
    </message>
    <message>
        <source>Only “A &amp;message was sent”</source>
        <translation>Nur „Eine &amp;Nachricht wurde gesendet“</translation>
    </message>
    <message>
        <source>Notifications: they say only that a message was sent</source>
        <translation>Benachrichtigungen: nur, dass eine Nachricht gesendet wurde</translation>
    </message>
    <message>
        <source>With its &amp;subject and recipient</source>
        <translation>Mit &amp;Betreff und Empfänger</translation>
    </message>
    <message>
        <source>Notifications: they show the subject and the recipient</source>
        <translation>Benachrichtigungen: mit Betreff und Empfänger</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>Be&amp;nachrichtigungen</translation>
    </message>
    <message>
        <source>Desktop notifications of sends while Dispatch is in the background</source>
        <translation>Desktop-Benachrichtigungen über Sendungen, während Dispatch im Hintergrund ist</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>“{subject}” was not sent: it was waiting to be sent when Dispatch closed. Send it again or keep editing.</source>
        <translation>„{subject}“ wurde nicht gesendet: Die Nachricht wartete auf das Senden, als Dispatch geschlossen wurde. Senden Sie sie erneut oder bearbeiten Sie sie weiter.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
</context>
<context>
    <name>OutboxRow</name>
    <message>
        <source>Already sent (found in Sent Items)</source>
        <translation>Bereits gesendet (in Gesendete Elemente gefunden)</translation>
    </message>
    <message>
        <source>Sent (confirmed in Sent Items)</source>
        <translation>Gesendet (in Gesendete Elemente bestätigt)</translation>
    </message>
    <message>
        <source>Could not confirm that it was sent, so it was not sent again. Look in Sent Items; Retry sends it again.</source>
        <translation>Das Senden konnte nicht bestätigt werden, daher wurde sie nicht erneut gesendet. Sehen Sie in Gesendete Elemente nach; Wiederholen sendet sie erneut.</translation>
    </message>
    <message>
        <source>Kept by Exchange: sends at {time}</source>
        <translation>Von Exchange behalten: Senden um {time}</translation>
    </message>
    <message>
        <source>gave up after {attempts} attempts: {reason}</source>
        <translation>nach {attempts} Versuchen aufgegeben: {reason}</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>could not check yet: {reason}</source>
        <translation>noch nicht überprüfbar: {reason}</translation>
    </message>
    <message>
        <source>not sent after {attempts} attempts; it is in Drafts</source>
        <translation>nach {attempts} Versuchen nicht gesendet; sie liegt in den Entwürfen</translation>
    </message>
    <message>
        <source>not sent yet; sending again</source>
        <translation>noch nicht gesendet; wird erneut gesendet</translation>
    </message>
    <message>
        <source>Sending in {seconds} s — Enter takes it back</source>
        <translation>Senden in {seconds} s — Eingabetaste nimmt sie zurück</translation>
    </message>
    <message>
        <source>Sends at {time} — {reason}</source>
        <translation>Senden am {time} — {reason}</translation>
    </message>
    <message>
        <source>Sends at {time}</source>
        <translation>Senden am {time}</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} Min.</translation>
    </message>
    <message>
        <source>Not deleted: this computer could not record it. It will not be sent now; press Delete again</source>
        <extracomment>the reason a send shows when its delete could not be recorded (it stays DELETING: not sent)</extracomment>
        <translation>Nicht gelöscht: Dieser Computer konnte das Löschen nicht speichern. Die Nachricht wird jetzt nicht gesendet; drücken Sie erneut Entf</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>Saving before sending…</source>
        <translation>Wird vor dem Senden gespeichert…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Checking whether it was sent…</source>
        <translation>Es wird geprüft, ob sie gesendet wurde…</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Nicht gesendet: {reason}</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Waiting: the server's certificate is not trusted</source>
        <translation>Wartet: Das Zertifikat des Servers ist nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>Waiting: Dispatch cannot use its data folder</source>
        <translation>Wartet: Dispatch kann seinen Datenordner nicht verwenden</translation>
    </message>
    <message>
        <source>Waiting for sign-in</source>
        <translation>Wartet auf Anmeldung</translation>
    </message>
    <message>
        <source>Server unreachable — retrying in {wait}</source>
        <translation>Server nicht erreichbar — neuer Versuch in {wait}</translation>
    </message>
    <message>
        <source>Server busy — waiting {wait}</source>
        <translation>Server ausgelastet — wartet {wait}</translation>
    </message>
    <message>
        <source>Retrying in {wait} — {reason}</source>
        <translation>Neuer Versuch in {wait} — {reason}</translation>
    </message>
    <message>
        <source>Retrying in {wait}</source>
        <translation>Neuer Versuch in {wait}</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf das Senden</translation>
    </message>
    <message>
        <source>Server unreachable — trying again now</source>
        <extracomment>a send whose last try did not reach the server, tried again now (its save under way, or due this moment)</extracomment>
        <translation>Server nicht erreichbar — neuer Versuch läuft</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Waiting for sign-in — not on server yet</source>
        <translation>Wartet auf Anmeldung — noch nicht auf dem Server</translation>
    </message>
    <message>
        <source>Retrying in {wait} — not on server yet ({reason})</source>
        <translation>Neuer Versuch in {wait} — noch nicht auf dem Server ({reason})</translation>
    </message>
    <message>
        <source>Retrying in {wait} — not on server yet</source>
        <translation>Neuer Versuch in {wait} — noch nicht auf dem Server</translation>
    </message>
    <message>
        <source>Waiting — not on server yet</source>
        <translation>Wartet — noch nicht auf dem Server</translation>
    </message>
    <message>
        <source>(no recipients)</source>
        <translation>(keine Empfänger)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>{state} — {news}</source>
        <translation>{state} — {news}</translation>
    </message>
    <message>
        <source>Being sent by Exchange now</source>
        <translation>Wird gerade von Exchange gesendet</translation>
    </message>
    <message>
        <source>Sends at {time} (kept by Exchange)</source>
        <translation>Senden um {time} (von Exchange behalten)</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <source>waiting to send</source>
        <translation>wartet auf das Senden</translation>
    </message>
    <message>
        <source>In the Outbox ({row}): it goes out by itself (Ctrl+4)</source>
        <translation>Im Postausgang ({row}): wird automatisch gesendet (Strg+4)</translation>
    </message>
    <message>
        <source>server unreachable — retrying in {wait}</source>
        <extracomment>an Outbox row's words as the middle of a sentence, in the catalogue of their own (the row's first word is in lower case there, as in English; a translation may keep it as its language writes it)</extracomment>
        <translation>Server nicht erreichbar — neuer Versuch in {wait}</translation>
    </message>
    <message>
        <source>server unreachable — trying again now</source>
        <translation>Server nicht erreichbar — neuer Versuch läuft</translation>
    </message>
    <message>
        <source>server busy — waiting {wait}</source>
        <translation>Server ausgelastet — wartet {wait}</translation>
    </message>
    <message>
        <source>retrying in {wait} — {reason}</source>
        <translation>neuer Versuch in {wait} — {reason}</translation>
    </message>
    <message>
        <source>retrying in {wait}</source>
        <translation>neuer Versuch in {wait}</translation>
    </message>
    <message>
        <source>waiting for sign-in</source>
        <translation>wartet auf Anmeldung</translation>
    </message>
    <message>
        <source>waiting: the server's certificate is not trusted</source>
        <translation>wartet: Das Zertifikat des Servers ist nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>waiting: Dispatch cannot use its data folder</source>
        <translation>wartet: Dispatch kann seinen Datenordner nicht verwenden</translation>
    </message>
    <message>
        <source>saving before sending…</source>
        <translation>wird vor dem Senden gespeichert…</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source>checking whether it was sent…</source>
        <translation>es wird geprüft, ob sie gesendet wurde…</translation>
    </message>
    <message>
        <source>sending in {seconds} s — Enter takes it back</source>
        <translation>Senden in {seconds} s — Eingabetaste nimmt sie zurück</translation>
    </message>
    <message>
        <source>sends at {time}</source>
        <translation>Senden am {time}</translation>
    </message>
    <message>
        <source>sends at {time} — {reason}</source>
        <translation>Senden am {time} — {reason}</translation>
    </message>
    <message>
        <source>Not sent: {explanation} — it is in the Outbox (Ctrl+4); Enter there takes it back</source>
        <translation>Nicht gesendet: {explanation} — sie ist im Postausgang (Strg+4); die Eingabetaste dort nimmt sie zurück</translation>
    </message>
    <message>
        <source>Sent: {subject}</source>
        <translation>Gesendet: {subject}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
</context>
<context>
    <name>QueueKeeper</name>
    <message>
        <source>A dispatch-mail command is sending for this account; the Outbox opens when it is done.</source>
        <translation>Ein dispatch-mail-Befehl sendet für dieses Konto; der Postausgang öffnet sich, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Another Dispatch window sends for this account: this window does not send for it. What you type is still kept on this computer; the Outbox opens here when that window is closed.</source>
        <translation>Ein anderes Dispatch-Fenster sendet für dieses Konto: Dieses Fenster sendet nicht dafür. Was Sie eingeben, bleibt auf diesem Computer erhalten; der Postausgang öffnet sich hier, wenn jenes Fenster geschlossen wird.</translation>
    </message>
    <message>
        <source>Outbox: a command sends</source>
        <extracomment>the same, in a few words (the status bar, beside the account and its state: short enough for a 683 px window)</extracomment>
        <translation>Postausgang: ein Befehl sendet</translation>
    </message>
    <message>
        <source>Outbox: not here</source>
        <translation>Postausgang: nicht hier</translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message>
        <source>The message in Compose is kept on this computer: it reopens there the next time Dispatch starts.</source>
        <extracomment>said as the window closes with unsent words in Compose (the journal has them; the next start reopens them there, saying "Reopened the message you were writing")</extracomment>
        <translation>Die Nachricht in „Verfassen“ bleibt auf diesem Computer gespeichert: Sie wird dort beim nächsten Start von Dispatch wieder geöffnet.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>“{name}” is not sent: it was in its undo countdown and stays in Drafts, unsent.</source>
        <translation>„{name}“ wird nicht gesendet: Die Nachricht war in ihrer Frist zum Rückgängigmachen und bleibt ungesendet in den Entwürfen.</translation>
    </message>
    <message>
        <source>“{name}” is not sent: it was in its undo countdown and comes back to Compose, unsent, the next time Dispatch runs.</source>
        <translation>„{name}“ wird nicht gesendet: Die Nachricht war in ihrer Frist zum Rückgängigmachen und kommt beim nächsten Start von Dispatch ungesendet in „Verfassen“ zurück.</translation>
    </message>
    <message>
        <source>“{name}” is scheduled for {time}: it goes out then if Dispatch is running, otherwise the next time Dispatch runs signed in as {who}.</source>
        <translation>„{name}“ ist für {time} geplant: Die Nachricht wird dann gesendet, wenn Dispatch läuft, sonst beim nächsten Start von Dispatch mit der Anmeldung als {who}.</translation>
    </message>
    <message>
        <source>“{name}” may already have gone out: Dispatch checks the next time it runs signed in as {who} (it is never sent twice).</source>
        <translation>„{name}“ wurde möglicherweise schon gesendet: Dispatch prüft das beim nächsten Start mit der Anmeldung als {who} (sie wird nie zweimal gesendet).</translation>
    </message>
    <message>
        <source>“{name}” was not sent ({reason}): it stays in the Outbox until you send it again or delete it.</source>
        <translation>„{name}“ wurde nicht gesendet ({reason}): Die Nachricht bleibt im Postausgang, bis Sie sie erneut senden oder löschen.</translation>
    </message>
    <message>
        <source>“{name}” was not sent: it stays in the Outbox until you send it again or delete it.</source>
        <translation>„{name}“ wurde nicht gesendet: Die Nachricht bleibt im Postausgang, bis Sie sie erneut senden oder löschen.</translation>
    </message>
    <message>
        <source>“{name}” goes to Exchange the next time Dispatch runs signed in as {who}; Exchange keeps it until {time}, then sends it.</source>
        <translation>„{name}“ geht beim nächsten Start von Dispatch mit der Anmeldung als {who} an Exchange; Exchange behält sie bis {time} und sendet sie dann.</translation>
    </message>
    <message>
        <source>“{name}” goes out the next time Dispatch runs signed in as {who}.</source>
        <translation>„{name}“ wird beim nächsten Start von Dispatch mit der Anmeldung als {who} gesendet.</translation>
    </message>
    <message>
        <source>1 message is waiting in the Outbox, on this computer:</source>
        <translation>1 Nachricht wartet im Postausgang auf diesem Computer:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln messages are waiting in the Outbox, on this computer:</source>
        <translation>
            <numerusform>%Ln Nachricht wartet im Postausgang auf diesem Computer:</numerusform>
            <numerusform>%Ln Nachrichten warten im Postausgang auf diesem Computer:</numerusform>
        </translation>
    </message>
    <message>
        <source>• {line}</source>
        <translation>• {line}</translation>
    </message>
    <message numerus="yes">
        <source>• …and %Ln more (see the Outbox, Ctrl+4).</source>
        <translation>
            <numerusform>• …und %Ln weitere (siehe Postausgang, Strg+4).</numerusform>
            <numerusform>• …und %Ln weitere (siehe Postausgang, Strg+4).</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit anyway?</source>
        <translation>Trotzdem beenden?</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Not sent: {explanation}</source>
        <translation>Nicht gesendet: {explanation}</translation>
    </message>
</context>
<context>
    <name>Scheduled</name>
    <message>
        <source>Already sent at {time} — it is in Sent</source>
        <translation>Schon um {time} gesendet – sie ist in Gesendete Elemente</translation>
    </message>
    <message>
        <source>Already taken back (from another computer) — it is in Drafts</source>
        <translation>Schon zurückgeholt (von einem anderen Computer) – sie ist in Entwürfe</translation>
    </message>
    <message>
        <source>No longer in the Outbox: Exchange is sending it or it was deleted elsewhere. Look in Sent in a moment.</source>
        <translation>Nicht mehr im Postausgang: Exchange sendet sie, oder sie wurde anderswo gelöscht. Sehen Sie gleich in Gesendete Elemente nach.</translation>
    </message>
    <message>
        <source>It changed in the Outbox meanwhile: look at it again</source>
        <translation>Sie hat sich inzwischen im Postausgang geändert: Sehen Sie sie erneut an</translation>
    </message>
    <message>
        <source>Taken back: it is in Drafts (it could not be opened: {reason})</source>
        <translation>Zurückgeholt: Sie ist in Entwürfe (sie konnte nicht geöffnet werden: {reason})</translation>
    </message>
    <message>
        <source>Sending “{subject}” now</source>
        <translation>„{subject}“ wird jetzt gesendet</translation>
    </message>
    <message>
        <source>“{subject}” now sends at {time}</source>
        <translation>„{subject}“ geht jetzt um {time} hinaus</translation>
    </message>
</context>
<context>
    <name>SendChecks</name>
    <message>
        <source>The domain of “{address}” does not exist (the DNS has no “{domain}”): a typing mistake?</source>
        <translation>Die Domain von „{address}“ existiert nicht (das DNS kennt „{domain}“ nicht): ein Tippfehler?</translation>
    </message>
</context>
<context>
    <name>SendingLimits</name>
    <message>
        <source>Waiting for {name}'s {limit}-recipients-a-day limit</source>
        <translation>Wartet auf das Tageslimit von {limit} Empfängern von {name}</translation>
    </message>
    <message>
        <source>Not sent: more than {limit} recipients, which {name} refuses</source>
        <extracomment>a row's words when its message has more recipients than one message may have</extracomment>
        <translation>Nicht gesendet: mehr als {limit} Empfänger, die {name} ablehnt</translation>
    </message>
    <message>
        <source>In the Outbox until {time}: waiting for {name}'s {limit}-recipients-a-day limit</source>
        <translation>Im Postausgang bis {time}: wartet auf das Tageslimit von {limit} Empfängern von {name}</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message numerus="yes">
        <source>{refused} of these {total} recipients would be refused today by {name}'s {limit}-a-day limit.</source>
        <translation>
            <numerusform>{refused} dieser {total} Empfänger würde heute durch das Tageslimit von {limit} von {name} abgelehnt.</numerusform>
            <numerusform>{refused} dieser {total} Empfänger würden heute durch das Tageslimit von {limit} von {name} abgelehnt.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message has more than {limit} recipients, which {name} refuses: it is not sent.</source>
        <translation>1 Nachricht hat mehr als {limit} Empfänger, die {name} ablehnt: Sie wird nicht gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>{count} messages have more than {limit} recipients, which {name} refuses: they are not sent.</source>
        <translation>
            <numerusform>{count} Nachricht hat mehr als {limit} Empfänger, die {name} ablehnt: Sie wird nicht gesendet.</numerusform>
            <numerusform>{count} Nachrichten haben mehr als {limit} Empfänger, die {name} ablehnt: Sie werden nicht gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>No dictionary for {asked}; using {fallback}.</source>
        <translation>Kein Wörterbuch für {asked}; {fallback} wird verwendet.</translation>
    </message>
    <message>
        <source>Spell check is starting…</source>
        <extracomment>what the spell check says until its dictionary is loaded</extracomment>
        <translation>Rechtschreibprüfung wird gestartet…</translation>
    </message>
    <message>
        <source>Spell check is off: the enchant library is missing ({hint}).</source>
        <translation>Rechtschreibprüfung aus: Die enchant-Bibliothek fehlt ({hint}).</translation>
    </message>
    <message>
        <source>Spell check is off.</source>
        <translation>Rechtschreibprüfung aus.</translation>
    </message>
    <message>
        <source>Spell check is off: no dictionary is installed ({hint}).</source>
        <translation>Rechtschreibprüfung aus: Kein Wörterbuch installiert ({hint}).</translation>
    </message>
    <message>
        <source>Spell check is off: the {tag} dictionary could not be opened.</source>
        <translation>Rechtschreibprüfung aus: Das Wörterbuch {tag} konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>{above}
{below}</source>
        <translation>{above}
{below}</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first}; {then}</translation>
    </message>
    <message>
        <source>{first} {then}</source>
        <translation>{first} {then}</translation>
    </message>
</context>
</TS>
