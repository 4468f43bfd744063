<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AttachmentSaver</name>
    <message>
        <source>Save attachments to folder</source>
        <translation>Anlagen in Ordner speichern</translation>
    </message>
    <message>
        <source>Save here</source>
        <translation>Hier speichern</translation>
    </message>
    <message>
        <source>Could not save the attachments in {folder}: {reason}</source>
        <translation>Die Anlagen konnten nicht in {folder} gespeichert werden: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n attachment(s) to {folder}: {names}</source>
        <translation>
            <numerusform>%n Anlage in {folder} gespeichert: {names}</numerusform>
            <numerusform>%n Anlagen in {folder} gespeichert: {names}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>It was not inserted.</source>
        <translation>Es wurde nicht eingefügt.</translation>
    </message>
    <message>
        <source>It was not attached.</source>
        <translation>Sie wurde nicht angefügt.</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a file.</source>
        <translation>„{name}“ ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>“{name}” is not an ordinary file (a pipe or a device).</source>
        <translation>„{name}“ ist keine normale Datei (eine Pipe oder ein Gerät).</translation>
    </message>
    <message>
        <source>“{name}” is {size}; the server accepts at most {limit} per message.</source>
        <translation>„{name}“ ist {size} groß; der Server akzeptiert höchstens {limit} pro Nachricht.</translation>
    </message>
    <message>
        <source>“{name}” could not be read: the file no longer exists (it was moved or deleted).</source>
        <translation>„{name}“ konnte nicht gelesen werden: Die Datei existiert nicht mehr (sie wurde verschoben oder gelöscht).</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({reason}).</source>
        <translation>„{name}“ konnte nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <source>“{path}” is in a folder of keys (~/.ssh, ~/.gnupg or the keyring): never attached from a link.</source>
        <translation>„{path}“ liegt in einem Schlüsselordner (~/.ssh, ~/.gnupg oder der Schlüsselbund): wird nie aus einem Link angehängt.</translation>
    </message>
    <message>
        <source>“{path}” is in Dispatch&apos;s own folders (its settings and data): never attached from a link.</source>
        <translation>„{path}“ liegt in Dispatchs eigenen Ordnern (Einstellungen und Daten): wird nie aus einem Link angehängt.</translation>
    </message>
    <message>
        <source>“{path}” is a hidden file or in a hidden folder: never attached from a link.</source>
        <translation>„{path}“ ist eine versteckte Datei oder liegt in einem versteckten Ordner: wird nie aus einem Link angehängt.</translation>
    </message>
    <message>
        <source>“{path}” is a system file (a device or a process&apos;s file): never attached.</source>
        <translation>„{path}“ ist eine Systemdatei (ein Gerät oder eine Prozessdatei): wird nie angehängt.</translation>
    </message>
    <message>
        <source>“{path}” is a folder, not a file.</source>
        <translation>„{path}“ ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>“{path}” is not an ordinary file (a pipe or a device).</source>
        <translation>„{path}“ ist keine gewöhnliche Datei (eine Pipe oder ein Gerät).</translation>
    </message>
    <message>
        <source>“{path}” does not exist.</source>
        <translation>„{path}“ existiert nicht.</translation>
    </message>
    <message>
        <source>“{name}” ({size}) was not inserted: the attachments would total {files}, about {total} as sent (files grow by a third on the way); the server accepts at most {limit} per message.</source>
        <translation>„{name}“ ({size}) wurde nicht eingefügt: Die Anlagen kämen auf insgesamt {files}, beim Senden etwa {total} (Dateien wachsen unterwegs um ein Drittel); der Server akzeptiert höchstens {limit} pro Nachricht.</translation>
    </message>
    <message>
        <source>“{name}” ({size}) was not attached: the attachments would total {files}, about {total} as sent (files grow by a third on the way); the server accepts at most {limit} per message.</source>
        <translation>„{name}“ ({size}) wurde nicht angefügt: Die Anlagen kämen auf insgesamt {files}, beim Senden etwa {total} (Dateien wachsen unterwegs um ein Drittel); der Server akzeptiert höchstens {limit} pro Nachricht.</translation>
    </message>
    <message>
        <source>“{name}” as “{clean}”</source>
        <translation>„{name}“ als „{clean}“</translation>
    </message>
    <message>
        <source>Attached {what}: attachment names cannot contain folder separators (/ or \) or control characters.</source>
        <translation>Angefügt: {what}. Namen von Anlagen dürfen keine Ordnertrennzeichen (/ oder \) und keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anlagen</translation>
    </message>
    <message>
        <source>Attachment error</source>
        <translation>Fehler bei Anlage</translation>
    </message>
    <message>
        <source>Attachment note</source>
        <translation>Hinweis zu Anlagen</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Anlage entfernen</translation>
    </message>
    <message>
        <source>“{name}” is no longer attached: its file was moved or deleted after you attached it. Attach it again if you need it.</source>
        <translation>„{name}“ ist nicht mehr angefügt: Die Datei wurde nach dem Anfügen verschoben oder gelöscht. Fügen Sie sie erneut an, wenn Sie sie brauchen.</translation>
    </message>
    <message>
        <source>Drop files here or press Ctrl+Shift+A to attach</source>
        <translation>Dateien hier ablegen oder mit Strg+Umschalt+A anfügen</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anfügen</translation>
    </message>
