<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Compose</name>
    <message>
        <source>Opening this message…</source>
        <extracomment>what the empty editor says while the helper works (in place of &quot;Write your message…&quot;)</extracomment>
        <translation>Diese Nachricht wird geöffnet…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <extracomment>Compose&apos;s state while its message is on its way</extracomment>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>{warnings}

Send it anyway?</source>
        <translation>{warnings}

Trotzdem senden?</translation>
    </message>
    <message>
        <source>Send without a subject?</source>
        <translation>Ohne Betreff senden?</translation>
    </message>
    <message>
        <source>Send without an attachment?</source>
        <translation>Ohne Anlage senden?</translation>
    </message>
    <message>
        <source>Send anyway?</source>
        <translation>Trotzdem senden?</translation>
    </message>
    <message>
        <source>&amp;Send anyway</source>
        <translation>&amp;Trotzdem senden</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Zurück zur Nachricht</translation>
    </message>
    <message>
        <source>Discard undo bar</source>
        <translation>Leiste zum Rückgängigmachen des Verwerfens</translation>
    </message>
    <message>
        <source>Discard notice</source>
        <translation>Hinweis zum Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo discard</source>
        <translation>Verwerfen rückgängig machen</translation>
    </message>
    <message>
        <source>Bring the message back (Ctrl+Z)</source>
        <translation>Nachricht zurückholen (Strg+Z)</translation>
    </message>
    <message>
        <source>Nothing to discard</source>
        <translation>Nichts zu verwerfen</translation>
    </message>
    <message>
        <source>Message discarded (it is deleted from Drafts when this bar goes) — Ctrl+Z to undo</source>
        <translation>Nachricht verworfen (sie wird aus den Entwürfen gelöscht, sobald diese Leiste verschwindet) — Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Message discarded — Ctrl+Z to undo</source>
        <translation>Nachricht verworfen — Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Discarded: {subject}</source>
        <translation>Verworfen: {subject}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>That message was written under another account</source>
        <translation>Diese Nachricht wurde mit einem anderen Konto verfasst</translation>
    </message>
    <message>
        <source>The message is back</source>
        <translation>Die Nachricht ist wieder da</translation>
    </message>
    <message>
        <source>The discarded message was being saved: it stays in Drafts</source>
        <translation>Die verworfene Nachricht wurde gerade gespeichert: Sie bleibt in den Entwürfen</translation>
    </message>
    <message>
        <source>The discarded message is still in Drafts: {reason}</source>
        <translation>Die verworfene Nachricht ist noch in den Entwürfen: {reason}</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Wird geöffnet…</translation>
    </message>
    <message>
        <source>Opening… {percent}%</source>
        <extracomment>the same with how much of it is in</extracomment>
        <translation>Wird geöffnet… {percent} %</translation>
    </message>
    <message>
        <source>Edited — not saved to the server</source>
        <extracomment>the state of a draft whose edits are on this computer only (typed since its last save, or restored)</extracomment>
        <translation>Bearbeitet – nicht auf dem Server gespeichert</translation>
    </message>
    <message>
        <source>Kept on this computer</source>
        <extracomment>the state once what is typed is in the local journal (&quot;Not saved&quot; would be untrue then)</extracomment>
        <translation>Auf diesem Computer gesichert</translation>
    </message>
    <message>
        <source>Edited — kept on this computer</source>
        <extracomment>the same for a draft whose older copy is in Drafts</extracomment>
        <translation>Bearbeitet – auf diesem Computer gesichert</translation>
    </message>
    <message>
        <source>Saved to Drafts</source>
        <extracomment>the state once the server&apos;s Drafts has the message as it is on screen</extracomment>
        <translation>In Entwürfen gespeichert</translation>
    </message>
    <message>
        <source>Not saved</source>
        <extracomment>the state of a message neither in the journal nor in Drafts</extracomment>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Not sent</source>
        <extracomment>the state of a message whose send was refused</extracomment>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Saving the long body…</source>
        <extracomment>the state beside the title while a long rich body is written out (Qt&apos;s toHtml(), one call)</extracomment>
        <translation>Der lange Nachrichtentext wird gespeichert…</translation>
    </message>
    <message>
        <source>New message</source>
        <extracomment>the title of a message with no subject yet</extracomment>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>Draft</source>
        <extracomment>the title of a saved draft with no subject</extracomment>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Verfassen</translation>
    </message>
    <message>
        <source>Compose title</source>
        <translation>Titel der Nachricht</translation>
    </message>
    <message>
        <source>Draft state</source>
        <translation>Status des Entwurfs</translation>
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
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject length</source>
        <translation>Länge des Betreffs</translation>
    </message>
    <message>
        <source>Rich text</source>
        <translation>Rich-Text</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
    <message>
        <source>Low importance</source>
        <translation>Niedrige Wichtigkeit</translation>
    </message>
    <message>
        <source>Normal importance</source>
        <translation>Normale Wichtigkeit</translation>
    </message>
    <message>
        <source>High importance</source>
        <translation>Hohe Wichtigkeit</translation>
    </message>
    <message>
        <source>Read receipt</source>
        <translation>Lesebestätigung</translation>
    </message>
    <message>
        <source>Request read receipt</source>
        <translation>Lesebestätigung anfordern</translation>
    </message>
    <message>
        <source>Delivery receipt</source>
        <translation>Übermittlungsbestätigung</translation>
    </message>
    <message>
        <source>Request delivery receipt</source>
        <translation>Übermittlungsbestätigung anfordern</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Write your message…</source>
        <translation>Schreiben Sie Ihre Nachricht…</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Message error</source>
        <translation>Fehler in der Nachricht</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anfügen…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anfügen</translation>
    </message>
    <message>
        <source>Attach files ({keys})</source>
        <translation>Dateien anfügen ({keys})</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Save draft ({keys})</source>
        <translation>Entwurf speichern ({keys})</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send ({keys})</source>
        <translation>Senden ({keys})</translation>
    </message>
    <message>
        <source>Subjects are limited to {most} characters; this one has {n}. Shorten it to save or send.</source>
        <translation>Ein Betreff darf höchstens {most} Zeichen lang sein; dieser hat {n}. Kürzen Sie ihn, um zu speichern oder zu senden.</translation>
    </message>
    <message>
        <source>Subjects are limited to {most} characters.</source>
        <translation>Ein Betreff darf höchstens {most} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Not flagged</source>
        <translation>Nicht gekennzeichnet</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Gekennzeichnet</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Changing the headers of this saved draft saves it again as a new draft (Microsoft Graph sets headers only when a message is created).</source>
        <extracomment>on Graph, a saved draft whose headers change is created anew (app/mail/graph/service.py, _recreate)</extracomment>
        <translation>Wenn Sie die Kopfzeilen dieses gespeicherten Entwurfs ändern, wird er erneut als neuer Entwurf gespeichert (Microsoft Graph setzt Kopfzeilen nur beim Erstellen einer Nachricht).</translation>
    </message>
    <message>
        <source>Follow-up flag field</source>
        <translation>Feld Nachverfolgungskennzeichnung</translation>
    </message>
    <message>
        <source>Follow-up flag</source>
        <translation>Nachverfolgungskennzeichnung</translation>
    </message>
    <message>
        <source>Flag start date</source>
        <translation>Startdatum der Kennzeichnung</translation>
    </message>
    <message>
        <source>today, mon, 2026-12-01</source>
        <translation>heute, Montag, 2026-12-01</translation>
    </message>
    <message>
        <source>Flag due date</source>
        <translation>Fälligkeitsdatum der Kennzeichnung</translation>
    </message>
    <message>
        <source>tomorrow, fri, 4.12.</source>
        <translation>morgen, Freitag, 4.12.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Follow-up flag error</source>
        <translation>Fehler in der Nachverfolgungskennzeichnung</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>Name der Kopfzeile</translation>
    </message>
    <message>
        <source>X-Name</source>
        <translation>X-Name</translation>
    </message>
    <message>
        <source>Header value</source>
        <translation>Wert der Kopfzeile</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation>Kopfzeile entfernen</translation>
    </message>
    <message>
        <source>Header error</source>
        <translation>Fehler in der Kopfzeile</translation>
    </message>
    <message>
        <source>Custom headers</source>
        <translation>Benutzerdefinierte Kopfzeilen</translation>
    </message>
    <message>
        <source>Custom headers field</source>
        <translation>Feld Benutzerdefinierte Kopfzeilen</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Kopfzeile hinzufügen</translation>
    </message>
    <message>
        <source>Add a custom X- header (at most {most})</source>
        <translation>Benutzerdefinierte X-Kopfzeile hinzufügen (höchstens {most})</translation>
    </message>
    <message>
        <source>Custom headers count</source>
        <translation>Anzahl benutzerdefinierter Kopfzeilen</translation>
    </message>
    <message>
        <source>Custom headers note</source>
        <translation>Hinweis zu benutzerdefinierten Kopfzeilen</translation>
    </message>
    <message>
        <source>Header {number} name</source>
        <translation>Name der Kopfzeile {number}</translation>
    </message>
    <message>
        <source>Header {number} value</source>
        <translation>Wert der Kopfzeile {number}</translation>
    </message>
    <message>
        <source>Remove header {number}</source>
        <translation>Kopfzeile {number} entfernen</translation>
    </message>
    <message>
        <source>Header {number} error</source>
        <translation>Fehler in Kopfzeile {number}</translation>
    </message>
    <message>
        <source>{count} of {most} (the most a message can carry)</source>
        <translation>{count} von {most} (das Maximum für eine Nachricht)</translation>
    </message>
    <message>
        <source>Message form</source>
        <translation>Nachrichtenformular</translation>
    </message>
    <message>
        <source>This account sends from its own address only: add mailboxes in File &gt; Mailboxes you send from…</source>
        <translation>Dieses Konto sendet nur von seiner eigenen Adresse: Fügen Sie Postfächer unter Datei &gt; Postfächer, von denen Sie senden… hinzu</translation>
    </message>
    <message>
        <source>Mailboxes you send from: saved</source>
        <translation>Postfächer, von denen Sie senden: gespeichert</translation>
    </message>
    <message>
        <source>Mailboxes you send from: kept for this session (not saved in the settings)</source>
        <translation>Postfächer, von denen Sie senden: für diese Sitzung übernommen (nicht in den Einstellungen gespeichert)</translation>
    </message>
    <message>
        <source>From error</source>
        <translation>Fehler im Absender</translation>
    </message>
    <message>
        <source>From field</source>
        <translation>Feld Von</translation>
    </message>
    <message>
        <source>Your own address</source>
        <translation>Ihre eigene Adresse</translation>
    </message>
    <message>
        <source>Name &lt;address@example.com&gt;, another@example.com</source>
        <translation>Name &lt;adresse@example.com&gt;, weitere@example.com</translation>
    </message>
    <message>
        <source>{field} error</source>
        <translation>Fehler im Feld {field}</translation>
    </message>
    <message>
        <source>{field} field</source>
        <translation>Feld {field}</translation>
    </message>
    <message>
        <source>{field} suggestions</source>
        <translation>Vorschläge für {field}</translation>
    </message>
    <message numerus="yes">
        <source>{entry}, {row} of %n suggestion(s)</source>
        <extracomment>the words said of a highlighted suggestion, counted (pyside6-lupdate makes an entry plural only when its count is a literal: marked with 0 here, counted in :func:`suggestion_words`)</extracomment>
        <translation>
            <numerusform>{entry}, {row} von %n Vorschlag</numerusform>
            <numerusform>{entry}, {row} von %n Vorschlägen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>&amp;Rich text</source>
        <translation>&amp;Rich-Text</translation>
    </message>
    <message>
        <source>Rich text on or off ({keys}); a formatting key switches it on</source>
        <translation>Rich-Text ein oder aus ({keys}); eine Formatierungstaste schaltet ihn ein</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Fett</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Kursiv</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>&amp;Unterstrichen</translation>
    </message>
    <message>
        <source>Insert or edit &amp;link…</source>
        <translation>&amp;Link einfügen oder bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Numbered list</source>
        <translation>&amp;Nummerierte Liste</translation>
    </message>
    <message>
        <source>Bulle&amp;ted list</source>
        <translation>&amp;Aufzählungsliste</translation>
    </message>
    <message>
        <source>In&amp;dent</source>
        <translation>Einzug &amp;vergrößern</translation>
    </message>
    <message>
        <source>&amp;Outdent</source>
        <translation>&amp;Einzug verkleinern</translation>
    </message>
    <message>
        <source>Paste as plai&amp;n text</source>
        <translation>Als unformatierten Te&amp;xt einfügen</translation>
    </message>
    <message>
        <source>B</source>
        <comment>the Bold button&apos;s letter</comment>
        <translation>F</translation>
    </message>
    <message>
        <source>I</source>
        <comment>the Italic button&apos;s letter</comment>
        <translation>K</translation>
    </message>
    <message>
        <source>U</source>
        <comment>the Underline button&apos;s letter</comment>
        <translation>U</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Rich text question</source>
        <translation>Frage zum Rich-Text</translation>
    </message>
    <message>
        <source>&amp;Remove formatting</source>
        <translation>Formatierung &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Keep rich text</source>
        <translation>Rich-Text &amp;beibehalten</translation>
    </message>
    <message>
        <source>Formatting removed</source>
        <translation>Formatierung entfernt</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Apply link</source>
        <translation>&amp;Link übernehmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>Linkadresse</translation>
    </message>
    <message>
        <source>{command} ({keys})</source>
        <translation>{command} ({keys})</translation>
    </message>
    <message>
        <source>Rich text is on: this message is now sent formatted (Ctrl+Shift+X: plain text)</source>
        <translation>Rich-Text ist ein: Diese Nachricht wird jetzt formatiert gesendet (Strg+Umschalt+X: Nur-Text)</translation>
    </message>
    <message>
        <source>Rich text is on</source>
        <translation>Rich-Text ist ein</translation>
    </message>
    <message>
        <source>Plain text: the message is sent without formatting</source>
        <translation>Nur-Text: Die Nachricht wird ohne Formatierung gesendet</translation>
    </message>
    <message>
        <source>Link “{text}” to:</source>
        <translation>„{text}“ verknüpfen mit:</translation>
    </message>
    <message>
        <source>Link to:</source>
        <translation>Verknüpfen mit:</translation>
    </message>
    <message>
        <source>Links can be web (https://…) or e-mail (mailto:…) addresses:</source>
        <translation>Links können Web- (https://…) oder E-Mail-Adressen (mailto:…) sein:</translation>
    </message>
    <message>
        <source>Plain text removes the formatting (bold, lists, links, indents) from this message.</source>
        <translation>Nur-Text entfernt die Formatierung (Fett, Listen, Links, Einzüge) aus dieser Nachricht.</translation>
    </message>
    <message>
        <source>Formatting removed: the message is plain text.</source>
        <translation>Formatierung entfernt: Die Nachricht ist Nur-Text.</translation>
    </message>
</context>
<context>
    <name>PendingFiles</name>
    <message>
        <source>Files the link asks to attach</source>
        <translation>Dateien, die der Link anhängen möchte</translation>
    </message>
    <message>
        <source>Files not attached</source>
        <translation>Nicht angehängte Dateien</translation>
    </message>
    <message>
        <source>Attach the file a link named</source>
        <translation>Die von einem Link genannte Datei anhängen</translation>
    </message>
    <message>
        <source>Drop the file a link named</source>
        <translation>Die von einem Link genannte Datei verwerfen</translation>
    </message>
    <message>
        <source>Attach or drop the files the link named first: Enter attaches the selected one, Delete drops it.</source>
        <translation>Hängen Sie zuerst die vom Link genannten Dateien an oder verwerfen Sie sie: Eingabe hängt die ausgewählte an, Entf verwirft sie.</translation>
    </message>
    <message>
        <source>Attached {name}</source>
        <translation>{name} angehängt</translation>
    </message>
    <message>
        <source>Dropped {name}</source>
        <translation>{name} verworfen</translation>
    </message>
    <message>
        <source>Press Enter to attach, Delete to drop</source>
        <translation>Eingabe zum Anhängen, Entf zum Verwerfen</translation>
    </message>
    <message>
        <source>Waiting: {path}. {keys}</source>
        <translation>Wartet: {path}. {keys}</translation>
    </message>
    <message>
        <source>The link asks to attach the files below. A file is attached only when you press Enter on its row; Delete drops it.</source>
        <translation>Der Link möchte die folgenden Dateien anhängen. Eine Datei wird nur angehängt, wenn Sie in ihrer Zeile Eingabe drücken; Entf verwirft sie.</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <source>&amp;Read receipt</source>
        <translation>&amp;Lesebestätigung</translation>
    </message>
    <message>
        <source>New messages ask for a read receipt</source>
        <translation>Neue E-Mails fordern eine Lesebestätigung an</translation>
    </message>
    <message>
        <source>New messages do not ask for a read receipt</source>
        <translation>Neue E-Mails fordern keine Lesebestätigung an</translation>
    </message>
    <message>
        <source>&amp;Delivery receipt</source>
        <translation>Ü&amp;bermittlungsbestätigung</translation>
    </message>
    <message>
        <source>New messages ask for a delivery receipt</source>
        <translation>Neue E-Mails fordern eine Übermittlungsbestätigung an</translation>
    </message>
    <message>
        <source>New messages do not ask for a delivery receipt</source>
        <translation>Neue E-Mails fordern keine Übermittlungsbestätigung an</translation>
    </message>
    <message>
        <source>Receipts for ne&amp;w messages</source>
        <translation>Bestätigungen für neue E-Mai&amp;ls</translation>
    </message>
    <message>
        <source>The receipts every new message asks for; Compose&apos;s check boxes change them for one message</source>
        <translation>Die Bestätigungen, die jede neue E-Mail anfordert; die Kästchen in „Verfassen“ ändern sie für eine E-Mail</translation>
    </message>
</context>
<context>
    <name>SendLater</name>
    <message>
        <source>Send later</source>
        <translation>Später senden</translation>
    </message>
    <message>
        <source>The message goes to the server now, and Exchange keeps it in the Outbox until this time: it goes out then even with this computer off.</source>
        <translation>Die Nachricht geht jetzt an den Server, und Exchange behält sie bis zu dieser Zeit im Postausgang: Sie geht dann auch bei ausgeschaltetem Computer hinaus.</translation>
    </message>
    <message>
        <source>&amp;Tomorrow morning</source>
        <translation>Morgen &amp;früh</translation>
    </message>
    <message>
        <source>&amp;Monday morning</source>
        <translation>&amp;Montagmorgen</translation>
    </message>
    <message>
        <source>{preset} — {when}</source>
        <translation>{preset} – {when}</translation>
    </message>
    <message>
        <source>{preset}, {when}</source>
        <translation>{preset}, {when}</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>&amp;Zeitpunkt:</translation>
    </message>
    <message>
        <source>Send at (type a date and time)</source>
        <translation>Senden am (Datum und Uhrzeit eingeben)</translation>
    </message>
    <message>
        <source>Send later error</source>
        <translation>Fehler bei „Später senden“</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Planen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>SendTiming</name>
    <message>
        <source>Undo send bar</source>
        <translation>Leiste „Senden rückgängig“</translation>
    </message>
    <message>
        <source>Undo send countdown</source>
        <translation>Countdown für „Senden rückgängig“</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo send</source>
        <translation>Senden rückgängig</translation>
    </message>
    <message>
        <source>Take the message back into Compose ({keys})</source>
        <translation>Nachricht zurück in „Verfassen“ holen ({keys})</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>Send now, without waiting</source>
        <translation>Jetzt senden, ohne zu warten</translation>
    </message>
    <message>
        <source>It is being sent right now and can no longer be taken back</source>
        <extracomment>Undo too late: the send is on the wire</extracomment>
        <translation>Die Nachricht wird gerade gesendet und kann nicht mehr zurückgeholt werden</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <extracomment>Send later&apos;s refusal before anything was created is headed so (Workflows.send_compose&apos;s ``not_done``)</extracomment>
        <translation>Nicht geplant</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Undo send: off — Ctrl+Return sends at once</source>
        <translation>Senden rückgängig: aus – Strg+Return sendet sofort</translation>
    </message>
    <message>
        <source>Undo send: Ctrl+Return waits {seconds} s, Ctrl+Z takes it back</source>
        <translation>Senden rückgängig: Strg+Return wartet {seconds} s, Strg+Z holt die Nachricht zurück</translation>
    </message>
    <message>
        <source>Send &amp;later…</source>
        <translation>Spä&amp;ter senden…</translation>
    </message>
    <message>
        <source>&amp;Undo send</source>
        <translation>Senden &amp;rückgängig</translation>
    </message>
    <message>
        <source>Undo send dela&amp;y</source>
        <translation>&amp;Wartezeit für „Senden rückgängig“</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>&amp;Aus</translation>
    </message>
    <message>
        <source>{number} seconds</source>
        <translation>{number} Sekunden</translation>
    </message>
    <message>
        <source>{command} ({keys})</source>
        <translation>{command} ({keys})</translation>
    </message>
    <message>
        <source>Sent: {subject}</source>
        <translation>Gesendet: {subject}</translation>
    </message>
    <message>
        <source>Not sent: “{subject}” was put in Drafts (fix this message first)</source>
        <translation>Nicht gesendet: „{subject}“ wurde in die Entwürfe gelegt (korrigieren Sie zuerst diese Nachricht)</translation>
    </message>
    <message>
        <source>Not sent: “{subject}” is back in Compose</source>
        <translation>Nicht gesendet: „{subject}“ ist wieder in „Verfassen“</translation>
    </message>
    <message>
        <source>Press Ctrl+Shift+T again to send this message later</source>
        <translation>Drücken Sie erneut Strg+Umschalt+T, um diese Nachricht später zu senden</translation>
    </message>
    <message numerus="yes">
        <source>Sending “{subject}” in {seconds} s (and %n more) — Ctrl+Z or Undo takes it back</source>
        <extracomment>the undo bar&apos;s words while more sends are held behind the newest (pyside6-lupdate makes an entry plural only when its count is a literal: marked with 0 here, counted in :func:`countdown_words`)</extracomment>
        <translation>
            <numerusform>„{subject}“ wird in {seconds} s gesendet (und %n weitere) – Strg+Z oder „Rückgängig“ holt sie zurück</numerusform>
            <numerusform>„{subject}“ wird in {seconds} s gesendet (und %n weitere) – Strg+Z oder „Rückgängig“ holt sie zurück</numerusform>
        </translation>
    </message>
    <message>
        <source>Scheduled: “{subject}” sends at {when}. Exchange keeps it in the Outbox (Ctrl+4), even with Dispatch closed; Enter there takes it back.</source>
        <translation>Geplant: „{subject}“ geht {when} hinaus. Exchange behält sie im Postausgang (Strg+4), auch wenn Dispatch geschlossen ist; Eingabe dort holt sie zurück.</translation>
    </message>
    <message>
        <source>Sending “{subject}” in {seconds} s — Ctrl+Z or Undo takes it back</source>
        <translation>„{subject}“ wird in {seconds} s gesendet – Strg+Z oder „Rückgängig“ holt sie zurück</translation>
    </message>
</context>
</TS>
