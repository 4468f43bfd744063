<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ManPage</name>
    <message>
        <source>print the version and exit</source>
        <extracomment>the window&apos;s options as data, (group title or &quot;&quot;, its options): the parser is built from it, and so are the man page and the shell completions (app/command/manpage.py, app/command/completion.py)</extracomment>
        <translation>gibt die Version aus und beendet sich</translation>
    </message>
    <message>
        <source>use the built-in sandbox mailbox (signs in as alice@example.com)</source>
        <translation>verwendet das eingebaute Test-Postfach (meldet sich als alice@example.com an)</translation>
    </message>
    <message>
        <source>the built-in sandbox mailbox through Microsoft Graph (signs in to the sandbox&apos;s own authority)</source>
        <translation>das eingebaute Test-Postfach über Microsoft Graph (meldet sich bei der eigenen Anmeldestelle des Test-Postfachs an)</translation>
    </message>
    <message>
        <source>check this installation end to end (built-in sandbox, offscreen) and print one line</source>
        <translation>prüft diese Installation von Anfang bis Ende (eingebautes Test-Postfach, ohne Bildschirm) und gibt eine Zeile aus</translation>
    </message>
    <message>
        <source>a mailto: link to open as a new message in Compose (what the desktop gives its mail program), or an .eml file to send as it is once its preview is confirmed</source>
        <translation>ein mailto:-Link, der als neue Nachricht in „Verfassen“ geöffnet wird (was der Desktop seinem E-Mail-Programm übergibt), oder eine .eml-Datei, die nach bestätigter Vorschau unverändert gesendet wird</translation>
    </message>
    <message>
        <source>an account for this run only, not saved (all four together; to set one up: dispatch-mail account add)</source>
        <translation>ein Konto nur für diesen Lauf, nicht gespeichert (alle vier zusammen; zum Einrichten: dispatch-mail account add)</translation>
    </message>
    <message>
        <source>the EWS endpoint, e.g. https://mail.example.com/EWS/Exchange.asmx (http:// only for this computer: localhost, 127.0.0.1, ::1)</source>
        <translation>die EWS-Adresse, z. B. https://mail.example.com/EWS/Exchange.asmx (http:// nur für diesen Computer: localhost, 127.0.0.1, ::1)</translation>
    </message>
    <message>
        <source>the mailbox&apos;s e-mail address</source>
        <translation>die E-Mail-Adresse des Postfachs</translation>
    </message>
    <message>
        <source>the sign-in user name (DOMAIN\user or UPN)</source>
        <translation>der Anmeldename (DOMÄNE\Benutzer oder UPN)</translation>
    </message>
    <message>
        <source>name of an environment variable holding the password</source>
        <translation>Name einer Umgebungsvariablen, die das Kennwort enthält</translation>
    </message>
    <message>
        <source>sign-in method: automatic (the server&apos;s offer: Kerberos with your ticket, NTLM, then Basic), basic, ntlm or kerberos (default automatic)</source>
        <translation>Anmeldeverfahren: automatic (das Angebot des Servers: Kerberos mit Ihrem Ticket, NTLM, dann Basic), basic, ntlm oder kerberos (Standard automatic)</translation>
    </message>
    <message>
        <source>do not verify the server&apos;s TLS certificate</source>
        <translation>das TLS-Zertifikat des Servers nicht prüfen</translation>
    </message>
    <message>
        <source>Dispatch: compose, save and send mail through Microsoft Exchange (EWS).</source>
        <translation>Dispatch: E-Mails über Microsoft Exchange (EWS) verfassen, speichern und senden.</translation>
    </message>
    <message>
        <source>With no options, the account set up (in the window, or with dispatch-mail account add) is used. Passwords are read from the system keyring, never from the command line.</source>
        <translation>Ohne Optionen wird das eingerichtete Konto verwendet (im Fenster oder mit dispatch-mail account add eingerichtet). Kennwörter werden aus dem Schlüsselbund des Systems gelesen, nie von der Befehlszeile.</translation>
    </message>
    <message>
        <source>keyboard-driven mail composer for Microsoft Exchange, and its commands for scripts</source>
        <translation>per Tastatur bedientes E-Mail-Programm zum Verfassen für Microsoft Exchange, und seine Befehle für Skripte</translation>
    </message>
    <message>
        <source>the message was accepted (sent), or the command did what it was asked</source>
        <translation>die Nachricht wurde angenommen (gesendet), oder der Befehl hat getan, was verlangt war</translation>
    </message>
    <message>
        <source>the command was used wrongly: an unknown option, options that do not go together, a time --later does not understand</source>
        <translation>der Befehl wurde falsch verwendet: eine unbekannte Option, Optionen, die nicht zusammenpassen, eine Zeitangabe, die --later nicht versteht</translation>
    </message>
    <message>
        <source>a file named cannot be read, or there is no message on standard input</source>
        <translation>eine angegebene Datei kann nicht gelesen werden, oder auf der Standardeingabe liegt keine Nachricht</translation>
    </message>
    <message>
        <source>the message is bad: no recipients, an invalid address, a recipient domain the DNS says does not exist, a name the organisation&apos;s directory knows as several entries or none, an address of the organisation&apos;s own domains it does not know, too large, a line break in --subject or --header, 8-bit text without a charset, a malformed message; nothing was queued</source>
        <translation>die Nachricht ist fehlerhaft: keine Empfänger, eine ungültige Adresse, eine Empfängerdomain, die es laut DNS nicht gibt, ein Name, zu dem das Verzeichnis der Organisation mehrere Einträge oder keinen kennt, eine Adresse einer der eigenen Domains der Organisation, die es nicht kennt, zu groß, ein Zeilenumbruch in --subject oder --header, 8-Bit-Text ohne Zeichensatz, eine falsch aufgebaute Nachricht; nichts wurde in die Warteschlange gestellt</translation>
    </message>
    <message>
        <source>the service is unavailable (a recipient named by a name while the directory cannot be asked: nothing was queued)</source>
        <translation>der Dienst ist nicht verfügbar (ein Empfänger, der mit einem Namen angegeben ist, während das Verzeichnis nicht gefragt werden kann: nichts wurde in die Warteschlange gestellt)</translation>
    </message>
    <message>
        <source>dispatch-mail account: the settings file could not be written; nothing was set up or taken off</source>
        <translation>dispatch-mail account: die Einstellungsdatei konnte nicht geschrieben werden; nichts wurde eingerichtet oder entfernt</translation>
    </message>
    <message>
        <source>not sent yet: the message is queued and is tried again later; do not send it again</source>
        <translation>noch nicht gesendet: die Nachricht steht in der Warteschlange und wird später erneut versucht; nicht noch einmal senden</translation>
    </message>
    <message>
        <source>refused by the server (permission)</source>
        <translation>vom Server abgelehnt (Berechtigung)</translation>
    </message>
    <message>
        <source>not configured: no account is set up</source>
        <translation>nicht eingerichtet: es ist kein Konto eingerichtet</translation>
    </message>
    <message>
        <source>one folder for everything Dispatch keeps: $DISPATCH_HOME/config, $DISPATCH_HOME/data (the journal) and $DISPATCH_HOME/logs, instead of the platform&apos;s folders</source>
        <translation>ein Ordner für alles, was Dispatch aufbewahrt: $DISPATCH_HOME/config, $DISPATCH_HOME/data (das Journal) und $DISPATCH_HOME/logs, statt der Ordner der Plattform</translation>
    </message>
    <message>
        <source>dark or light: the window&apos;s theme, whatever the desktop&apos;s</source>
        <translation>dark oder light: das Design des Fensters, unabhängig vom Desktop</translation>
    </message>
    <message>
        <source>the resolver asked whether each recipient&apos;s domain exists before a send (a domain that does not exist: 65): unset or system, the system&apos;s; off, no look-up; HOST[:PORT], comma-separated, these. A look-up waits at most 1 s; no answer never stops a send. The look-ups tell the resolver the recipients&apos; domains</source>
        <translation>der Resolver, der vor dem Senden gefragt wird, ob die Domain jedes Empfängers existiert (eine Domain, die es nicht gibt: 65): nicht gesetzt oder system, der des Systems; off, keine Abfrage; HOST[:PORT], durch Kommas getrennt, diese. Eine Abfrage wartet höchstens 1 s; keine Antwort hält ein Senden nie auf. Die Abfragen verraten dem Resolver die Domains der Empfänger</translation>
    </message>
    <message>
        <source>how many seconds send and sendmail wait for the outcome when --wait is not given (default 30); every command ends within its wait and a few seconds, the message queued (75) when it is not sent by then</source>
        <translation>wie viele Sekunden send und sendmail ohne --wait auf das Ergebnis warten (Standard 30); jeder Befehl endet innerhalb dieser Wartezeit und einiger Sekunden mehr, die Nachricht bleibt in der Warteschlange (75), wenn sie bis dahin nicht gesendet ist</translation>
    </message>
    <message>
        <source>the undo-send delay in seconds when the user never chose one (default 10)</source>
        <translation>die Frist zum Rückgängigmachen des Sendens in Sekunden, wenn der Benutzer nie eine gewählt hat (Standard: 10)</translation>
    </message>
    <message>
        <source>the window&apos;s language (English, French or German), unless one is chosen in its settings; the commands print English</source>
        <translation>die Sprache des Fensters (Englisch, Französisch oder Deutsch), sofern in seinen Einstellungen keine gewählt ist; die Befehle schreiben Englisch</translation>
    </message>
    <message>
        <source>where the platform&apos;s folders are (see FILES)</source>
        <translation>wo die Ordner der Plattform liegen (siehe DATEIEN)</translation>
    </message>
    <message>
        <source>the user&apos;s runtime folder, where the running window listens for the commands (a socket only the user may open)</source>
        <translation>der Laufzeitordner des Benutzers, in dem das laufende Fenster auf die Befehle wartet (ein Socket, den nur der Benutzer öffnen darf)</translation>
    </message>
    <message>
        <source>settings and accounts</source>
        <translation>Einstellungen und Konten</translation>
    </message>
    <message>
        <source>the journal: drafts and the Outbox, the one queue the window and the commands share</source>
        <translation>das Journal: Entwürfe und Postausgang, die eine Warteschlange, die sich Fenster und Befehle teilen</translation>
    </message>
    <message>
        <source>logs (no message content, no secrets)</source>
        <translation>Protokolle (keine Nachrichteninhalte, keine Geheimnisse)</translation>
    </message>
    <message>
        <source>Set up an Exchange account on a server with no desktop (the password is asked on the terminal):</source>
        <translation>Ein Exchange-Konto auf einem Server ohne Desktop einrichten (das Kennwort wird im Terminal abgefragt):</translation>
    </message>
    <message>
        <source>Set up a Microsoft 365 account, signing in with a code on another device:</source>
        <translation>Ein Microsoft-365-Konto einrichten, mit Anmeldung per Code auf einem anderen Gerät:</translation>
    </message>
    <message>
        <source>Send a message built from options, with an attachment:</source>
        <translation>Eine aus Optionen gebaute Nachricht mit einer Anlage senden:</translation>
    </message>
    <message>
        <source>Send a message file as it is:</source>
        <translation>Eine Nachrichtendatei unverändert senden:</translation>
    </message>
    <message>
        <source>A patch series with git send-email:</source>
        <translation>Eine Patch-Serie mit git send-email:</translation>
    </message>
    <message>
        <source>neomutt, in ~/.neomuttrc:</source>
        <translation>neomutt, in ~/.neomuttrc:</translation>
    </message>
    <message>
        <source>cron, a line of crontab(5):</source>
        <translation>cron, eine Zeile von crontab(5):</translation>
    </message>
    <message>
        <source>Who the directory knows by a name, then a message to one of them by name:</source>
        <translation>Wen das Verzeichnis unter einem Namen kennt, dann eine Nachricht an eine dieser Personen mit ihrem Namen:</translation>
    </message>
    <message>
        <source>What waits in the Outbox, then retry one entry:</source>
        <translation>Was im Postausgang wartet, dann einen Eintrag erneut versuchen:</translation>
    </message>
    <message>
        <source>User Commands</source>
        <translation>Benutzerbefehle</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>BEZEICHNUNG</translation>
    </message>
    <message>
        <source>OPTIONS</source>
        <translation>OPTIONEN</translation>
    </message>
    <message>
        <source>The window&apos;s options (with no command):</source>
        <translation>Die Optionen des Fensters (ohne Befehl):</translation>
    </message>
    <message>
        <source>COMMANDS</source>
        <translation>BEFEHLE</translation>
    </message>
    <message>
        <source>ENVIRONMENT</source>
        <translation>UMGEBUNGSVARIABLEN</translation>
    </message>
    <message>
        <source>FILES</source>
        <translation>DATEIEN</translation>
    </message>
    <message>
        <source>EXAMPLES</source>
        <translation>BEISPIELE</translation>
    </message>
    <message>
        <source>SEE ALSO</source>
        <translation>SIEHE AUCH</translation>
    </message>
    <message>
        <source>print the usage and exit</source>
        <translation>gibt die Verwendung aus und beendet sich</translation>
    </message>
    <message>
        <source>SYNOPSIS</source>
        <translation>ÜBERSICHT</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>BESCHREIBUNG</translation>
    </message>
    <message>
        <source>With a command as its first word, dispatch-mail runs without the window (and without a display), for scripts and servers:</source>
        <translation>Mit einem Befehl als erstem Wort läuft dispatch-mail ohne Fenster (und ohne Bildschirm), für Skripte und Server:</translation>
    </message>
    <message>
        <source>A message a command accepts is recorded in the same journal and Outbox the window uses before the command returns. When the window is running for the account, the message is handed to it and shows in its Outbox; otherwise the command sends it itself. What is left is sent by the next command or the next start of the window, and a message handed over twice (the same Message-ID) goes out once.</source>
        <translation>Eine Nachricht, die ein Befehl annimmt, wird im selben Journal und Postausgang wie im Fenster festgehalten, bevor der Befehl zurückkehrt. Läuft das Fenster für das Konto, wird ihm die Nachricht übergeben und erscheint in seinem Postausgang; andernfalls sendet der Befehl sie selbst. Was übrig bleibt, sendet der nächste Befehl oder der nächste Start des Fensters, und eine zweimal übergebene Nachricht (dieselbe Message-ID) geht einmal hinaus.</translation>
    </message>
    <message>
        <source>EXIT STATUS</source>
        <translation>EXIT-STATUS</translation>
    </message>
    <message>
        <source>The commands exit with the codes of sysexits.h, as sendmail(8) and msmtp do:</source>
        <translation>Die Befehle enden mit den Codes aus sysexits.h, wie sendmail(8) und msmtp:</translation>
    </message>
    <message>
        <source>an RFC 5322 message file (.eml) to send as it is</source>
        <translation>eine Nachrichtendatei nach RFC 5322 (.eml), die unverändert gesendet wird</translation>
    </message>
    <message>
        <source>send to an address in one of the organisation&apos;s own domains (the account&apos;s, and those of the mailboxes it sends from) that the directory does not know; without it, such an address is refused (65) with the directory&apos;s names like it</source>
        <translation>an eine Adresse einer der eigenen Domains der Organisation senden (der des Kontos und der Postfächer, aus denen es sendet), die das Verzeichnis nicht kennt; ohne diese Option wird eine solche Adresse abgelehnt (65), mit den ähnlichen Namen des Verzeichnisses</translation>
    </message>
    <message>
        <source>a recipient (repeatable; one may hold several addresses, separated by commas), or a name the organisation&apos;s directory knows (one name per option: the one person it names, else 65 with the candidates)</source>
        <translation>ein Empfänger (wiederholbar; eine Angabe kann mehrere Adressen enthalten, durch Kommas getrennt) oder ein Name, den das Verzeichnis der Organisation kennt (ein Name pro Angabe: die eine Person, die er bezeichnet, sonst 65 mit den Kandidaten)</translation>
    </message>
    <message>
        <source>a Cc recipient, an address or a name (repeatable)</source>
        <translation>ein Cc-Empfänger, eine Adresse oder ein Name (wiederholbar)</translation>
    </message>
    <message>
        <source>a Bcc recipient, an address or a name (repeatable)</source>
        <translation>ein Bcc-Empfänger, eine Adresse oder ein Name (wiederholbar)</translation>
    </message>
    <message>
        <source>the subject (one line)</source>
        <translation>der Betreff (eine Zeile)</translation>
    </message>
    <message>
        <source>the message text, UTF-8, from FILE (- : standard input)</source>
        <translation>der Nachrichtentext, UTF-8, aus FILE (- : Standardeingabe)</translation>
    </message>
    <message>
        <source>the message text is HTML</source>
        <translation>der Nachrichtentext ist HTML</translation>
    </message>
    <message>
        <source>attach FILE (repeatable)</source>
        <translation>FILE anfügen (wiederholbar)</translation>
    </message>
    <message>
        <source>send from this mailbox (one the account may send from)</source>
        <translation>aus diesem Postfach senden (einem, aus dem das Konto senden darf)</translation>
    </message>
    <message>
        <source>where replies go (repeatable)</source>
        <translation>wohin Antworten gehen (wiederholbar)</translation>
    </message>
    <message>
        <source>a custom header, “X-Name: value” (repeatable)</source>
        <translation>ein eigener Header, „X-Name: Wert“ (wiederholbar)</translation>
    </message>
    <message>
        <source>low, normal or high</source>
        <translation>low, normal oder high</translation>
    </message>
    <message>
        <source>ask each recipient&apos;s mail program for a read receipt (Compose&apos;s defaults for new messages do not apply to scripts)</source>
        <translation>beim E-Mail-Programm jedes Empfängers eine Lesebestätigung anfordern (die Vorgaben von „Verfassen“ für neue E-Mails gelten nicht für Skripte)</translation>
    </message>
    <message>
        <source>ask the server for a delivery receipt</source>
        <translation>beim Server eine Übermittlungsbestätigung anfordern</translation>
    </message>
    <message>
        <source>send at WHEN, the words Send later takes (tomorrow 8:00, mon 9:30, in 2 h ...)</source>
        <translation>zum Zeitpunkt WHEN senden, mit den Wörtern, die „Später senden“ versteht (morgen 8 Uhr, Montag 9:30, in 2 Std., tomorrow 8:00 …)</translation>
    </message>
    <message>
        <source>the account to send with, when more than one is set up</source>
        <translation>das Konto zum Senden, wenn mehrere eingerichtet sind</translation>
    </message>
    <message>
        <source>print the outcome as JSON</source>
        <translation>gibt das Ergebnis als JSON aus</translation>
    </message>
    <message>
        <source>wait at most SECONDS for the message to be sent (default 30, DISPATCH_MAIL_WAIT; at once when the server cannot be reached or a sign-in is needed): not sent by then, it stays queued (75)</source>
        <translation>höchstens SECONDS warten, bis die Nachricht gesendet ist (Standard 30, DISPATCH_MAIL_WAIT; sofort, wenn der Server nicht erreichbar oder eine Anmeldung nötig ist): bis dahin nicht gesendet, bleibt sie in der Warteschlange (75)</translation>
    </message>
    <message>
        <source>return once the message is recorded in the queue</source>
        <translation>zurückkehren, sobald die Nachricht in der Warteschlange festgehalten ist</translation>
    </message>
    <message>
        <source>read the recipients from the To, Cc and Bcc headers too</source>
        <translation>die Empfänger auch aus den Headern To, Cc und Bcc lesen</translation>
    </message>
    <message>
        <source>a line with a single dot does not end the message</source>
        <translation>eine Zeile mit nur einem Punkt beendet die Nachricht nicht</translation>
    </message>
    <message>
        <source>sendmail&apos;s -o options: -oi is -i; the others (-oem ...) are accepted and ignored, as msmtp does</source>
        <translation>die -o-Optionen von sendmail: -oi ist -i; die anderen (-oem …) werden angenommen und ignoriert, wie bei msmtp</translation>
    </message>
    <message>
        <source>the envelope sender: checked to be a mailbox the account sends from; the message&apos;s From header says whom it is from. A local user name, as cron gives (-f root), means the account&apos;s own, and a From that is not a mailbox the account sends from is then sent from the account&apos;s address (said on standard error)</source>
        <translation>der Umschlag-Absender: geprüft, ob es ein Postfach ist, aus dem das Konto sendet; der From-Header der Nachricht sagt, von wem sie ist. Ein lokaler Benutzername, wie cron ihn angibt (-f root), bedeutet das eigene des Kontos, und ein From, das kein Postfach ist, aus dem das Konto sendet, wird dann durch die Adresse des Kontos ersetzt (auf der Standardfehlerausgabe gemeldet)</translation>
    </message>
    <message>
        <source>the sender&apos;s full name: accepted; the message&apos;s From header names the sender</source>
        <translation>der vollständige Name des Absenders: angenommen; der From-Header der Nachricht nennt den Absender</translation>
    </message>
    <message>
        <source>the body type (7BIT, 8BITMIME), as cron gives it: accepted; the message&apos;s own headers say it</source>
        <translation>die Art des Nachrichtentexts (7BIT, 8BITMIME), wie cron sie angibt: angenommen; die Header der Nachricht sagen sie</translation>
    </message>
    <message>
        <source>the recipients</source>
        <translation>die Empfänger</translation>
    </message>
    <message>
        <source>list (the default), retry ID or cancel ID</source>
        <translation>list (Standard), retry ID oder cancel ID</translation>
    </message>
    <message>
        <source>the entry to act on: its ID as the list shows it (its first characters are enough)</source>
        <translation>der betroffene Eintrag: seine ID, wie die Liste sie zeigt (die ersten Zeichen genügen)</translation>
    </message>
    <message>
        <source>the account whose queue to show, when more than one is set up</source>
        <translation>das Konto, dessen Warteschlange gezeigt wird, wenn mehrere eingerichtet sind</translation>
    </message>
    <message>
        <source>print the list or the outcome as JSON</source>
        <translation>gibt die Liste oder das Ergebnis als JSON aus</translation>
    </message>
    <message>
        <source>an Exchange account&apos;s password from this environment variable (else the system keyring; never on the command line)</source>
        <extracomment>how an Exchange (EWS) password reaches a command with no window to ask for it: the keyring, or this</extracomment>
        <translation>das Kennwort eines Exchange-Kontos aus dieser Umgebungsvariablen (sonst aus dem Schlüsselbund des Systems; nie auf der Befehlszeile)</translation>
    </message>
    <message>
        <source>send a message built from options, or an .eml file as it is</source>
        <translation>eine aus Optionen gebaute Nachricht oder eine .eml-Datei unverändert senden</translation>
    </message>
    <message>
        <source>send the RFC 5322 message on standard input (a drop-in for sendmail); its Disposition-Notification-To header asks for a read receipt, Return-Receipt-To for a delivery receipt</source>
        <translation>die Nachricht nach RFC 5322 von der Standardeingabe senden (ein Ersatz für sendmail); ihr Header Disposition-Notification-To fordert eine Lesebestätigung an, Return-Receipt-To eine Übermittlungsbestätigung</translation>
    </message>
    <message>
        <source>list what waits in the account&apos;s Outbox and the messages a report says did not reach someone in the last 7 days, or retry or cancel one entry</source>
        <translation>auflisten, was im Postausgang des Kontos wartet, und die Nachrichten, die laut einem Bericht in den letzten 7 Tagen jemanden nicht erreicht haben, oder einen Eintrag erneut versuchen oder abbrechen</translation>
    </message>
    <message>
        <source>Microsoft 365: sign in with a code shown here, entered in a browser on another device; the tokens go into the system keyring</source>
        <translation>Microsoft 365: Anmeldung mit einem hier angezeigten Code, der in einem Browser auf einem anderen Gerät eingegeben wird; die Token kommen in den Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Exchange (EWS): store the password held in the environment variable VAR in the system keyring, after one successful connection with it (never a password on the command line)</source>
        <translation>Exchange (EWS): speichert das Kennwort aus der Umgebungsvariablen VAR im Schlüsselbund des Systems, nach einer erfolgreichen Verbindung damit (nie ein Kennwort auf der Befehlszeile)</translation>
    </message>
    <message>
        <source>Microsoft 365, only on a machine with no system keyring: keep the tokens in a plain file readable by you alone (0600) instead of for this run only</source>
        <translation>Microsoft 365, nur auf einem Rechner ohne Schlüsselbund: die Token in einer unverschlüsselten Datei aufbewahren, die nur Sie lesen können (0600), statt nur für diesen Lauf</translation>
    </message>
    <message>
        <source>the account to sign in to; it must be the one set up</source>
        <translation>das Konto, bei dem angemeldet wird; es muss das eingerichtete sein</translation>
    </message>
    <message>
        <source>list (the default): the account set up; add: set one up, replacing it, once one connection with it worked; remove: take it off this computer, with its password or sign-in</source>
        <translation>list (Standard): das eingerichtete Konto; add: eines einrichten, das es ersetzt, sobald eine Verbindung damit gelungen ist; remove: es samt Kennwort oder Anmeldung von diesem Computer entfernen</translation>
    </message>
    <message>
        <source>add: the mailbox&apos;s e-mail address</source>
        <translation>add: die E-Mail-Adresse des Postfachs</translation>
    </message>
    <message>
        <source>add, Exchange (EWS): the EWS endpoint, e.g. https://mail.example.com/EWS/Exchange.asmx</source>
        <translation>add, Exchange (EWS): die EWS-Adresse, z. B. https://mail.example.com/EWS/Exchange.asmx</translation>
    </message>
    <message>
        <source>add, Exchange (EWS): find the EWS endpoint from the address and password (Autodiscover, as Outlook does); a host you did not type is asked about first</source>
        <translation>add, Exchange (EWS): die EWS-Adresse aus E-Mail-Adresse und Kennwort ermitteln (AutoErmittlung, wie Outlook); bei einem Host, den Sie nicht eingegeben haben, wird zuerst nachgefragt</translation>
    </message>
    <message>
        <source>add, Exchange (EWS): the sign-in user name (DOMAIN\user or UPN; default the address)</source>
        <translation>add, Exchange (EWS): der Anmeldename (DOMÄNE\Benutzer oder UPN; Standard: die Adresse)</translation>
    </message>
    <message>
        <source>add, Exchange (EWS): the sign-in method: automatic (the server&apos;s offer: Kerberos with your ticket, NTLM, then Basic), basic, ntlm or kerberos (no password asked; default automatic)</source>
        <translation>add, Exchange (EWS): das Anmeldeverfahren: automatic (das Angebot des Servers: Kerberos mit Ihrem Ticket, NTLM, dann Basic), basic, ntlm oder kerberos (ohne Passwortabfrage; Standard automatic)</translation>
    </message>
    <message>
        <source>add, Exchange (EWS): the password from the environment variable VARNAME (else it is asked on the terminal); it goes into the system keyring</source>
        <translation>add, Exchange (EWS): das Kennwort aus der Umgebungsvariablen VARNAME (sonst wird es im Terminal abgefragt); es kommt in den Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>add: a Microsoft 365 account, signed in with a code shown here and entered in a browser on another device</source>
        <translation>add: ein Microsoft-365-Konto, angemeldet mit einem hier angezeigten Code, der in einem Browser auf einem anderen Gerät eingegeben wird</translation>
    </message>
    <message>
        <source>add, Microsoft 365: the application (client) ID your organisation registered (default: the organisation&apos;s defaults file)</source>
        <translation>add, Microsoft 365: die Anwendungs-ID (Client-ID), die Ihre Organisation registriert hat (Standard: die Vorgabedatei der Organisation)</translation>
    </message>
    <message>
        <source>add, Microsoft 365: the sign-in authority (default https://login.microsoftonline.com/organizations)</source>
        <translation>add, Microsoft 365: die Anmeldeautorität (Standard: https://login.microsoftonline.com/organizations)</translation>
    </message>
    <message>
        <source>add, Microsoft 365: the Microsoft Graph URL (default: the one of the authority&apos;s cloud)</source>
        <translation>add, Microsoft 365: die Microsoft-Graph-URL (Standard: die der Cloud der Autorität)</translation>
    </message>
    <message>
        <source>add: trust exactly the server&apos;s (Microsoft 365: the sign-in server&apos;s) certificate with this SHA-256 fingerprint, as the window&apos;s Trust this certificate does</source>
        <translation>add: genau dem Zertifikat des Servers (Microsoft 365: des Anmeldeservers) mit diesem SHA-256-Fingerabdruck vertrauen, wie „Diesem Zertifikat vertrauen“ im Fenster</translation>
    </message>
    <message>
        <source>add, Microsoft 365, only on a machine with no system keyring: keep the tokens in a plain file readable by you alone (0600)</source>
        <translation>add, Microsoft 365, nur auf einem Rechner ohne Schlüsselbund: die Token in einer unverschlüsselten Datei aufbewahren, die nur Sie lesen können (0600)</translation>
    </message>
    <message>
        <source>list: print the account as JSON</source>
        <translation>list: das Konto als JSON ausgeben</translation>
    </message>
    <message>
        <source>the Message-ID of a sent message (with or without its angle brackets), as dispatch-mail send --json prints it</source>
        <translation>die Message-ID einer gesendeten Nachricht (mit oder ohne spitze Klammern), wie dispatch-mail send --json sie ausgibt</translation>
    </message>
    <message>
        <source>every message a report says did not reach someone (with --since: reported in that time)</source>
        <translation>jede Nachricht, die laut einem Bericht jemanden nicht erreicht hat (mit --since: in dieser Zeit gemeldet)</translation>
    </message>
    <message>
        <source>with --failed: only reports of the last N minutes, hours or days (30m, 12h, 1d; at most 30d, the default)</source>
        <translation>mit --failed: nur Berichte der letzten N Minuten, Stunden oder Tage (30m, 12h, 1d; höchstens 30d, die Vorgabe)</translation>
    </message>
    <message>
        <source>the account whose messages to look at, when more than one is set up</source>
        <translation>das Konto, dessen Nachrichten angesehen werden, wenn mehrere eingerichtet sind</translation>
    </message>
    <message>
        <source>print each message&apos;s recipients and their state as JSON</source>
        <translation>die Empfänger jeder Nachricht und ihren Stand als JSON ausgeben</translation>
    </message>
    <message>
        <source>a name, or the beginning of a name or an address</source>
        <translation>ein Name oder der Anfang eines Namens oder einer Adresse</translation>
    </message>
    <message>
        <source>the account whose organisation to look in, when more than one is set up</source>
        <translation>das Konto, in dessen Organisation gesucht wird, wenn mehrere eingerichtet sind</translation>
    </message>
    <message>
        <source>print the matches as a JSON list of objects (name, address, and title, department and office when the directory has them)</source>
        <translation>gibt die Treffer als JSON-Liste von Objekten aus (Name, Adresse sowie Position, Abteilung und Büro, wenn das Verzeichnis sie kennt)</translation>
    </message>
    <message>
        <source>did it arrive? each recipient of a sent message delivered, read, not delivered (and why) or no news, from the reports in the Inbox</source>
        <translation>Ist sie angekommen? Jeder Empfänger einer gesendeten Nachricht: zugestellt, gelesen, nicht zugestellt (und warum) oder keine Nachricht, nach den Berichten im Posteingang</translation>
    </message>
    <message>
        <source>who the organisation&apos;s directory knows by a name: each match&apos;s name, address, title, department and office (exit 1: no one)</source>
        <translation>wen das Verzeichnis der Organisation unter einem Namen kennt: Name, Adresse, Position, Abteilung und Büro jedes Treffers (Exit-Status 1: niemand)</translation>
    </message>
    <message>
        <source>sign in without the window: Microsoft 365 by device code, or an Exchange password into the system keyring</source>
        <translation>Anmeldung ohne Fenster: Microsoft 365 per Gerätecode, oder ein Exchange-Kennwort in den Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>set up the account without the window (a server with no desktop), show it, or take it off</source>
        <translation>das Konto ohne Fenster einrichten (ein Server ohne Desktop), anzeigen oder entfernen</translation>
    </message>
</context>
</TS>