</context>
<context>
    <name>EmlAsIs</name>
    <message>
        <source>This file is from {sender}: the server refuses it unless this account may send as, or on behalf of, that mailbox.</source>
        <translation>Diese Datei stammt von {sender}: Der Server lehnt sie ab, es sei denn, dieses Konto darf als dieses Postfach oder in dessen Auftrag senden.</translation>
    </message>
    <message>
        <source>This file has no Message-ID: Dispatch adds one as its first line — the only change made to it — so that the send can be confirmed exactly once.</source>
        <translation>Diese Datei hat keine Message-ID: Dispatch fügt eine als erste Zeile hinzu – die einzige Änderung daran –, damit das Senden genau einmal bestätigt werden kann.</translation>
    </message>
    <message>
        <source>Already sent: this message (its Message-ID) is in Sent Items. The Outbox never sends a message twice, so there is nothing to send.</source>
        <translation>Bereits gesendet: Diese Nachricht (ihre Message-ID) ist in den Gesendeten Elementen. Der Postausgang sendet eine Nachricht nie zweimal, es gibt also nichts zu senden.</translation>
    </message>
    <message>
        <source>Already sent on {date} at {time}: this message (its Message-ID) is in Sent Items. The Outbox never sends a message twice, so there is nothing to send.</source>
        <translation>Bereits gesendet am {date} um {time}: Diese Nachricht (ihre Message-ID) ist in den Gesendeten Elementen. Der Postausgang sendet eine Nachricht nie zweimal, es gibt also nichts zu senden.</translation>
    </message>
    <message>
        <source>Sent Items could not be checked ({why}). If this message was sent before, the Outbox finds it there and does not send it again.</source>
        <translation>Die Gesendeten Elemente konnten nicht geprüft werden ({why}). Falls diese Nachricht schon gesendet wurde, findet der Postausgang sie dort und sendet sie nicht erneut.</translation>
    </message>
    <message>
        <source>From: {value}</source>
        <translation>Von: {value}</translation>
    </message>
    <message>
        <source>To: {value}</source>
        <translation>An: {value}</translation>
    </message>
    <message>
        <source>Cc: {value}</source>
        <translation>Cc: {value}</translation>
    </message>
    <message>
        <source>Bcc: {value}</source>
        <translation>Bcc: {value}</translation>
    </message>
    <message>
        <source>Subject: {value}</source>
        <translation>Betreff: {value}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>{name} was already sent</source>
        <translation>{name} wurde bereits gesendet</translation>
    </message>
    <message>
        <source>Send {name} as it is</source>
        <translation>{name} unverändert senden</translation>
    </message>
    <message>
        <source>Send .eml file as it is</source>
        <translation>.eml-Datei unverändert senden</translation>
    </message>
    <message>
        <source>“{name}” will be sent exactly as the file holds it, from the account&apos;s mailbox; a copy goes to Sent Items.</source>
        <translation>„{name}“ wird genau so gesendet, wie die Datei sie enthält, aus dem Postfach des Kontos; eine Kopie kommt in die Gesendeten Elemente.</translation>
    </message>
    <message>
        <source>Already sent</source>
        <translation>Bereits gesendet</translation>
    </message>
    <message>
        <source>The file&apos;s message (read-only)</source>
        <translation>Die Nachricht der Datei (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Attachments: {names}</source>
        <translation>Anlagen: {names}</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>Keine Anlagen</translation>
    </message>
    <message>
        <source>&amp;Send as it is</source>
        <translation>&amp;Unverändert senden</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} wird geöffnet…</translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation>{name} konnte nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>Not sent: {name}: {reason}</source>
        <translation>Nicht gesendet: {name}: {reason}</translation>
    </message>
    <message>
        <source>Sending {name} as it is: its progress is in the Outbox (Ctrl+4)</source>
        <translation>{name} wird unverändert gesendet: Den Fortschritt sehen Sie im Postausgang (Strg+4)</translation>
    </message>
    <message>
        <source>Not sent: {name}</source>
        <translation>Nicht gesendet: {name}</translation>
    </message>
    <message>
        <source>Already sent: {name}</source>
        <translation>Bereits gesendet: {name}</translation>
    </message>
    <message>
        <source>Already sent on {date} at {time}: {name}</source>
        <translation>Bereits gesendet am {date} um {time}: {name}</translation>
    </message>
    <message>
        <source>no answer from the server</source>
        <translation>keine Antwort vom Server</translation>
    </message>
