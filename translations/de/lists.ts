<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>BatchUndo</name>
    <message>
        <source>Drafts</source>
        <extracomment>where a batch taken back stays, unless its owner says otherwise</extracomment>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Undo send bar ({kept})</source>
        <translation>Leiste „Senden rückgängig“ ({kept})</translation>
    </message>
    <message>
        <source>Undo sending these messages</source>
        <translation>Senden dieser Nachrichten rückgängig machen</translation>
    </message>
    <message>
        <source>Keep them in {kept}, unsent (Ctrl+Z)</source>
        <translation>Ungesendet im Ordner „{kept}“ behalten (Strg+Z)</translation>
    </message>
    <message>
        <source>Sending {what} in {left} s — Ctrl+Z or Undo keeps it in {kept}</source>
        <translation>{what} wird in {left} s gesendet – mit Strg+Z oder „Rückgängig“ bleibt alles im Ordner „{kept}“</translation>
    </message>
    <message>
        <source>Sending {what} in {left} s — Ctrl+Z or Undo keeps them in {kept}</source>
        <translation>{what} werden in {left} s gesendet – mit Strg+Z oder „Rückgängig“ bleibt alles im Ordner „{kept}“</translation>
    </message>
    <message>
        <source>Not sent: {what} stays in {kept}</source>
        <translation>Nicht gesendet: {what} bleibt im Ordner „{kept}“</translation>
    </message>
    <message>
        <source>Not sent: {what} stay in {kept}</source>
        <translation>Nicht gesendet: {what} bleiben im Ordner „{kept}“</translation>
    </message>
    <message numerus="yes">
        <source>Not sent: %Ln stay(s) in {kept}</source>
        <extracomment>part of a batch taken back: &quot;Not sent: 2 stay in Drafts&quot; (English: &quot;1 stays&quot;, &quot;2 stay&quot;)</extracomment>
        <translation>
            <numerusform>Nicht gesendet: %Ln bleibt im Ordner „{kept}“</numerusform>
            <numerusform>Nicht gesendet: %Ln bleiben im Ordner „{kept}“</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message numerus="yes">
        <source>“{subject}” could not be delivered to %Ln recipient(s): {who}.</source>
        <translation>
            <numerusform>„{subject}“ konnte %Ln Empfänger nicht zugestellt werden: {who}.</numerusform>
            <numerusform>„{subject}“ konnte %Ln Empfängern nicht zugestellt werden: {who}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent message(s) could not be delivered to everyone: “{subject}” and the others are marked in Sent.</source>
        <translation>
            <numerusform>%Ln gesendete Nachricht konnte nicht allen zugestellt werden: „{subject}“ und die anderen sind in Gesendet markiert.</numerusform>
            <numerusform>%Ln gesendete Nachrichten konnten nicht allen zugestellt werden: „{subject}“ und die anderen sind in Gesendet markiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln address(es) will no longer be suggested.</source>
        <translation>
            <numerusform>%Ln Adresse wird nicht mehr vorgeschlagen.</numerusform>
            <numerusform>%Ln Adressen werden nicht mehr vorgeschlagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a sent message a report says did not reach someone: its preview lists who, and Ctrl+Shift+B writes to them again</source>
        <translation>Wählen Sie eine gesendete Nachricht, die laut einem Bericht jemanden nicht erreicht hat: ihre Vorschau nennt wen, und Strg+Umschalt+B schreibt ihnen erneut</translation>
    </message>
    <message>
        <source>A copy for the recipients it did not reach: check each address, then Ctrl+Return</source>
        <translation>Eine Kopie für die Empfänger, die sie nicht erreicht hat: prüfen Sie jede Adresse, dann Strg+Eingabe</translation>
    </message>
    <message>
        <source>Show in &amp;Sent</source>
        <translation>In &amp;Gesendet zeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>DraftsFlows</name>
    <message>
        <source>Not sent: a newer version of this draft is on this computer, not yet saved to the server. Open it (Enter) to check it, then send it from Compose</source>
        <extracomment>Send selected on a draft whose newer version is on this computer only: the server&apos;s older one is not sent (Words: the row shows it in the user&apos;s language; the outcome&apos;s explanation is the core&apos;s kind of words)</extracomment>
        <translation>Nicht gesendet: Auf diesem Computer gibt es eine neuere Version dieses Entwurfs, die noch nicht auf dem Server gespeichert ist. Öffnen Sie sie (Eingabetaste), prüfen Sie sie und senden Sie sie dann aus „Verfassen“</translation>
    </message>
    <message>
        <source>Sending…</source>
        <extracomment>a draft that passed the check and goes on (its row, and the status bar&apos;s count of them)</extracomment>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Select drafts, then press Ctrl+Shift+Return to send them</source>
        <translation>Wählen Sie Entwürfe aus und drücken Sie dann Strg+Umschalt+Eingabe, um sie zu senden</translation>
    </message>
    <message>
        <source>Select drafts to send (Shift+Up/Down, Ctrl+A)</source>
        <translation>Wählen Sie die zu sendenden Entwürfe aus (Umschalt+Auf/Ab, Strg+A)</translation>
    </message>
    <message numerus="yes">
        <source>Sending %Ln draft(s)…</source>
        <translation>
            <numerusform>%Ln Entwurf wird gesendet…</numerusform>
            <numerusform>%Ln Entwürfe werden gesendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <extracomment>the batch&apos;s rows while Compose&apos;s check reads them (what is sent is decided by it: DraftsQuestions.checked)</extracomment>
        <translation>Wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>Checking %Ln draft(s)…</source>
        <translation>
            <numerusform>%Ln Entwurf wird geprüft…</numerusform>
            <numerusform>%Ln Entwürfe werden geprüft…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) could not be deleted: {why}</source>
        <translation>
            <numerusform>%Ln Entwurf konnte nicht gelöscht werden: {why}</numerusform>
            <numerusform>%Ln Entwürfe konnten nicht gelöscht werden: {why}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln draft(s)</source>
        <translation>
            <numerusform>%Ln Entwurf gelöscht</numerusform>
            <numerusform>%Ln Entwürfe gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Already open in Compose</source>
        <translation>Bereits in „Verfassen“ geöffnet</translation>
    </message>
    <message>
        <source>Opening draft…</source>
        <translation>Entwurf wird geöffnet…</translation>
    </message>
    <message>
        <source>Opened the version kept on this computer: it is newer than the server&apos;s (not saved to the server yet)</source>
        <translation>Die auf diesem Computer aufbewahrte Version wurde geöffnet: Sie ist neuer als die des Servers (noch nicht auf dem Server gespeichert)</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>Could not delete: {why}</source>
        <translation>Löschen nicht möglich: {why}</translation>
    </message>
    <message>
        <source>Could not load the draft: {why}</source>
        <translation>Der Entwurf konnte nicht geladen werden: {why}</translation>
    </message>
    <message>
        <source>Could not load the message: {why}</source>
        <translation>Die Nachricht konnte nicht geladen werden: {why}</translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message>
        <source>No drafts. A message you save (Ctrl+S) waits here until you send it: Enter opens it, Ctrl+Shift+Return sends the selected ones.</source>
        <translation>Keine Entwürfe. Eine Nachricht, die Sie speichern (Strg+S), wartet hier, bis Sie sie senden: die Eingabetaste öffnet sie, Strg+Umschalt+Eingabe sendet die ausgewählten.</translation>
    </message>
    <message>
        <source>Undo bar</source>
        <translation>Leiste „Rückgängig“</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh drafts</source>
        <translation>Entwürfe aktualisieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete selected drafts</source>
        <translation>Ausgewählte Entwürfe löschen</translation>
    </message>
    <message>
        <source>Send selected</source>
        <translation>Auswahl senden</translation>
    </message>
    <message>
        <source>Send selected drafts</source>
        <translation>Ausgewählte Entwürfe senden</translation>
    </message>
    <message>
        <source>Send selected (Ctrl+Shift+Return)</source>
        <translation>Auswahl senden (Strg+Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Drafts list</source>
        <translation>Liste der Entwürfe</translation>
    </message>
    <message>
        <source>Draft preview</source>
        <translation>Entwurfsvorschau</translation>
    </message>
    <message>
        <source>Preview subject</source>
        <translation>Betreff der Vorschau</translation>
    </message>
    <message>
        <source>Preview headers</source>
        <translation>Kopfzeilen der Vorschau</translation>
    </message>
    <message>
        <source>Preview body</source>
        <translation>Text der Vorschau</translation>
    </message>
    <message>
        <source>Preview attachments</source>
        <translation>Anlagen der Vorschau</translation>
    </message>
    <message>
        <source>Why it was not sent</source>
        <translation>Warum der Entwurf nicht gesendet wurde</translation>
    </message>
    <message>
        <source>Select a draft</source>
        <translation>Entwurf auswählen</translation>
    </message>
    <message>
        <source>&amp;Open draft</source>
        <translation>Entwurf ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Delete draft</source>
        <translation>Entwurf &amp;löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln draft(s) — Ctrl+Z to undo</source>
        <translation>
            <numerusform>%Ln Entwurf gelöscht – Strg+Z macht es rückgängig</numerusform>
            <numerusform>%Ln Entwürfe gelöscht – Strg+Z macht es rückgängig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) · loading…</source>
        <translation>
            <numerusform>%Ln Entwurf · wird geladen…</numerusform>
            <numerusform>%Ln Entwürfe · wird geladen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s)</source>
        <translation>
            <numerusform>%Ln Entwurf</numerusform>
            <numerusform>%Ln Entwürfe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>Reply all: write above the quoted message, then Ctrl+Return</source>
        <extracomment>what the status bar says once Compose shows it</extracomment>
        <translation>Allen antworten: Schreiben Sie über der zitierten Nachricht, dann Strg+Eingabe</translation>
    </message>
    <message>
        <source>Forward: type who it goes to, then Ctrl+Return</source>
        <translation>Weiterleiten: Geben Sie die Empfänger ein, dann Strg+Eingabe</translation>
    </message>
    <message>
        <source>A copy of the sent message: a new message, not saved yet</source>
        <translation>Eine Kopie der gesendeten Nachricht: eine neue Nachricht, noch nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>JournalBridge</name>
    <message>
        <source>Sending cancelled: the message is back in Compose</source>
        <translation>Senden abgebrochen: Die Nachricht ist wieder in „Verfassen“</translation>
    </message>
    <message>
        <source>Typing is not protected: the local journal cannot be written ({why}). Messages are only kept once saved to the server.</source>
        <translation>Die Eingabe ist nicht geschützt: Das lokale Journal kann nicht geschrieben werden ({why}). Nachrichten bleiben erst erhalten, wenn sie auf dem Server gespeichert sind.</translation>
    </message>
    <message>
        <source>Typing is not protected</source>
        <translation>Die Eingabe ist nicht geschützt</translation>
    </message>
    <message>
        <source>Journal replaced</source>
        <translation>Journal ersetzt</translation>
    </message>
    <message>
        <source>The local journal was damaged: it was set aside as {name} and a new one started.</source>
        <translation>Das lokale Journal war beschädigt: Es wurde als {name} beiseitegelegt und ein neues angelegt.</translation>
    </message>
    <message>
        <source>Taken out of the Outbox by dispatch-mail: the message is back in Compose</source>
        <translation>Von dispatch-mail aus dem Postausgang genommen: Die Nachricht ist wieder in „Verfassen“</translation>
    </message>
    <message>
        <source>Taken out of the Outbox by dispatch-mail: the message goes to Drafts</source>
        <translation>Von dispatch-mail aus dem Postausgang genommen: Die Nachricht kommt in die Entwürfe</translation>
    </message>
    <message>
        <source>The server asked to sign in again. Messages in the Outbox wait until you do (enter the password, or Retry).</source>
        <translation>Der Server verlangt eine erneute Anmeldung. Nachrichten im Postausgang warten, bis Sie sich angemeldet haben (Kennwort eingeben oder „Wiederholen“).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln other unsaved message(s) were restored to Drafts</source>
        <translation>
            <numerusform>%Ln weitere nicht gespeicherte Nachricht wurde in den Entwürfen wiederhergestellt</numerusform>
            <numerusform>%Ln weitere nicht gespeicherte Nachrichten wurden in den Entwürfen wiederhergestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: messages waiting for the server</source>
        <translation>Postausgang: Nachrichten, die auf den Server warten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Out&amp;box</source>
        <translation>&amp;Postausgang</translation>
    </message>
    <message>
        <source>Outbox: messages waiting for the server (Ctrl+4)</source>
        <translation>Postausgang: Nachrichten, die auf den Server warten (Strg+4)</translation>
    </message>
    <message>
        <source>Not sent: the .eml file was taken out of the Outbox (the file is unchanged; Ctrl+O opens it to edit)</source>
        <translation>Nicht gesendet: Die .eml-Datei wurde aus dem Postausgang genommen (die Datei ist unverändert; Strg+O öffnet sie zum Bearbeiten)</translation>
    </message>
    <message>
        <source>Not sent: the message was put in Drafts (fix the one on screen first)</source>
        <translation>Nicht gesendet: Die Nachricht wurde in die Entwürfe gelegt (korrigieren Sie zuerst die angezeigte)</translation>
    </message>
    <message>
        <source>Not sent: the draft stays in Drafts</source>
        <translation>Nicht gesendet: Der Entwurf bleibt in den Entwürfen</translation>
    </message>
    <message>
        <source>Delete this message?</source>
        <translation>Diese Nachricht löschen?</translation>
    </message>
    <message>
        <source>The message is removed from the Outbox and will not be sent.</source>
        <translation>Die Nachricht wird aus dem Postausgang entfernt und nicht gesendet.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Not deleted: this computer could not record it. The message stays in the Outbox and is not sent</source>
        <translation>Nicht gelöscht: Dieser Computer konnte es nicht aufzeichnen. Die Nachricht bleibt im Postausgang und wird nicht gesendet</translation>
    </message>
