<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Connect your mailbox</source>
        <translation>Postfach verbinden</translation>
    </message>
    <message>
        <source>Account in use</source>
        <translation>Verwendetes Konto</translation>
    </message>
    <message>
        <source>Exchange Server (EWS)</source>
        <translation>Exchange Server (EWS)</translation>
    </message>
    <message>
        <source>Microsoft 365 (sign in with Microsoft)</source>
        <translation>Microsoft 365 (mit Microsoft anmelden)</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>Kontotyp</translation>
    </message>
    <message>
        <source>&amp;Account type</source>
        <translation>&amp;Kontotyp</translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation>sie@firma.de</translation>
    </message>
    <message>
        <source>https://mail.company.com/EWS/Exchange.asmx</source>
        <translation>https://mail.firma.de/EWS/Exchange.asmx</translation>
    </message>
    <message>
        <source>DOMAIN\user or you@company.com</source>
        <translation>DOMÄNE\benutzer oder sie@firma.de</translation>
    </message>
    <message>
        <source>Automatic (as the server offers)</source>
        <translation>Automatisch (wie vom Server angeboten)</translation>
    </message>
    <message>
        <source>Kerberos (your ticket, no password)</source>
        <translation>Kerberos (Ihr Ticket, kein Passwort)</translation>
    </message>
    <message>
        <source>Verify the server&apos;s TLS certificate</source>
        <translation>TLS-Zertifikat des Servers überprüfen</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>EWS URL</source>
        <translation>EWS-URL</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Verify TLS certificate</source>
        <translation>TLS-Zertifikat überprüfen</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>The password is stored in your system keyring.</source>
        <translation>Das Kennwort wird im Schlüsselbund Ihres Systems gespeichert.</translation>
    </message>
    <message>
        <source>No system keyring is available: the password is kept for this session only and asked again next time.</source>
        <translation>Kein Systemschlüsselbund verfügbar: Das Kennwort wird nur für diese Sitzung behalten und beim nächsten Mal erneut abgefragt.</translation>
    </message>
    <message>
        <source>Account error</source>
        <translation>Kontofehler</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Use the sandbox mailbox</source>
        <translation>Test-Postfach verwenden</translation>
    </message>
    <message>
        <source>Use the built-in sandbox mailbox instead</source>
        <translation>Stattdessen das integrierte Test-Postfach (Sandbox) verwenden</translation>
    </message>
    <message>
        <source>Try it with the sandbox mailbox (&amp;Graph)</source>
        <translation>Mit dem Test-Postfach ausprobieren (&amp;Graph)</translation>
    </message>
    <message>
        <source>Use the built-in sandbox mailbox through Microsoft Graph</source>
        <translation>Das integrierte Test-Postfach über Microsoft Graph verwenden</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>Geben Sie eine gültige E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Kennwort ein.</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Geben Sie einen Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>In use now: the built-in sandbox mailbox, {address} ({how}). Fill in your own mailbox below to switch to it, or Cancel to keep the sandbox.</source>
        <translation>Zurzeit verwendet: das integrierte Test-Postfach, {address} ({how}). Geben Sie unten Ihr eigenes Postfach ein, um zu ihm zu wechseln, oder klicken Sie auf Abbrechen, um beim Test-Postfach zu bleiben.</translation>
    </message>
