<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>Notification banner</source>
        <translation>Benachrichtigungsleiste</translation>
    </message>
    <message>
        <source>Banner message</source>
        <translation>Meldung der Benachrichtigungsleiste</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss banner</source>
        <translation>Benachrichtigungsleiste schließen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
</context>
<context>
    <name>DefaultMail</name>
    <message>
        <source>Ma&amp;ke Dispatch the default mail program</source>
        <translation>Dispatch &amp;zum Standard-E-Mail-Programm machen</translation>
    </message>
    <message>
        <source>The desktop did not make Dispatch its mail program ({why})</source>
        <translation>Der Desktop hat Dispatch nicht zu seinem E-Mail-Programm gemacht ({why})</translation>
    </message>
    <message>
        <source>Dispatch is now the desktop&apos;s mail program: mailto: links open here</source>
        <translation>Dispatch ist jetzt das E-Mail-Programm des Desktops: mailto:-Links öffnen sich hier</translation>
    </message>
    <message>
        <source>Dispatch is the default mail program</source>
        <translation>Dispatch ist das Standard-E-Mail-Programm</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System&apos;s language</source>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <source>Language: {name}. It applies the next time Dispatch starts.</source>
        <translation>Sprache: {name}. Sie gilt ab dem nächsten Start von Dispatch.</translation>
    </message>
    <message>
        <source>Language: the system&apos;s ({name}). It applies the next time Dispatch starts.</source>
        <translation>Sprache: die des Systems ({name}). Sie gilt ab dem nächsten Start von Dispatch.</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;New message</source>
        <translation>&amp;Neue E-Mail</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>Entwurf &amp;speichern</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>Sen&amp;den</translation>
    </message>
    <message>
        <source>Send se&amp;lected drafts</source>
        <translation>Ausgewählte Entwürfe &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>Dateien &amp;anfügen…</translation>
    </message>
    <message>
        <source>Insert &amp;image…</source>
        <translation>&amp;Bild einfügen…</translation>
    </message>
    <message>
        <source>Dis&amp;card message (with Undo)</source>
        <translation>Nachricht &amp;verwerfen (mit Rückgängig)</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Verfassen</translation>
    </message>
    <message>
        <source>&amp;Drafts</source>
        <translation>&amp;Entwürfe</translation>
    </message>
    <message>
        <source>S&amp;ent</source>
        <translation>&amp;Gesendete Elemente</translation>
    </message>
    <message>
        <source>More &amp;options in Compose</source>
        <translation>Weitere &amp;Optionen in Verfassen</translation>
    </message>
    <message>
        <source>Choose who it is &amp;from</source>
        <translation>Absender aus&amp;wählen</translation>
    </message>
    <message>
        <source>Mailboxes you send &amp;from…</source>
        <translation>&amp;Postfächer zum Senden…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Accoun&amp;t settings…</source>
        <translation>&amp;Kontoeinstellungen…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkombinationen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>A keyboard-driven mail composer for Microsoft Exchange.
Press {keys} for the keyboard shortcuts.</source>
        <translation>Ein per Tastatur bedienbares Programm zum Verfassen von E-Mails für Microsoft Exchange.
Drücken Sie {keys} für die Tastenkombinationen.</translation>
    </message>
    <message>
        <source>Find works in the message: in Compose or in the Sent preview ({keys})</source>
        <translation>Die Suche funktioniert in der Nachricht: in Verfassen oder in der Vorschau von Gesendete Elemente ({keys})</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Paste as plain te&amp;xt</source>
        <translation>Als &amp;Nur-Text einfügen</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Alles a&amp;uswählen</translation>
    </message>
    <message>
        <source>&amp;Find in message…</source>
        <translation>In Nachricht &amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Info über {app}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>the menu bar&apos;s menus: the window&apos;s code names each by its English title (``win.menus[&quot;&amp;File&quot;]``), the user reads it in their language (context &quot;Menu&quot;)</extracomment>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>Sni&amp;ppets and signatures…</source>
        <translation>Te&amp;xtbausteine und Signaturen…</translation>
    </message>
    <message>
        <source>Switch si&amp;gnature</source>
        <translation>Si&amp;gnatur wechseln</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Go to {view}</source>
        <translation>Zu {view} wechseln</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Open draft: {subject} — to {to}</source>
        <translation>Entwurf öffnen: {subject} — an {to}</translation>
    </message>
    <message>
        <source>Open draft: {subject}</source>
        <translation>Entwurf öffnen: {subject}</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkombination</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Command palette search</source>
        <translation>Suche in der Befehlspalette</translation>
    </message>
    <message>
        <source>Type a command, a view, a draft or a snippet…</source>
        <translation>Geben Sie einen Befehl, eine Ansicht, einen Entwurf oder einen Textbaustein ein…</translation>
    </message>
    <message>
        <source>Command palette results</source>
        <translation>Ergebnisse der Befehlspalette</translation>
    </message>
    <message>
        <source>No command matches</source>
        <translation>Kein passender Befehl</translation>
    </message>
    <message>
        <source>Enter: run   ↑↓: move   Esc: close</source>
        <translation>Eingabe: ausführen   ↑↓: bewegen   Esc: schließen</translation>
    </message>
    <message>
        <source>No command matches “{text}”</source>
        <translation>Kein Befehl passt zu „{text}“</translation>
    </message>
    <message>
        <source>No command</source>
        <translation>Kein Befehl</translation>
    </message>
    <message>
        <source>{row} of {count}</source>
        <translation>{row} von {count}</translation>
    </message>