</context>
<context>
    <name>LimitsQuestion</name>
    <message>
        <source>Send these drafts?</source>
        <translation>Diese Entwürfe senden?</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Nicht senden</translation>
    </message>
</context>
<context>
    <name>ListStatus</name>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendete Elemente</translation>
    </message>
    <message>
        <source>Could not load {name}: {why}</source>
        <translation>{name} konnte nicht geladen werden: {why}</translation>
    </message>
</context>
<context>
    <name>ListTable</name>
    <message>
        <source>{name} row header</source>
        <translation>Zeilenkopf von {name}</translation>
    </message>
    <message>
        <source>{name} columns</source>
        <translation>Spalten von {name}</translation>
    </message>
    <message>
        <source>{title} title</source>
        <translation>Titel der Seite {title}</translation>
    </message>
    <message>
        <source>{title} count</source>
        <translation>Anzahl auf der Seite {title}</translation>
    </message>
    <message>
        <source>No account yet — press Ctrl+, (or File → Account settings…) to add one, or use the sandbox mailbox (Ctrl+1, then “Use sandbox”).</source>
        <translation>Noch kein Konto – drücken Sie Strg+, (oder Datei → Kontoeinstellungen…), um eines hinzuzufügen, oder verwenden Sie das Test-Postfach (Strg+1, dann „Sandbox verwenden“).</translation>
    </message>
    <message>
        <source>{name} empty</source>
        <translation>{name} leer</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Has attachments</source>
        <translation>Mit Anlagen</translation>
    </message>
    <message>
        <source>{row}, {status}</source>
        <translation>{row}, {status}</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>NewerMarks</name>
    <message>
        <source>Newer version on this computer, not yet saved to the server: Enter opens it</source>
        <extracomment>a Drafts row&apos;s Status when this computer holds a newer version of it than the server (Words: the row shows it in the user&apos;s language, and it is found again by what it is, whatever the language)</extracomment>
        <translation>Neuere Version auf diesem Computer, noch nicht auf dem Server gespeichert: Die Eingabetaste öffnet sie</translation>
    </message>