</context>
<context>
    <name>EmlFiles</name>
    <message>
        <source>Mail messages (*.eml)</source>
        <translation>E-Mail-Nachrichten (*.eml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Open .eml file…</source>
        <translation>.eml-Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Send .&amp;eml file as it is…</source>
        <translation>.eml-Datei &amp;unverändert senden…</translation>
    </message>
    <message>
        <source>Save as .e&amp;ml file…</source>
        <translation>Als .e&amp;ml-Datei speichern…</translation>
    </message>
    <message>
        <source>Open .eml file</source>
        <translation>.eml-Datei öffnen</translation>
    </message>
    <message>
        <source>Set up an account first (Ctrl+,): a message opens as a draft of the account</source>
        <translation>Richten Sie zuerst ein Konto ein (Strg+,): Eine Nachricht wird als Entwurf des Kontos geöffnet</translation>
    </message>
    <message>
        <source>Send .eml file as it is</source>
        <translation>.eml-Datei unverändert senden</translation>
    </message>
    <message>
        <source>Set up an account first (Ctrl+,): a file is sent from the account&apos;s mailbox</source>
        <translation>Richten Sie zuerst ein Konto ein (Strg+,): Eine Datei wird aus dem Postfach des Kontos gesendet</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} wird geöffnet…</translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation>{name} konnte nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Opened {name} as a new message: Ctrl+S saves it to Drafts. {notes}</source>
        <translation>{name} als neue Nachricht geöffnet: Strg+S speichert sie in den Entwürfen. {notes}</translation>
    </message>
    <message>
        <source>Opened {name} as a new message: Ctrl+S saves it to Drafts</source>
        <translation>{name} als neue Nachricht geöffnet: Strg+S speichert sie in den Entwürfen</translation>
    </message>
    <message>
        <source>Set up an account first (Ctrl+,)</source>
        <translation>Richten Sie zuerst ein Konto ein (Strg+,)</translation>
    </message>
    <message>
        <source>Save as .eml file</source>
        <translation>Als .eml-Datei speichern</translation>
    </message>
    <message>
        <source>Nothing to save: Compose is empty</source>
        <translation>Nichts zu speichern: Verfassen ist leer</translation>
    </message>
    <message>
        <source>Select a message in Drafts first, then Ctrl+Shift+E</source>
        <translation>Wählen Sie zuerst eine Nachricht in den Entwürfen aus, dann Strg+Umschalt+E</translation>
    </message>
    <message>
        <source>Select a message in Sent first, then Ctrl+Shift+E</source>
        <translation>Wählen Sie zuerst eine Nachricht in den Gesendeten Elementen aus, dann Strg+Umschalt+E</translation>
    </message>
    <message>
        <source>Save as .eml: open a message in Compose, or select one in Drafts or Sent</source>
        <translation>Als .eml speichern: Öffnen Sie eine Nachricht in Verfassen, oder wählen Sie eine in den Entwürfen oder Gesendeten Elementen aus</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>{name} wird gespeichert…</translation>
    </message>
    <message>
        <source>Could not save {name}: the message could not be fetched: {reason}</source>
        <translation>{name} konnte nicht gespeichert werden: Die Nachricht konnte nicht abgerufen werden: {reason}</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation>{name} konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Gespeichert als {path}</translation>
    </message>
    <message>
        <source>Open or attach?</source>
        <translation>Öffnen oder anfügen?</translation>
    </message>
    <message>
        <source>“{name}” is a saved e-mail message. Open it as a new draft, or attach it to this message?</source>
        <translation>„{name}“ ist eine gespeicherte E-Mail-Nachricht. Als neuen Entwurf öffnen oder an diese Nachricht anfügen?</translation>
    </message>
    <message>
        <source>Open or attach the dropped message</source>
        <translation>Abgelegte Nachricht öffnen oder anfügen</translation>
    </message>
    <message>
        <source>&amp;Open as a new draft</source>
        <translation>Als neuen &amp;Entwurf öffnen</translation>
    </message>
    <message>
        <source>&amp;Attach to this message</source>
        <translation>An diese Nachricht &amp;anfügen</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Find in message</source>
        <translation>In Nachricht suchen</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Find text</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <source>Text to find — Enter: next, Shift+Enter: previous, Esc: close</source>
        <translation>Suchtext – Eingabe: weiter, Umschalt+Eingabe: zurück, Esc: schließen</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>Suchergebnis</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Found: {text}</source>
        <translation>Gefunden: {text}</translation>
    </message>