</context>
<context>
    <name>Power</name>
    <message>
        <source>Signature: {name}</source>
        <translation>Signatur: {name}</translation>
    </message>
    <message>
        <source>No signature</source>
        <translation>Keine Signatur</translation>
    </message>
    <message>
        <source>No signatures for this account yet: {keys} adds one</source>
        <translation>Noch keine Signaturen für dieses Konto: {keys} fügt eine hinzu</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Textbaustein</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Insert snippet: {name}</source>
        <translation>Textbaustein einfügen: {name}</translation>
    </message>
    <message>
        <source>Signature: none</source>
        <translation>Signatur: keine</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Compose</source>
        <extracomment>The keys that are not a command of a menu: they act where the keyboard is (a suggestion list, a bar, a dialog). The F1 sheet lists them with the menus&apos; commands (app/ui/window/shortcuts.py), so every key the window answers to is on it. (group, what it does, the keys in QKeySequence&apos;s words, one per choice; the group and the words are translated where shown, context &quot;Shortcuts&quot;)</extracomment>
        <translation>Verfassen</translation>
    </message>
    <message>
        <source>Recipient suggestion: take it, stay in the field</source>
        <translation>Empfängervorschlag: übernehmen, im Feld bleiben</translation>
    </message>
    <message>
        <source>Recipient suggestion: take it, go to the next field</source>
        <translation>Empfängervorschlag: übernehmen, zum nächsten Feld wechseln</translation>
    </message>
    <message>
        <source>Snippet: its trigger word, then Tab</source>
        <translation>Textbaustein: sein Kürzel, dann Tab</translation>
    </message>
    <message>
        <source>Link field: apply / cancel</source>
        <translation>Linkfeld: übernehmen / abbrechen</translation>
    </message>
    <message>
        <source>Undo send, delete or discard (while its bar shows)</source>
        <translation>Senden, Löschen oder Verwerfen rückgängig machen (solange die Leiste angezeigt wird)</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Später senden</translation>
    </message>
    <message>
        <source>Tomorrow morning / Monday morning</source>
        <translation>Morgen früh / Montag früh</translation>
    </message>
    <message>
        <source>At: a time you type, Enter schedules</source>
        <translation>Um: eine eingegebene Uhrzeit, Eingabe plant das Senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>First / last row</source>
        <translation>Erste / letzte Zeile</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>Auswahl erweitern</translation>
    </message>
    <message>
        <source>Select or unselect a row</source>
        <translation>Zeile auswählen oder Auswahl aufheben</translation>
    </message>
    <message>
        <source>Find in message</source>
        <translation>In Nachricht suchen</translation>
    </message>
    <message>
        <source>Next / previous match, close</source>
        <translation>Nächster / vorheriger Treffer, schließen</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Move, run, close</source>
        <translation>Bewegen, ausführen, schließen</translation>
    </message>
    <message>
        <source>Mailboxes you send from</source>
        <translation>Postfächer zum Senden</translation>
    </message>
    <message>
        <source>Add the typed mailbox / remove the selected one</source>
        <translation>Eingegebenes Postfach hinzufügen / ausgewähltes entfernen</translation>
    </message>
    <message>
        <source>Sent copy: its Sent Items or yours</source>
        <translation>Gesendete Kopie: in dessen Gesendete Elemente oder in Ihre</translation>
    </message>
    <message>
        <source>Dialogs</source>
        <translation>Dialogfelder</translation>
    </message>
    <message>
        <source>Run the dialog&apos;s main action from any field</source>
        <translation>Hauptaktion des Dialogfelds aus jedem Feld ausführen</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Comma</source>
        <extracomment>punctuation keys by name (a list of keys is comma-separated); translated where shown</extracomment>
        <translation>Komma</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Tastenkombinationen filtern</translation>
    </message>
    <message>
        <source>Type to filter: a command, a key (ctrl+shift), a group…</source>
        <translation>Zum Filtern tippen: ein Befehl, eine Taste (strg+umschalt), eine Gruppe…</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Shortcut list</source>
        <translation>Liste der Tastenkombinationen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkombination</translation>
    </message>