</context>
<context>
    <name>FindServer</name>
    <message>
        <source>Tried {step}</source>
        <extracomment>a step&apos;s end as a reader hears it (the list&apos;s marks are symbols); &quot;found&quot; is said with the result</extracomment>
        <translation>Versucht: {step}</translation>
    </message>
    <message>
        <source>Skipped {step}</source>
        <translation>Übersprungen: {step}</translation>
    </message>
    <message>
        <source>Tried {step}: {detail}</source>
        <translation>Versucht: {step}: {detail}</translation>
    </message>
    <message>
        <source>Skipped {step}: {detail}</source>
        <translation>Übersprungen: {step}: {detail}</translation>
    </message>
    <message>
        <source>Finding the server…</source>
        <extracomment>said as a search starts (the button&apos;s &quot;Finding…&quot;)</extracomment>
        <translation>Server wird gesucht…</translation>
    </message>
    <message>
        <source>&amp;Find server</source>
        <translation>&amp;Server suchen</translation>
    </message>
    <message>
        <source>Find server</source>
        <translation>Server suchen</translation>
    </message>
    <message>
        <source>Find the EWS URL from the e-mail address and password (Autodiscover), as Outlook does</source>
        <translation>Die EWS-URL anhand von E-Mail-Adresse und Kennwort ermitteln (AutoErmittlung), wie Outlook es tut</translation>
    </message>
    <message>
        <source>Find server steps</source>
        <translation>Schritte der Serversuche</translation>
    </message>
    <message>
        <source>Also send from the mailboxes found</source>
        <translation>Auch von den gefundenen Postfächern senden</translation>
    </message>
    <message>
        <source>Finding…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Also &amp;send from {names} (the server found you may open it)</source>
        <translation>Auch &amp;von {names} senden (laut Server haben Sie Zugriff darauf)</translation>
    </message>
    <message>
        <source>Find server question</source>
        <translation>Frage der Serversuche</translation>
    </message>
    <message>
        <source>&amp;Send to {host}</source>
        <translation>An {host} &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>&amp;Nicht senden</translation>
    </message>
    <message>
        <source>{step}: {detail}</source>
        <translation>{step}: {detail}</translation>
    </message>
    <message>
        <source>{address} is in Microsoft 365: sign in with Microsoft on this page.</source>
        <translation>{address} liegt in Microsoft 365: Melden Sie sich auf dieser Seite mit Microsoft an.</translation>
    </message>
    <message>
        <source>Server found: {url}</source>
        <translation>Server gefunden: {url}</translation>
    </message>
    <message>
        <source>redirects</source>
        <translation>leitet weiter</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>The server was not found ({why}). Tried: {tried}. {advice}</source>
        <translation>Der Server wurde nicht gefunden ({why}). Versucht: {tried}. {advice}</translation>
    </message>
    <message>
        <source>The server was not found. Tried: {tried}. {advice}</source>
        <translation>Der Server wurde nicht gefunden. Versucht: {tried}. {advice}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n times</source>
        <extracomment>a URL tried again and again (a redirect loop)</extracomment>
        <translation>
            <numerusform>%n-mal</numerusform>
            <numerusform>%n-mal</numerusform>
        </translation>
    </message>
    <message>
        <source>{step} ({details})</source>
        <translation>{step} ({details})</translation>
    </message>