</context>
<context>
    <name>InlineImages</name>
    <message>
        <source>Insert image</source>
        <translation>Bild einfügen</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>Bilder ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>“{name}” is not a picture this app can show.</source>
        <translation>„{name}“ ist kein Bild, das diese App anzeigen kann.</translation>
    </message>
</context>
<context>
    <name>MoreOptions</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Personal</source>
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
        <source>More options</source>
        <translation>Weitere Optionen</translation>
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
        <source>Categories, separated by commas</source>
        <translation>Kategorien, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Kopfzeilen</translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Spelling su&amp;ggestions</source>
        <translation>Rechtschreib&amp;vorschläge</translation>
    </message>
    <message>
        <source>Spelling &amp;language…</source>
        <translation>S&amp;prache der Rechtschreibprüfung…</translation>
    </message>
    <message>
        <source>Spelling &amp;language: {language}…</source>
        <translation>S&amp;prache der Rechtschreibprüfung: {language}…</translation>
    </message>
    <message>
        <source>Spelling suggestions</source>
        <translation>Rechtschreibvorschläge</translation>
    </message>
    <message>
        <source>Spell check in {language}</source>
        <translation>Rechtschreibprüfung auf {language}</translation>
    </message>
    <message>
        <source>Spelling suggestions work in the message body (Compose: Ctrl+1, then Tab to the body)</source>
        <translation>Rechtschreibvorschläge gibt es im Nachrichtentext (Verfassen: Strg+1, dann mit Tab zum Text)</translation>
    </message>
    <message>
        <source>Spell check is off (Ctrl+Shift+F7 chooses a language)</source>
        <translation>Die Rechtschreibprüfung ist aus (Strg+Umschalt+F7 wählt eine Sprache)</translation>
    </message>
    <message>
        <source>No misspelt word at or before the cursor</source>
        <translation>Kein falsch geschriebenes Wort an oder vor der Einfügemarke</translation>
    </message>
    <message>
        <source>Spelling suggestions for “{word}”</source>
        <translation>Rechtschreibvorschläge für „{word}“</translation>
    </message>
    <message>
        <source>Looking up suggestions for “{word}”…</source>
        <translation>Vorschläge für „{word}“ werden gesucht…</translation>
    </message>
    <message>
        <source>&amp;Add “{word}” to dictionary</source>
        <translation>„{word}“ zum &amp;Wörterbuch hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Ignore “{word}”</source>
        <translation>„{word}“ &amp;ignorieren</translation>
    </message>
    <message>
        <source>No suggestions for “{word}”</source>
        <translation>Keine Vorschläge für „{word}“</translation>
    </message>
    <message>
        <source>“{word}” could not be added</source>
        <translation>„{word}“ konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Spelling language</source>
        <translation>Sprache der Rechtschreibprüfung</translation>
    </message>
    <message>
        <source>Spell check off</source>
        <translation>Rechtschreibprüfung aus</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Snippets</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <source>&amp;Add snippet</source>
        <translation>Textbaustein &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Delete snippet</source>
        <translation>Textbaustein &amp;löschen</translation>
    </message>
    <message>
        <source>Snippet name</source>
        <translation>Name des Textbausteins</translation>
    </message>
    <message>
        <source>Snippet text</source>
        <translation>Text des Textbausteins</translation>
    </message>
    <message>
        <source>New snippet {n}</source>
        <translation>Neuer Textbaustein {n}</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <source>&amp;Add signature</source>
        <translation>Signatur &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Delete signature</source>
        <translation>Signatur &amp;löschen</translation>
    </message>
    <message>
        <source>Signature name</source>
        <translation>Name der Signatur</translation>
    </message>
    <message>
        <source>Signature text</source>
        <translation>Text der Signatur</translation>
    </message>
    <message>
        <source>New signature {n}</source>
        <translation>Neue Signatur {n}</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Trigger word</source>
        <translation>Auslösewort</translation>
    </message>
    <message>
        <source>a word; type it in the message, then Tab</source>
        <translation>ein Wort; in der Nachricht eingeben, dann Tab</translation>
    </message>
    <message>
        <source>&amp;Trigger</source>
        <translation>&amp;Auslösewort</translation>
    </message>
    <message>
        <source>&amp;Rich text</source>
        <translation>&amp;Formatierter Text</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>Use for ne&amp;w messages</source>
        <translation>Für neue Nachrichten &amp;verwenden</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>A signature holds one picture: delete the one it has to paste another.</source>
        <translation>Eine Signatur enthält ein Bild: Löschen Sie das vorhandene, um ein anderes einzufügen.</translation>
    </message>
    <message>
        <source>The picture is {size}; a signature has room for {room} of picture. Use a smaller one.</source>
        <translation>Das Bild ist {size} groß; eine Signatur bietet Platz für {room} Bild. Verwenden Sie ein kleineres.</translation>
    </message>
    <message>
        <source>Snippets and signatures</source>
        <translation>Textbausteine und Signaturen</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>as {my_name} puts it in a snippet</source>
        <translation>wie {my_name} ihn in einen Textbaustein einsetzt</translation>
    </message>
    <message>
        <source>Your na&amp;me</source>
        <translation>&amp;Ihr Name</translation>
    </message>
    <message>
        <source>Sn&amp;ippets</source>
        <translation>Text&amp;bausteine</translation>
    </message>
    <message>
        <source>Si&amp;gnatures</source>
        <translation>Si&amp;gnaturen</translation>
    </message>
    <message>
        <source>Placeholders: {names}. Ctrl+Tab: next tab. Signatures are {account}&apos;s.</source>
        <translation>Platzhalter: {names}. Strg+Tab: nächste Registerkarte. Die Signaturen gehören zu {account}.</translation>
    </message>
    <message>
        <source>Placeholders: {names}. Ctrl+Tab: next tab.</source>
        <translation>Platzhalter: {names}. Strg+Tab: nächste Registerkarte.</translation>
    </message>
    <message>
        <source>Snippets error</source>
        <translation>Fehler bei Textbausteinen</translation>
    </message>
    <message>
        <source>Every signature needs a name.</source>
        <translation>Jede Signatur braucht einen Namen.</translation>
    </message>
    <message>
        <source>Two signatures have the same name.</source>
        <translation>Zwei Signaturen haben denselben Namen.</translation>
    </message>
</context>
</TS>