</context>
<context>
    <name>Spoken</name>
    <message>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>{words}. {moved_to}.</source>
        <translation>{words}. {moved_to}.</translation>
    </message>
</context>
<context>
    <name>StartLink</name>
    <message numerus="yes">
        <source>A new message from a link: it names %n file(s) to attach. A file is attached only if you choose to: see the list under the message.</source>
        <translation>
            <numerusform>Eine neue Nachricht aus einem Link: Er nennt %n Datei zum Anhängen. Sie wird nur angehängt, wenn Sie es wählen: siehe die Liste unter der Nachricht.</numerusform>
            <numerusform>Eine neue Nachricht aus einem Link: Er nennt %n Dateien zum Anhängen. Eine Datei wird nur angehängt, wenn Sie es wählen: siehe die Liste unter der Nachricht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dispatch opens mailto: links and .eml files, not “{link}”.</source>
        <translation>Dispatch öffnet mailto:-Links und .eml-Dateien, nicht „{link}“.</translation>
    </message>
    <message>
        <source>A new message from a link: read it before you send it</source>
        <translation>Eine neue Nachricht aus einem Link: Lesen Sie sie, bevor Sie sie senden</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>No account</source>
        <translation>Kein Konto</translation>
    </message>
    <message>
        <source>{address}  ·  sandbox mailbox</source>
        <translation>{address}  ·  Test-Postfach</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Connection state colour</source>
        <translation>Farbe des Verbindungsstatus</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Local journal</source>
        <translation>Lokales Journal</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Einstellungsdatei</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;System</source>
        <extracomment>(choice, its words: translated where shown, context &quot;Theme&quot;)</extracomment>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>light</source>
        <translation>hell</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>dunkel</translation>
    </message>
    <message>
        <source>Theme: as the system ({scheme})</source>
        <translation>Design: wie das System ({scheme})</translation>
    </message>
    <message>
        <source>Theme: {name}</source>
        <translation>Design: {name}</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Compose</source>
        <extracomment>the sidebar&apos;s first views: (name, label translated where shown, context &quot;Views&quot;: the page&apos;s own name, &quot;Éléments envoyés&quot; as its title and the View menu say; the sidebar widens for it, app.ui.window.sidebar_fit; its key)</extracomment>
        <translation>Verfassen</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendete Elemente</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Application name</source>
        <translation>Name der Anwendung</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>{app} main window</source>
        <translation>Hauptfenster von {app}</translation>
    </message>
    <message>
        <source>A message is still being sent. Quit when it is done, or keep the window open?</source>
        <translation>Eine Nachricht wird noch gesendet. Nach dem Senden beenden oder das Fenster geöffnet lassen?</translation>
    </message>
    <message>
        <source>this account</source>
        <translation>dieses Konto</translation>
    </message>
    <message>
        <source>Messages waiting to be sent</source>
        <translation>Nachrichten warten auf das Senden</translation>
    </message>
    <message>
        <source>Quit when sent</source>
        <translation>Nach dem Senden beenden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Keep open</source>
        <translation>Geöffnet lassen</translation>
    </message>
    <message>
        <source>Will quit when sending has finished…</source>
        <translation>Dispatch wird beendet, sobald das Senden abgeschlossen ist…</translation>
    </message>