</context>
<context>
    <name>MailMerge</name>
    <message>
        <source>Mail me&amp;rge…</source>
        <translation>Ser&amp;iendruck…</translation>
    </message>
    <message>
        <source>Mail merge</source>
        <translation>Seriendruck</translation>
    </message>
    <message>
        <source>Choose CSV &amp;file…</source>
        <translation>CSV-&amp;Datei auswählen…</translation>
    </message>
    <message>
        <source>&amp;Table (a header row, then one row per message; paste from a spreadsheet):</source>
        <translation>&amp;Tabelle (eine Kopfzeile, dann eine Zeile pro Nachricht; aus einer Tabellenkalkulation einfügen):</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>&amp;Address column:</source>
        <translation>&amp;Adressspalte:</translation>
    </message>
    <message>
        <source>Address column</source>
        <translation>Adressspalte</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Preview (the first %n message(s)):</source>
        <extracomment>counted words (see _count)</extracomment>
        <translation>
            <numerusform>&amp;Vorschau (die erste Nachricht):</numerusform>
            <numerusform>&amp;Vorschau (die ersten %n Nachrichten):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s)</source>
        <translation>
            <numerusform>%Ln Spalte</numerusform>
            <numerusform>%Ln Spalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preparing %Ln message(s)…</source>
        <translation>
            <numerusform>%Ln Nachricht wird vorbereitet…</numerusform>
            <numerusform>%Ln Nachrichten werden vorbereitet…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln gesendet</numerusform>
            <numerusform>%Ln gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to fix</source>
        <translation>
            <numerusform>%Ln zu korrigieren</numerusform>
            <numerusform>%Ln zu korrigieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ready</source>
        <translation>
            <numerusform>%Ln bereit</numerusform>
            <numerusform>%Ln bereit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln under way</source>
        <translation>
            <numerusform>%Ln in Bearbeitung</numerusform>
            <numerusform>%Ln in Bearbeitung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{state} {counts} — of %Ln row(s).</source>
        <translation>
            <numerusform>{state} {counts} — von %Ln Zeile.</numerusform>
            <numerusform>{state} {counts} — von %Ln Zeilen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Create and &amp;send ({keys})</source>
        <translation>Erstellen und &amp;senden ({keys})</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Merge summary</source>
        <translation>Zusammenfassung des Seriendrucks</translation>
    </message>
    <message>
        <source>Merge results</source>
        <translation>Ergebnisse des Seriendrucks</translation>
    </message>
    <message>
        <source>Fix a row: go to its cell, F2 (or type), Enter. Resend failed ({keys}) sends the rows that are not sent and were fixed; a sent row is never sent again.</source>
        <translation>Zeile korrigieren: Gehen Sie zur Zelle, drücken Sie F2 (oder tippen Sie einfach), dann die Eingabetaste. Fehlgeschlagene erneut senden ({keys}) sendet die nicht gesendeten Zeilen, die korrigiert wurden; eine gesendete Zeile wird nie erneut gesendet.</translation>
    </message>
    <message>
        <source>&amp;Resend failed ({keys})</source>
        <translation>Fehlgeschlagene &amp;erneut senden ({keys})</translation>
    </message>
    <message>
        <source>&amp;New merge</source>
        <translation>&amp;Neuer Seriendruck</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Template: the message in Compose, “{subject}”. One message per row, to the address in the column below; {{column}} in the subject or text is replaced by the row&apos;s value.</source>
        <translation>Vorlage: die Nachricht in „Verfassen“, „{subject}“. Eine Nachricht pro Zeile, an die Adresse in der Spalte unten; {{column}} in Betreff oder Text wird durch den Wert der Zeile ersetzt.</translation>
    </message>
    <message>
        <source>Choose a table (CSV)</source>
        <translation>Tabelle auswählen (CSV)</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Tabellen (*.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The file is larger than {size}.</source>
        <translation>Die Datei ist größer als {size}.</translation>
    </message>
    <message>
        <source>Could not read the file: {reason}</source>
        <translation>Die Datei konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Read from “{file}”</source>
        <translation>Gelesen aus „{file}“</translation>
    </message>
    <message>
        <source>“{file}” is too large to show here; it was read in full.</source>
        <translation>„{file}“ ist zu groß, um hier angezeigt zu werden; sie wurde vollständig gelesen.</translation>
    </message>
    <message>
        <source>Paste a table or choose a CSV file.</source>
        <translation>Fügen Sie eine Tabelle ein oder wählen Sie eine CSV-Datei aus.</translation>
    </message>
    <message>
        <source>Unknown placeholder {placeholders}: the columns are {columns}.</source>
        <translation>Unbekannter Platzhalter {placeholders}: Die Spalten sind {columns}.</translation>
    </message>
    <message>
        <source>{rows}, {columns}.</source>
        <translation>{rows}, {columns}.</translation>
    </message>
    <message>
        <source>Row {number}: not sent — {reason}</source>
        <translation>Zeile {number}: nicht gesendet – {reason}</translation>
    </message>
    <message>
        <source>To: {to}
Subject: {subject}</source>
        <translation>An: {to}
Betreff: {subject}</translation>
    </message>
    <message>
        <source>Connect an account first ({keys}).</source>
        <translation>Verbinden Sie zuerst ein Konto ({keys}).</translation>
    </message>
    <message>
        <source>Could not prepare the messages ({error}); nothing was sent.</source>
        <translation>Die Nachrichten konnten nicht vorbereitet werden ({error}); es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>{summary} Nothing to resend: fix a failed row first.</source>
        <translation>{summary} Nichts erneut zu senden: Korrigieren Sie zuerst eine fehlgeschlagene Zeile.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Send these messages?</source>
        <translation>Diese Nachrichten senden?</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln message(s)</source>
        <extracomment>counted words: pyside6-lupdate makes an entry plural only when its count is a literal, so they are marked once with 0 here and counted where shown</extracomment>
        <translation>
            <numerusform>%Ln Nachricht &amp;senden</numerusform>
            <numerusform>%Ln Nachrichten &amp;senden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln Nachricht</numerusform>
            <numerusform>%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Nicht senden</translation>
    </message>
</context>
<context>
    <name>MicrosoftSignIn</name>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat ver&amp;trauen</translation>
    </message>
    <message>
        <source>Microsoft 365 sign-in</source>
        <translation>Anmeldung bei Microsoft 365</translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation>sie@firma.de</translation>
    </message>
    <message>
        <source>the application (client) ID your organisation registered</source>
        <translation>die von Ihrer Organisation registrierte Anwendungs-ID (Client-ID)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Application ID</source>
        <translation>Anwendungs-ID</translation>
    </message>
    <message>
        <source>Sign-in authority</source>
        <translation>Anmeldeautorität</translation>
    </message>
    <message>
        <source>Ad&amp;vanced</source>
        <translation>&amp;Erweitert</translation>
    </message>
    <message>
        <source>Advanced: the Microsoft Graph URL</source>
        <translation>Erweitert: die Microsoft Graph-URL</translation>
    </message>
    <message>
        <source>Graph URL</source>
        <translation>Graph-URL</translation>
    </message>
    <message>
        <source>Organisation defaults error</source>
        <translation>Fehler in den Standardeinstellungen der Organisation</translation>
    </message>
    <message>
        <source>Dispatch never sees your Microsoft password: you sign in on Microsoft&apos;s page. The sign-in is kept in your system keyring.</source>
        <translation>Dispatch sieht Ihr Microsoft-Kennwort nie: Sie melden sich auf der Seite von Microsoft an. Die Anmeldung wird im Schlüsselbund Ihres Systems gespeichert.</translation>
    </message>
    <message>
        <source>Dispatch never sees your Microsoft password. No system keyring is available: you will sign in again next time.</source>
        <translation>Dispatch sieht Ihr Microsoft-Kennwort nie. Kein Systemschlüsselbund verfügbar: Sie melden sich beim nächsten Mal erneut an.</translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser</source>
        <translation>Mit dem &amp;Browser anmelden</translation>
    </message>
    <message>
        <source>Use a &amp;code instead</source>
        <translation>Stattdessen einen &amp;Code verwenden</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Gerätecode</translation>
    </message>
    <message>
        <source>Co&amp;py code</source>
        <translation>Code k&amp;opieren</translation>
    </message>
    <message>
        <source>Trust the sign-in server&apos;s certificate</source>
        <translation>Dem Zertifikat des Anmeldeservers vertrauen</translation>
    </message>
    <message>
        <source>What the application ID is</source>
        <translation>Was die Anwendungs-ID ist</translation>
    </message>
    <message>
        <source>Copy the registration &amp;steps</source>
        <translation>Schritte für die &amp;Registrierung kopieren</translation>
    </message>
    <message>
        <source>Copy the registration steps for your administrator</source>
        <translation>Die Schritte für die Registrierung für Ihren Administrator kopieren</translation>
    </message>
    <message>
        <source>The registration steps are on the clipboard: send them to your administrator.</source>
        <translation>Die Schritte für die Registrierung sind in der Zwischenablage: Senden Sie sie an Ihren Administrator.</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>Geben Sie eine gültige E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Enter the application (client) ID: your administrator registers Dispatch in Microsoft Entra once for your organisation (Copy the registration steps, {keys}, and send them).</source>
        <translation>Geben Sie die Anwendungs-ID (Client-ID) ein: Ihr Administrator registriert Dispatch einmalig für Ihre Organisation in Microsoft Entra (kopieren Sie die Schritte für die Registrierung, {keys}, und senden Sie sie ihm).</translation>
    </message>
    <message>
        <source>Starting the sign-in…</source>
        <translation>Anmeldung wird gestartet…</translation>
    </message>
    <message>
        <source>Go to {url} on any device and enter the code below. Dispatch carries on by itself once you have signed in there.</source>
        <translation>Rufen Sie auf einem beliebigen Gerät {url} auf und geben Sie den folgenden Code ein. Dispatch fährt von selbst fort, sobald Sie sich dort angemeldet haben.</translation>
    </message>
    <message>
        <source>Go to {url} on any device and enter the code {code}. Dispatch carries on by itself once you have signed in there.</source>
        <translation>Rufen Sie auf einem beliebigen Gerät {url} auf und geben Sie den Code {code} ein. Dispatch fährt von selbst fort, sobald Sie sich dort angemeldet haben.</translation>
    </message>
    <message>
        <source>Finish signing in in your browser: Dispatch carries on by itself. If no browser opened, use a code instead.</source>
        <translation>Schließen Sie die Anmeldung im Browser ab: Dispatch fährt von selbst fort. Wenn sich kein Browser geöffnet hat, verwenden Sie stattdessen einen Code.</translation>
    </message>
    <message>
        <source>No browser could be opened. Use a code instead.</source>
        <translation>Es konnte kein Browser geöffnet werden. Verwenden Sie stattdessen einen Code.</translation>
    </message>
    <message>
        <source>Not signed in: {reason}</source>
        <translation>Nicht angemeldet: {reason}</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>Not signed in ({error}).</source>
        <translation>Nicht angemeldet ({error}).</translation>
    </message>
    <message>
        <source>Signed in as {user}. Connecting…</source>
        <translation>Angemeldet als {user}. Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate has changed and is not trusted ({host}).</source>
        <translation>Das Zertifikat des Anmeldeservers hat sich geändert und ist nicht vertrauenswürdig ({host}).</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate is not trusted ({host}).</source>
        <translation>Das Zertifikat des Anmeldeservers ist nicht vertrauenswürdig ({host}).</translation>
    </message>
    <message>
        <source>Trust it only if this fingerprint is the one your administrator gave you.</source>
        <translation>Vertrauen Sie ihm nur, wenn dieser Fingerabdruck der ist, den Ihr Administrator Ihnen gegeben hat.</translation>
    </message>
    <message>
        <source> (code copied)</source>
        <translation> (Code kopiert)</translation>
    </message>
    <message>
        <source>Code copied</source>
        <translation>Code kopiert</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>Password prompt</source>
        <translation>Kennwortabfrage</translation>
    </message>
    <message>
        <source>Why the password is asked</source>
        <translation>Warum das Kennwort abgefragt wird</translation>
    </message>
    <message>
        <source>&amp;Password for {name}</source>
        <translation>&amp;Kennwort für {name}</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat ver&amp;trauen</translation>
    </message>
    <message>
        <source>Signed in again</source>
        <translation>Erneut angemeldet</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>Trust it only if this fingerprint is the one your administrator gave you (for {address} only).</source>
        <translation>Vertrauen Sie ihm nur, wenn dieser Fingerabdruck der ist, den Ihr Administrator Ihnen gegeben hat (nur für {address}).</translation>
    </message>
    <message>
        <source>Certificate trusted for {address}: connecting…</source>
        <translation>Zertifikat für {address} als vertrauenswürdig eingestuft: Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Sign-in server&apos;s certificate trusted for {address}: connecting…</source>
        <translation>Zertifikat des Anmeldeservers für {address} als vertrauenswürdig eingestuft: Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate is not trusted. Retry to see it again.</source>
        <translation>Nicht verbunden: Das Zertifikat des Servers ist nicht vertrauenswürdig. Wiederholen Sie den Vorgang, um es erneut anzuzeigen.</translation>
    </message>
    <message>
        <source>The server did not accept that password either for {address}. Enter the current one: messages waiting in the Outbox go out once you are signed in.</source>
        <translation>Der Server hat auch dieses Kennwort für {address} nicht akzeptiert. Geben Sie das aktuelle ein: Nachrichten im Postausgang werden gesendet, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>The server did not accept the password for {address}. Enter the current one: messages waiting in the Outbox go out once you are signed in.</source>
        <translation>Der Server hat das Kennwort für {address} nicht akzeptiert. Geben Sie das aktuelle ein: Nachrichten im Postausgang werden gesendet, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>This server asks for Windows sign-in (NTLM/Kerberos), not a plain password: switch {address} to Automatic?</source>
        <translation>Dieser Server verlangt die Windows-Anmeldung (NTLM/Kerberos), kein einfaches Passwort: {address} auf Automatisch umstellen?</translation>
    </message>
    <message>
        <source>This server asks for a plain password, not Windows sign-in: switch {address} to Automatic?</source>
        <translation>Dieser Server verlangt ein einfaches Passwort, keine Windows-Anmeldung: {address} auf Automatisch umstellen?</translation>
    </message>
    <message>
        <source>Switch to &amp;Automatic</source>
        <translation>Auf &amp;Automatisch umstellen</translation>
    </message>
    <message>
        <source>Automatic sign-in for {address}: connecting…</source>
        <translation>Automatische Anmeldung für {address}: Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Sign in with &amp;Microsoft 365</source>
        <translation>Mit &amp;Microsoft 365 anmelden</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Sign in to Microsoft 365 again for {address} ({reason})</source>
        <translation>Melden Sie sich für {address} erneut bei Microsoft 365 an ({reason})</translation>
    </message>
    <message>
        <source>Sign in to Microsoft 365 again for {address}</source>
        <translation>Melden Sie sich für {address} erneut bei Microsoft 365 an</translation>
    </message>
    <message>
        <source>{reason}. Messages waiting in the Outbox go out once you are signed in.</source>
        <translation>{reason}. Nachrichten im Postausgang werden gesendet, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Signed in: connecting…</source>
        <translation>Angemeldet: Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Signing in… (no system keyring: the password is kept for this session only)</source>
        <translation>Anmeldung läuft… (kein Systemschlüsselbund: Das Kennwort wird nur für diese Sitzung behalten)</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Das Zertifikat des Servers ist nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed and is not trusted</source>
        <translation>Das Zertifikat des Servers hat sich geändert und ist nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate is not trusted</source>
        <translation>Das Zertifikat des Anmeldeservers ist nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate has changed and is not trusted</source>
        <translation>Das Zertifikat des Anmeldeservers hat sich geändert und ist nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>Could not save the choice: trusted for this session only</source>
        <translation>Die Auswahl konnte nicht gespeichert werden: nur für diese Sitzung vertrauenswürdig</translation>
    </message>
</context>
<context>
    <name>SendFrom</name>
    <message>
        <source>Send as</source>
        <translation>Senden als</translation>
    </message>
    <message>
        <source>Send on behalf</source>
        <translation>Senden im Auftrag von</translation>
    </message>
    <message>
        <source>&amp;Keep the sent copy in its Sent Items, not yours</source>
        <translation>Gesendete Kopie in dessen „Gesendete Elemente“ &amp;behalten, nicht in Ihren</translation>
    </message>
    <message>
        <source>What you send from a mailbox is kept in your own Sent Items, as Outlook does. With “keep the sent copy in its Sent Items” ({keys} for a new entry, Space on a listed one) it goes to that mailbox&apos;s instead, over Exchange (EWS) when you may open it (Full Access); Microsoft 365 keeps it in yours.</source>
        <translation>Was Sie von einem Postfach aus senden, wird wie in Outlook in Ihren eigenen „Gesendeten Elementen“ gespeichert. Mit „Gesendete Kopie in dessen ‚Gesendete Elemente‘ behalten“ ({keys} für einen neuen Eintrag, Leertaste auf einem aufgeführten) landet sie stattdessen in denen dieses Postfachs, über Exchange (EWS), wenn Sie es öffnen dürfen (Vollzugriff); Microsoft 365 speichert sie in Ihren.</translation>
    </message>
    <message>
        <source>{mailbox} · sent copy kept in its Sent Items</source>
        <translation>{mailbox} · gesendete Kopie in dessen „Gesendete Elemente“</translation>
    </message>
    <message>
        <source>“{address}” is typed but not in the list: press Enter to add it, or clear the address to save without it.</source>
        <translation>„{address}“ ist eingegeben, aber nicht in der Liste: Drücken Sie die Eingabetaste, um die Adresse hinzuzufügen, oder löschen Sie sie, um ohne sie zu speichern.</translation>
    </message>
    <message>
        <source>Mailboxes you send from</source>
        <translation>Postfächer, von denen Sie senden</translation>
    </message>
    <message>
        <source>Besides {address}, the shared mailboxes and the people this account may send as or on behalf of. Your administrator grants the right; Compose offers these at From.</source>
        <translation>Neben {address} die freigegebenen Postfächer und die Personen, als die oder in deren Auftrag dieses Konto senden darf. Ihr Administrator erteilt das Recht; „Verfassen“ bietet diese unter „Von“ an.</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected mailbox</source>
        <translation>Ausgewähltes Postfach entfernen</translation>
    </message>
    <message>
        <source>Mailbox error</source>
        <translation>Postfachfehler</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>desk@company.com</source>
        <translation>empfang@firma.de</translation>
    </message>
    <message>
        <source>Shared Desk (optional)</source>
        <translation>Gemeinsamer Empfang (optional)</translation>
    </message>
    <message>
        <source>Keep the sent copy in its Sent Items, not yours</source>
        <translation>Gesendete Kopie in dessen „Gesendete Elemente“ behalten, nicht in Ihren</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add the mailbox</source>
        <translation>Postfach hinzufügen</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>Mailbox address</source>
        <translation>Adresse des Postfachs</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Mailbox name</source>
        <translation>Name des Postfachs</translation>
    </message>
    <message>
        <source>R&amp;ight</source>
        <translation>&amp;Recht</translation>
    </message>
    <message>
        <source>Send as or on behalf</source>
        <translation>Senden als oder im Auftrag von</translation>
    </message>
</context>
<context>
    <name>SignInPrompt</name>
    <message>
        <source>Sign in to Microsoft 365</source>
        <translation>Bei Microsoft 365 anmelden</translation>
    </message>
    <message>
        <source>Microsoft 365 sign-in prompt</source>
        <translation>Aufforderung zur Anmeldung bei Microsoft 365</translation>
    </message>
    <message>
        <source>Why sign-in is asked</source>
        <translation>Warum die Anmeldung verlangt wird</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to Dispatch</source>
        <translation>Willkommen bei Dispatch</translation>
    </message>
    <message>
        <source>Write, save and send mail through Microsoft Exchange — all from the keyboard.</source>
        <translation>E-Mails über Microsoft Exchange schreiben, speichern und senden – alles mit der Tastatur.</translation>
    </message>
    <message>
        <source>Try the sandbox mailbox</source>
        <translation>Test-Postfach ausprobieren</translation>
    </message>
    <message>
        <source>A built-in Exchange server on this computer. Sign in as Alice and send mail to Bob — nothing leaves your machine.</source>
        <translation>Ein integrierter Exchange-Server auf diesem Computer. Melden Sie sich als Alice an und senden Sie E-Mails an Bob – nichts verlässt Ihren Rechner.</translation>
    </message>
    <message>
        <source>Use sandbox</source>
        <translation>Sandbox verwenden</translation>
    </message>
    <message>
        <source>Connect your mailbox</source>
        <translation>Postfach verbinden</translation>
    </message>
    <message>
        <source>Microsoft 365 (sign in with Microsoft) or your organisation&apos;s Exchange server (EWS). Secrets go into the system keyring.</source>
        <translation>Microsoft 365 (mit Microsoft anmelden) oder der Exchange-Server Ihrer Organisation (EWS). Geheimnisse werden im Systemschlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Set up account…</source>
        <translation>Konto einrichten…</translation>
    </message>
</context>
</TS>