</context>
<context>
    <name>OutboxKept</name>
    <message>
        <source>The server&apos;s Outbox could not be read: {why}</source>
        <translation>Der Postausgang des Servers konnte nicht gelesen werden: {why}</translation>
    </message>
    <message>
        <source>It is no longer in the Outbox: press F5 to read it again</source>
        <translation>Sie ist nicht mehr im Postausgang: F5 liest ihn erneut</translation>
    </message>
    <message>
        <source>Taken back: it is in Drafts, not sent (fix the message on screen first to open it)</source>
        <translation>Zurückgeholt: Sie ist in Entwürfe, nicht gesendet (korrigieren Sie erst die Nachricht auf dem Bildschirm, um sie zu öffnen)</translation>
    </message>
    <message>
        <source>Taken back from Exchange: not sent, its time removed; the message is back in Compose</source>
        <translation>Von Exchange zurückgeholt: nicht gesendet, ihre Zeit entfernt; die Nachricht ist wieder in Verfassen</translation>
    </message>
    <message>
        <source>Nothing changed: {why}</source>
        <translation>Nichts geändert: {why}</translation>
    </message>
    <message>
        <source>Deleted: it will not be sent (it is in Deleted Items)</source>
        <translation>Gelöscht: Sie wird nicht gesendet (sie ist in Gelöschte Elemente)</translation>
    </message>
    <message>
        <source>Delete this message?</source>
        <translation>Diese Nachricht löschen?</translation>
    </message>
    <message>
        <source>Exchange will not send it: it goes to Deleted Items.</source>
        <translation>Exchange sendet sie nicht: Sie kommt in Gelöschte Elemente.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>It is being sent right now and can no longer be deleted</source>
        <translation>Sie wird gerade gesendet und kann nicht mehr gelöscht werden</translation>
    </message>
    <message>
        <source>That message is not in the Sent list yet: its copy may still be on its way. Press F5 to reload the list, then look again.</source>
        <translation>Diese Nachricht ist noch nicht in „Gesendete Elemente“: Ihre Kopie ist vielleicht noch unterwegs. Drücken Sie F5, um die Liste neu zu laden, und sehen Sie dann noch einmal nach.</translation>
    </message>
    <message>
        <source>Removed from this list: the message is in Sent (Ctrl+3)</source>
        <translation>Aus dieser Liste entfernt: Die Nachricht ist in „Gesendete Elemente“ (Strg+3)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Send the selected failed message again (Ctrl+R)</source>
        <translation>Die ausgewählte nicht gesendete Nachricht erneut senden (Strg+R)</translation>
    </message>
    <message>
        <source>Change time…</source>
        <translation>Zeit ändern…</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Jetzt versuchen</translation>
    </message>
    <message>
        <source>Try everything waiting now instead of after the wait</source>
        <translation>Alles Wartende jetzt versuchen statt nach der Wartezeit</translation>
    </message>
    <message>
        <source>Nothing waiting: every message reached the server.