</context>
<context>
    <name>Workflows</name>
    <message>
        <source>Kept on this computer — not on server yet</source>
        <translation>Auf diesem Computer gespeichert — noch nicht auf dem Server</translation>
    </message>
    <message>
        <source>No connection: kept on this computer; saved to the server when it is back</source>
        <extracomment>Ctrl+S without a connection: where the draft is</extracomment>
        <translation>Keine Verbindung: auf diesem Computer gespeichert; wird auf dem Server gespeichert, sobald die Verbindung wieder besteht</translation>
    </message>
    <message>
        <source>The draft had been deleted on the server: saved as a new draft</source>
        <translation>Der Entwurf war auf dem Server gelöscht worden: als neuer Entwurf gespeichert</translation>
    </message>
    <message>
        <source>Not sent: it was taken out of the Outbox</source>
        <translation>Nicht gesendet: Die Nachricht wurde aus dem Postausgang genommen</translation>
    </message>
    <message>
        <source>The previous message was saved to Drafts</source>
        <translation>Die vorherige Nachricht wurde in Entwürfe gespeichert</translation>
    </message>
    <message>
        <source>The previous message is kept on this computer until the server can be reached (see Outbox)</source>
        <translation>Die vorherige Nachricht bleibt auf diesem Computer, bis der Server erreichbar ist (siehe Postausgang)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>{server}: {error}</source>
        <translation>{server}: {error}</translation>
    </message>
    <message>
        <source>{error} (trying again in {seconds} s)</source>
        <translation>{error} (neuer Versuch in {seconds} s)</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>This message has errors: fix them (or clear it) first</source>
        <translation>Diese Nachricht enthält Fehler: Beheben Sie sie zuerst (oder leeren Sie die Nachricht)</translation>
    </message>
    <message>
        <source>Saving the previous message to Drafts…</source>
        <translation>Die vorherige Nachricht wird in Entwürfe gespeichert…</translation>
    </message>
    <message>
        <source>The previous message could not be saved to Drafts: {reason}</source>
        <translation>Die vorherige Nachricht konnte nicht in Entwürfe gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Saving the message in Compose to Drafts…</source>
        <translation>Die Nachricht in Verfassen wird in Entwürfe gespeichert…</translation>
    </message>
    <message>
        <source>The previous message could not be saved: {error}, and the copy on this computer could not be written: {reason}. It is back in Compose if Compose was empty.</source>
        <translation>Die vorherige Nachricht konnte nicht gespeichert werden: {error}, und die Kopie auf diesem Computer konnte nicht geschrieben werden: {reason}. Sie ist wieder in Verfassen, falls Verfassen leer war.</translation>
    </message>
    <message>
        <source>Saved to the server only</source>
        <translation>Nur auf dem Server gespeichert</translation>
    </message>
    <message>
        <source>The previous message was saved to Drafts, but not on this computer: {reason}. {what_to_do}.</source>
        <translation>Die vorherige Nachricht wurde in Entwürfe gespeichert, aber nicht auf diesem Computer: {reason}. {what_to_do}.</translation>
    </message>
    <message>
        <source>Nothing to save: Compose is empty</source>
        <translation>Nichts zu speichern: Verfassen ist leer</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saving draft…</source>
        <translation>Entwurf wird gespeichert…</translation>
    </message>
    <message>
        <source>Could not save: {reason}</source>
        <translation>Speichern nicht möglich: {reason}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Not saved: {error}. The copy on this computer could not be written either: {reason}. {what_to_do}, then save again.</source>
        <translation>Nicht gespeichert: {error}. Die Kopie auf diesem Computer konnte ebenfalls nicht geschrieben werden: {reason}. {what_to_do}, und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>The draft was saved to the server, but the copy on this computer could not be written: {reason}. {what_to_do}: until then, what you type is only kept once saved to the server.</source>
        <translation>Der Entwurf wurde auf dem Server gespeichert, aber die Kopie auf diesem Computer konnte nicht geschrieben werden: {reason}. {what_to_do}: Bis dahin bleibt das Eingegebene erst erhalten, wenn es auf dem Server gespeichert ist.</translation>
    </message>
    <message>
        <source>Press {keys} again to send this message</source>
        <translation>Drücken Sie erneut {keys}, um diese Nachricht zu senden</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>{not_done}: the message stays here. {why}</source>
        <translation>{not_done}: Die Nachricht bleibt hier. {why}</translation>
    </message>
    <message>
        <source>{not_done}: {reason}</source>
        <translation>{not_done}: {reason}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Sent: {subject}</source>
        <translation>Gesendet: {subject}</translation>
    </message>
</context>
</TS>