When the server cannot be reached, messages you send wait here and go out by themselves once it is back.</source>
        <translation>Nichts wartet: Alle Nachrichten haben den Server erreicht.

Wenn der Server nicht erreichbar ist, warten gesendete Nachrichten hier und gehen von selbst hinaus, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>Messages waiting for the server</source>
        <translation>Nachrichten, die auf den Server warten</translation>
    </message>
    <message>
        <source>Outbox row header</source>
        <translation>Zeilenkopf des Postausgangs</translation>
    </message>
    <message>
        <source>Outbox columns</source>
        <translation>Spalten des Postausgangs</translation>
    </message>
    <message>
        <source>Edit in Compose</source>
        <translation>In „Verfassen“ bearbeiten</translation>
    </message>
    <message>
        <source>Delete from Outbox</source>
        <translation>Aus dem Postausgang löschen</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Senden wiederholen</translation>
    </message>
    <message>
        <source>Not delivered to everyone: {subject}</source>
        <translation>Nicht an alle zugestellt: {subject}</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln wartend</numerusform>
            <numerusform>%Ln wartend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not sent</source>
        <translation>
            <numerusform>%Ln nicht gesendet</numerusform>
            <numerusform>%Ln nicht gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: {subject}</source>
        <translation>Nicht gesendet: {subject}</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <source>Open in Sent</source>
        <translation>In „Gesendete Elemente“ öffnen</translation>
    </message>
    <message>
        <source>Remove from this list</source>
        <translation>Aus dieser Liste entfernen</translation>
    </message>
    <message>
        <source>Already sent: there is nothing to send again (Enter opens it in Sent)</source>
        <translation>Bereits gesendet: Es gibt nichts erneut zu senden (die Eingabetaste öffnet sie in „Gesendete Elemente“)</translation>
    </message>
    <message>
        <source>Only a message that was not sent can be sent again (Ctrl+R)</source>
        <translation>Nur eine nicht gesendete Nachricht kann erneut gesendet werden (Strg+R)</translation>
    </message>
    <message>
        <source>Take the selected message back into Compose (Enter)</source>
        <translation>Die ausgewählte Nachricht zurück in „Verfassen“ holen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Delete the selected message (Delete)</source>
        <translation>Die ausgewählte Nachricht löschen (Entf)</translation>
    </message>
    <message>
        <source>Change when the selected message goes (Ctrl+Shift+T)</source>
        <translation>Ändern, wann die ausgewählte Nachricht hinausgeht (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <source>Open the selected message in Sent (Enter)</source>
        <translation>Die ausgewählte Nachricht in „Gesendete Elemente“ öffnen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Remove the selected sent message from this list; it stays in Sent (Delete)</source>
        <translation>Die ausgewählte gesendete Nachricht aus dieser Liste entfernen; sie bleibt in „Gesendete Elemente“ (Entf)</translation>
    </message>
    <message>
        <source>It may already have gone out (Dispatch is checking with the server): it can no longer be deleted</source>
        <translation>Sie ist vielleicht schon hinausgegangen (Dispatch fragt beim Server nach): Sie kann nicht mehr gelöscht werden</translation>
    </message>
    <message>
        <source>It may already have gone out (Dispatch is checking with the server): it can no longer be taken back</source>
        <translation>Sie ist vielleicht schon hinausgegangen (Dispatch fragt beim Server nach): Sie kann nicht mehr zurückgeholt werden</translation>
    </message>
    <message>
        <source>It is being sent right now and can no longer be taken back</source>
        <translation>Sie wird gerade gesendet und kann nicht mehr zurückgeholt werden</translation>
    </message>
</context>
<context>
    <name>SendSelected</name>
    <message>
        <source>Waiting to send</source>
        <extracomment>a held row&apos;s words, as the Outbox says them: short enough for the Status column at 683 px (the countdown bar under the list says when, and that Ctrl+Z keeps them)</extracomment>
        <translation>Wartet auf Senden</translation>
    </message>
    <message>
        <source>Not sent: kept in Drafts (you chose not to send over the sending limits)</source>
        <extracomment>a row&apos;s words when the user chose not to send a batch over the sending limits</extracomment>
        <translation>Nicht gesendet: in den Entwürfen behalten (Sie haben entschieden, nicht über die Sendelimits hinaus zu senden)</translation>
    </message>
    <message>
        <source>Not sent: {why}</source>
        <translation>Nicht gesendet: {why}</translation>
    </message>
    <message>
        <source>Will not be sent: {why}</source>
        <extracomment>a draft Compose&apos;s check holds back, said from the moment it is known (before the countdown): the core&apos;s words</extracomment>
        <translation>Wird nicht gesendet: {why}</translation>
    </message>
    <message>
        <source>In the Outbox: {why}</source>
        <translation>Im Postausgang: {why}</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>wartet auf Senden</translation>
    </message>
    <message>
        <source>Not sent: taken back (Undo)</source>
        <translation>Nicht gesendet: zurückgeholt (Rückgängig)</translation>
    </message>
    <message>
        <source>Not sent: taken out of the Outbox</source>
        <translation>Nicht gesendet: aus dem Postausgang genommen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s)</source>
        <extracomment>what a batch is, in its countdown (&quot;Sending 3 drafts in 10 s&quot;)</extracomment>
        <translation>
            <numerusform>%Ln Entwurf</numerusform>
            <numerusform>%Ln Entwürfe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentView</name>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln Nachricht</numerusform>
            <numerusform>%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent: reply &amp;all</source>
        <extracomment>Following up the previewed message: (name, words, keys, tip, what it is called). Thunderbird&apos;s and Outlook&apos;s keys where the window has them free: Reply all Ctrl+Shift+R (both), Forward Ctrl+L (Thunderbird; Outlook&apos;s Ctrl+F is Find here), Edit as new Ctrl+E (Thunderbird&apos;s &quot;Edit As New Message&quot;)</extracomment>
        <translation>Gesendet: allen antw&amp;orten</translation>
    </message>
    <message>
        <source>Reply to everyone the sent message went to</source>
        <translation>Allen Empfängern der gesendeten Nachricht antworten</translation>
    </message>
    <message>
        <source>Reply all</source>
        <translation>Allen antworten</translation>
    </message>
    <message>
        <source>Sent: &amp;forward</source>
        <translation>Gesendet: &amp;weiterleiten</translation>
    </message>
    <message>
        <source>Forward the sent message with its attachments</source>
        <translation>Die gesendete Nachricht mit ihren Anlagen weiterleiten</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Weiterleiten</translation>
    </message>
    <message>
        <source>Sent: edit as ne&amp;w</source>
        <translation>Gesendet: als &amp;neu bearbeiten</translation>
    </message>
    <message>
        <source>A copy of the sent message as a new one</source>
        <translation>Eine Kopie der gesendeten Nachricht als neue Nachricht</translation>
    </message>
    <message>
        <source>Edit as new</source>
        <translation>Als neu bearbeiten</translation>
    </message>
    <message>
        <source>Personal</source>
        <extracomment>a sensitivity other than Normal, as the preview names it (the enum&apos;s value is Exchange&apos;s word)</extracomment>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Vertraulich</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Antwort an</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Vertraulichkeit</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendete Elemente</translation>
    </message>
    <message>
        <source>Sent list</source>
        <translation>Liste der gesendeten Elemente</translation>
    </message>
    <message>
        <source>Message preview</source>
        <translation>Nachrichtenvorschau</translation>
    </message>
    <message>
        <source>Preview note</source>
        <translation>Hinweis der Vorschau</translation>
    </message>
    <message>
        <source>Select a message</source>
        <translation>Nachricht auswählen</translation>
    </message>
    <message>
        <source>Preview subject</source>
        <translation>Betreff der Vorschau</translation>
    </message>
    <message>
        <source>Preview headers</source>
        <translation>Kopfzeilen der Vorschau</translation>
    </message>
    <message>
        <source>Preview body</source>
        <translation>Text der Vorschau</translation>
    </message>
    <message>
        <source>Preview attachments</source>
        <translation>Anlagen der Vorschau</translation>
    </message>
    <message>
        <source>Saved attachments</source>
        <translation>Gespeicherte Anlagen</translation>
    </message>
    <message>
        <source>Sent: resend to those that fa&amp;iled</source>
        <translation>Gesendet: erneut an die nicht E&amp;rreichten</translation>
    </message>
    <message>
        <source>A new message to the recipients a report says the previewed message did not reach (Ctrl+Shift+B)</source>
        <translation>Eine neue Nachricht an die Empfänger, die die angezeigte Nachricht laut einem Bericht nicht erreicht hat (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>Sa&amp;ve attachments…</source>
        <translation>Anlagen spei&amp;chern…</translation>
    </message>
    <message>
        <source>Save the previewed message&apos;s attachments to a folder (Ctrl+Shift+S)</source>
        <translation>Die Anlagen der angezeigten Nachricht in einem Ordner speichern (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>{header}: {value}</source>
        <translation>{header}: {value}</translation>
    </message>
    <message>
        <source>Attachments: {names}</source>
        <translation>Anlagen: {names}</translation>
    </message>
    <message>
        <source>{what} works on a sent message: press Ctrl+3, select it, then {keys}</source>
        <translation>„{what}“ gilt für eine gesendete Nachricht: Drücken Sie Strg+3, wählen Sie sie aus, dann {keys}</translation>
    </message>
    <message>
        <source>Select a message first (and wait for its preview); {keys} then opens it in Compose</source>
        <translation>Wählen Sie zuerst eine Nachricht aus (und warten Sie auf ihre Vorschau); {keys} öffnet sie dann in „Verfassen“</translation>
    </message>
    <message>
        <source>Attachments are saved from the Sent preview: press Ctrl+3, select a message, then Ctrl+Shift+S</source>
        <translation>Anlagen werden aus der Vorschau von „Gesendete Elemente“ gespeichert: Drücken Sie Strg+3, wählen Sie eine Nachricht aus, dann Strg+Umschalt+S</translation>
    </message>
    <message>
        <source>Nothing to save: the previewed message has no attachments</source>
        <translation>Nichts zu speichern: Die angezeigte Nachricht hat keine Anlagen</translation>
    </message>
    <message>
        <source>Select a message first; its attachments are saved from the preview</source>
        <translation>Wählen Sie zuerst eine Nachricht aus; ihre Anlagen werden aus der Vorschau gespeichert</translation>
    </message>
    <message>
        <source>{who}: not delivered{code}. {what} {fix}</source>
        <translation>{who}: nicht zugestellt{code}. {what} {fix}</translation>
    </message>
    <message>
        <source>{who}: {state}</source>
        <translation>{who}: {state}</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Resend to those that failed</source>
        <translation>Erneut an die nicht Erreichten</translation>
    </message>
    <message>
        <source>Remove from suggestions</source>
        <translation>Aus den Vorschlägen entfernen</translation>
    </message>
</context>
<context>
    <name>SpokenDate</name>
    <message>
        <source>{day} at {time}</source>
        <translation>{day} um {time}</translation>
    </message>
</context>
</TS>
