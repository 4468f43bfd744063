<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Account</name>
    <message>
        <source>Signed in with {method}</source>
        <translation>Angemeldet mit {method}</translation>
    </message>
    <message>
        <source>Signed in with {method} as {name}</source>
        <translation>Angemeldet mit {method} als {name}</translation>
    </message>
</context>
<context>
    <name>Autodiscover</name>
    <message>
        <source>The server refused the user name or password: check them (the user name may be DOMAIN\user), or type the EWS URL.</source>
        <translation>Der Server hat den Benutzernamen oder das Kennwort abgelehnt: Überprüfen Sie beides (der Benutzername kann die Form DOMÄNE\Benutzer haben), oder geben Sie die EWS-URL ein.</translation>
    </message>
    <message>
        <source>Type the EWS URL instead (ask your administrator; it often looks like {example}).</source>
        <translation>Geben Sie stattdessen die EWS-URL ein (fragen Sie Ihren Administrator; sie sieht oft so aus: {example}).</translation>
    </message>
    <message>
        <source>refused your Kerberos ticket (401)</source>
        <translation>hat Ihr Kerberos-Ticket abgelehnt (401)</translation>
    </message>
    <message>
        <source>Kerberos sign-in to {host} failed: {reason}</source>
        <translation>Kerberos-Anmeldung bei {host} fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <source>Check the spelling of the address.</source>
        <translation>Prüfen Sie die Schreibweise der Adresse.</translation>
    </message>
    <message>
        <source>Send it again smaller: share large files as links instead of attachments.</source>
        <translation>Senden Sie sie kleiner erneut: Teilen Sie große Dateien als Links statt als Anlagen.</translation>
    </message>
    <message>
        <source>Tell the recipient another way: a forwarding or the mail routing at {domain} needs fixing.</source>
        <translation>Benachrichtigen Sie den Empfänger auf anderem Weg: Eine Weiterleitung oder das Mail-Routing bei {domain} muss korrigiert werden.</translation>
    </message>
    <message>
        <source>Ask the owner of {address} or their administrator to accept mail from outside the organisation.</source>
        <translation>Bitten Sie den Inhaber von {address} oder dessen Administrator, E-Mails von außerhalb der Organisation anzunehmen.</translation>
    </message>
    <message>
        <source>Ask your administrator, with the server&apos;s words below.</source>
        <translation>Wenden Sie sich mit der Meldung des Servers unten an Ihren Administrator.</translation>
    </message>
    <message>
        <source>Change your password and ask your administrator to have your account unblocked.</source>
        <translation>Ändern Sie Ihr Kennwort und bitten Sie Ihren Administrator, Ihr Konto entsperren zu lassen.</translation>
    </message>
    <message>
        <source>{address} could not be reached in time: the message waited in the queue until it expired.</source>
        <translation>{address} war nicht rechtzeitig erreichbar: Die Nachricht wartete in der Warteschlange, bis sie ablief.</translation>
    </message>
    <message>
        <source>Check the address; if it is right, send the message again later.</source>
        <translation>Prüfen Sie die Adresse; ist sie richtig, senden Sie die Nachricht später erneut.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message could not be delivered before it expired.</source>
        <translation>{address} war nicht erreichbar: Die Nachricht konnte nicht zugestellt werden, bevor sie ablief.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the receiving server refused the addresses on the message.</source>
        <translation>{address} war nicht erreichbar: Der empfangende Server hat die Adressen der Nachricht abgelehnt.</translation>
    </message>
    <message>
        <source>Check the address and the address you send from; if both are right, ask your administrator.</source>
        <translation>Prüfen Sie die Adresse und die Adresse, von der Sie senden; sind beide richtig, wenden Sie sich an Ihren Administrator.</translation>
    </message>
    <message>
        <source>{address} could not be reached: there is no such address at {domain}.</source>
        <translation>{address} war nicht erreichbar: Diese Adresse gibt es bei {domain} nicht.</translation>
    </message>
    <message>
        <source>Check the spelling of the address, or pick the person again from the directory.</source>
        <translation>Prüfen Sie die Schreibweise der Adresse, oder wählen Sie die Person erneut aus dem Verzeichnis.</translation>
    </message>
    <message>
        <source>The message to {address} was not sent: your account is blocked from sending, usually because it sent spam.</source>
        <translation>Die Nachricht an {address} wurde nicht gesendet: Ihr Konto ist für das Senden gesperrt, meist weil es Spam versendet hat.</translation>
    </message>
    <message>
        <source>{address} could not be reached: Microsoft 365 has no mailbox with this address.</source>
        <translation>{address} war nicht erreichbar: Microsoft 365 hat kein Postfach mit dieser Adresse.</translation>
    </message>
    <message>
        <source>Check the spelling of the address; if it is right, the recipient&apos;s administrator must check that the mailbox exists.</source>
        <translation>Prüfen Sie die Schreibweise der Adresse; ist sie richtig, muss der Administrator des Empfängers prüfen, ob das Postfach existiert.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the mailbox cannot take messages now (it is disabled or unavailable).</source>
        <translation>{address} war nicht erreichbar: Das Postfach kann derzeit keine Nachrichten annehmen (es ist deaktiviert oder nicht verfügbar).</translation>
    </message>
    <message>
        <source>Send the message again later; if it keeps failing, tell the recipient another way.</source>
        <translation>Senden Sie die Nachricht später erneut; schlägt es weiter fehl, benachrichtigen Sie den Empfänger auf anderem Weg.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the recipient&apos;s mailbox is full.</source>
        <translation>{address} war nicht erreichbar: Das Postfach des Empfängers ist voll.</translation>
    </message>
    <message>
        <source>Tell the recipient another way, and send the message again once they have made room.</source>
        <translation>Benachrichtigen Sie den Empfänger auf anderem Weg, und senden Sie die Nachricht erneut, sobald er Platz geschaffen hat.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message is larger than this recipient accepts.</source>
        <translation>{address} war nicht erreichbar: Die Nachricht ist größer, als dieser Empfänger annimmt.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message is larger than the receiving server accepts.</source>
        <translation>{address} war nicht erreichbar: Die Nachricht ist größer, als der empfangende Server annimmt.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server for {domain} refused it (no such address there, or it takes no mail for {domain}).</source>
        <translation>{address} war nicht erreichbar: Der Server für {domain} hat sie abgelehnt (diese Adresse gibt es dort nicht, oder er nimmt keine E-Mails für {domain} an).</translation>
    </message>
    <message>
        <source>Check the spelling of the address; if it is right, the recipient&apos;s administrator must check their mail setup.</source>
        <translation>Prüfen Sie die Schreibweise der Adresse; ist sie richtig, muss der Administrator des Empfängers seine Mail-Einrichtung prüfen.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message went round in a loop between servers.</source>
        <translation>{address} war nicht erreichbar: Die Nachricht lief in einer Schleife zwischen Servern.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message passed through too many servers (a loop, most likely).</source>
        <translation>{address} war nicht erreichbar: Die Nachricht lief über zu viele Server (höchstwahrscheinlich eine Schleife).</translation>
    </message>
    <message>
        <source>{address} could not be reached in time: the message waited for the server of {domain} until it expired.</source>
        <translation>{address} war nicht rechtzeitig erreichbar: Die Nachricht wartete auf den Server von {domain}, bis sie ablief.</translation>
    </message>
    <message>
        <source>Check the address; if it is right, send the message again later: the recipient&apos;s server may be down.</source>
        <translation>Prüfen Sie die Adresse; ist sie richtig, senden Sie die Nachricht später erneut: Der Server des Empfängers ist vielleicht ausgefallen.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the domain {domain} does not exist.</source>
        <translation>{address} war nicht erreichbar: Die Domain {domain} existiert nicht.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server of {domain} refused the connection until the message expired.</source>
        <translation>{address} war nicht erreichbar: Der Server von {domain} hat die Verbindung abgelehnt, bis die Nachricht ablief.</translation>
    </message>
    <message>
        <source>Send the message again later; if it keeps failing, the recipient&apos;s administrator must check their server.</source>
        <translation>Senden Sie die Nachricht später erneut; schlägt es weiter fehl, muss der Administrator des Empfängers seinen Server prüfen.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server of {domain} says this mailbox is unavailable.</source>
        <translation>{address} war nicht erreichbar: Der Server von {domain} meldet dieses Postfach als nicht verfügbar.</translation>
    </message>
    <message>
        <source>Check the spelling of the address; if it is right, tell the recipient another way.</source>
        <translation>Prüfen Sie die Schreibweise der Adresse; ist sie richtig, benachrichtigen Sie den Empfänger auf anderem Weg.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server of {domain} refused the message&apos;s line endings (bare line feeds).</source>
        <translation>{address} war nicht erreichbar: Der Server von {domain} hat die Zeilenenden der Nachricht abgelehnt (einzelne Zeilenvorschübe).</translation>
    </message>
    <message>
        <source>{address} could not be reached: you are not allowed to send to this recipient (a restricted group or mailbox).</source>
        <translation>{address} war nicht erreichbar: Sie dürfen diesem Empfänger nicht schreiben (eine eingeschränkte Gruppe oder ein eingeschränktes Postfach).</translation>
    </message>
    <message>
        <source>Ask the owner of {address} to allow you, or send it through someone who may.</source>
        <translation>Bitten Sie den Inhaber von {address} um die Erlaubnis, oder lassen Sie die Nachricht von jemandem senden, der es darf.</translation>
    </message>
    <message>
        <source>{address} could not be reached: it accepts mail only from inside its organisation.</source>
        <translation>{address} war nicht erreichbar: Die Adresse nimmt nur E-Mails aus ihrer eigenen Organisation an.</translation>
    </message>
    <message>
        <source>{address} could not be reached: you are not on the list of senders this group accepts.</source>
        <translation>{address} war nicht erreichbar: Sie stehen nicht auf der Liste der Absender, die diese Gruppe annimmt.</translation>
    </message>
    <message>
        <source>Ask the owner of the group {address} to add you to its allowed senders.</source>
        <translation>Bitten Sie den Inhaber der Gruppe {address}, Sie zu ihren zugelassenen Absendern hinzuzufügen.</translation>
    </message>
    <message>
        <source>{address} could not be reached: this group accepts mail only from inside its organisation.</source>
        <translation>{address} war nicht erreichbar: Diese Gruppe nimmt nur E-Mails aus ihrer eigenen Organisation an.</translation>
    </message>
    <message>
        <source>{address} could not be reached: this mailbox accepts mail only from inside its organisation.</source>
        <translation>{address} war nicht erreichbar: Dieses Postfach nimmt nur E-Mails aus seiner eigenen Organisation an.</translation>
    </message>
    <message>
        <source>The message to {address} was not sent: your account is blocked from sending, for spam.</source>
        <translation>Die Nachricht an {address} wurde nicht gesendet: Ihr Konto ist wegen Spam für das Senden gesperrt.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server of {domain} refused this address.</source>
        <translation>{address} war nicht erreichbar: Der Server von {domain} hat diese Adresse abgelehnt.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server of {domain} refused how your organisation&apos;s server greeted it (HELO).</source>
        <translation>{address} war nicht erreichbar: Der Server von {domain} hat die Begrüßung durch den Server Ihrer Organisation abgelehnt (HELO).</translation>
    </message>
    <message>
        <source>{address} could not be reached: {domain} blocks mail from your organisation&apos;s server.</source>
        <translation>{address} war nicht erreichbar: {domain} sperrt E-Mails vom Server Ihrer Organisation.</translation>
    </message>
    <message>
        <source>{address} could not be reached: your organisation&apos;s server sent more mail than {domain} accepts.</source>
        <translation>{address} war nicht erreichbar: Der Server Ihrer Organisation hat mehr E-Mails gesendet, als {domain} annimmt.</translation>
    </message>
    <message>
        <source>Send the message again later; if it keeps failing, ask your administrator.</source>
        <translation>Senden Sie die Nachricht später erneut; schlägt es weiter fehl, wenden Sie sich an Ihren Administrator.</translation>
    </message>
    <message>
        <source>{address} could not be reached: your domain failed the sender check (DMARC), and its policy says to refuse such mail.</source>
        <translation>{address} war nicht erreichbar: Ihre Domain hat die Absenderprüfung (DMARC) nicht bestanden, und ihre Richtlinie verlangt, solche E-Mails abzulehnen.</translation>
    </message>
    <message>
        <source>Ask your administrator to check your domain&apos;s SPF, DKIM and DMARC records.</source>
        <translation>Bitten Sie Ihren Administrator, die SPF-, DKIM- und DMARC-Einträge Ihrer Domain zu prüfen.</translation>
    </message>
    <message>
        <source>{address} could not be reached: {domain} does not accept mail over IPv6.</source>
        <translation>{address} war nicht erreichbar: {domain} nimmt keine E-Mails über IPv6 an.</translation>
    </message>
    <message>
        <source>The message to {address} was not sent: your address is banned from sending.</source>
        <translation>Die Nachricht an {address} wurde nicht gesendet: Ihre Adresse ist für das Senden gesperrt.</translation>
    </message>
    <message>
        <source>Ask your administrator to have your address delisted.</source>
        <translation>Bitten Sie Ihren Administrator, Ihre Adresse von der Sperrliste nehmen zu lassen.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message&apos;s From address is not valid.</source>
        <translation>{address} war nicht erreichbar: Die Von-Adresse der Nachricht ist ungültig.</translation>
    </message>
    <message>
        <source>Send the message again from your own address; if it keeps failing, ask your administrator.</source>
        <translation>Senden Sie die Nachricht erneut von Ihrer eigenen Adresse; schlägt es weiter fehl, wenden Sie sich an Ihren Administrator.</translation>
    </message>
    <message>
        <source>{address} could not be reached: {domain} has put your organisation&apos;s server on its block list.</source>
        <translation>{address} war nicht erreichbar: {domain} hat den Server Ihrer Organisation auf seine Sperrliste gesetzt.</translation>
    </message>
    <message>
        <source>Ask the administrator of {domain} to remove the block.</source>
        <translation>Bitten Sie den Administrator von {domain}, die Sperre aufzuheben.</translation>
    </message>
    <message>
        <source>{address} could not be reached: your domain does not prove its mail is genuine as well as {domain} requires.</source>
        <translation>{address} war nicht erreichbar: Ihre Domain weist die Echtheit ihrer E-Mails nicht so nach, wie {domain} es verlangt.</translation>
    </message>
    <message>
        <source>{address} could not be reached: your organisation does not allow mail to be forwarded outside it.</source>
        <translation>{address} war nicht erreichbar: Ihre Organisation erlaubt keine Weiterleitung von E-Mails nach außen.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the IP address your organisation sends from is banned.</source>
        <translation>{address} war nicht erreichbar: Die IP-Adresse, von der Ihre Organisation sendet, ist gesperrt.</translation>
    </message>
    <message>
        <source>Ask your administrator to have the IP address delisted.</source>
        <translation>Bitten Sie Ihren Administrator, die IP-Adresse von der Sperrliste nehmen zu lassen.</translation>
    </message>
    <message>
        <source>The message to {address} was not sent: your organisation is blocked from sending, for sending too much suspicious mail.</source>
        <translation>Die Nachricht an {address} wurde nicht gesendet: Ihre Organisation ist für das Senden gesperrt, weil sie zu viele verdächtige E-Mails versendet hat.</translation>
    </message>
    <message>
        <source>Ask your administrator to contact Microsoft support.</source>
        <translation>Bitten Sie Ihren Administrator, den Microsoft-Support zu kontaktieren.</translation>
    </message>
    <message>
        <source>The message to {address} was not sent: your organisation may not send from a domain it has not registered.</source>
        <translation>Die Nachricht an {address} wurde nicht gesendet: Ihre Organisation darf nicht von einer Domain senden, die sie nicht registriert hat.</translation>
    </message>
    <message>
        <source>Ask your administrator to add and verify the domain in Microsoft 365.</source>
        <translation>Bitten Sie Ihren Administrator, die Domain in Microsoft 365 hinzuzufügen und zu verifizieren.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server kept failing for a while and gave up (code {code}).</source>
        <translation>{address} war nicht erreichbar: Der Server ist eine Zeit lang immer wieder gescheitert und hat aufgegeben (Code {code}).</translation>
    </message>
    <message>
        <source>Send the message again later.</source>
        <translation>Senden Sie die Nachricht später erneut.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the receiving server refused the message (code {code}).</source>
        <translation>{address} war nicht erreichbar: Der empfangende Server hat die Nachricht abgelehnt (Code {code}).</translation>
    </message>
    <message>
        <source>Check the address; if it is right, ask your administrator, with the server&apos;s words below.</source>
        <translation>Prüfen Sie die Adresse; ist sie richtig, wenden Sie sich mit der Meldung des Servers unten an Ihren Administrator.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln delayed</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>%Ln verzögert</numerusform>
            <numerusform>%Ln verzögert</numerusform>
        </translation>
    </message>
    <message>
        <source>{address} could not be reached; the report gives no reason.</source>
        <translation>{address} war nicht erreichbar; der Bericht nennt keinen Grund.</translation>
    </message>
    <message>
        <source>read at {time}</source>
        <translation>gelesen um {time}</translation>
    </message>
    <message>
        <source>read on {date} at {time}</source>
        <translation>gelesen am {date} um {time}</translation>
    </message>
    <message>
        <source>no news</source>
        <translation>keine Nachricht</translation>
    </message>
    <message>
        <source>delayed: the server is still trying</source>
        <translation>verzögert: Der Server versucht es noch</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>deleted without being read</source>
        <translation>ungelesen gelöscht</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>nicht zugestellt</translation>
    </message>
    <message>
        <source>all read</source>
        <translation>alle gelesen</translation>
    </message>
    <message>
        <source>all delivered</source>
        <translation>alle zugestellt</translation>
    </message>
    <message>
        <source>{delivered} of {total} delivered</source>
        <translation>{delivered} von {total} zugestellt</translation>
    </message>
</context>
<context>
    <name>EmlRead</name>
    <message>
        <source>The file&apos;s parts nest more than {limit} multiparts deep, more than a file of {lines} lines may (every line is looked at for every boundary it is in); it was not opened.</source>
        <translation>Die Teile der Datei sind mehr als {limit} Multipart-Ebenen tief verschachtelt, mehr als eine Datei mit {lines} Zeilen darf (jede Zeile wird mit jeder Grenze verglichen, in der sie liegt); sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file has more than {limit} headers; it was not opened.</source>
        <translation>Die Datei hat mehr als {limit} Kopfzeilen; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file&apos;s headers take more than {limit} characters; it was not opened.</source>
        <translation>Die Kopfzeilen der Datei umfassen mehr als {limit} Zeichen; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file&apos;s parts describe themselves in more than {limit} characters of headers; it was not opened.</source>
        <translation>Die Teile der Datei beschreiben sich mit mehr als {limit} Zeichen an Kopfzeilen; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file&apos;s addresses take more than {limit} characters (far more recipients than a message may have); it was not opened.</source>
        <translation>Die Adressen der Datei umfassen mehr als {limit} Zeichen (weit mehr Empfänger, als eine Nachricht haben darf); sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file&apos;s {name} header has {count} parameters (at most {limit}); it was not opened.</source>
        <translation>Die Kopfzeile {name} der Datei hat {count} Parameter (höchstens {limit}); sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file&apos;s parts have more than {limit} parameters in their headers; it was not opened.</source>
        <translation>Die Teile der Datei haben mehr als {limit} Parameter in ihren Kopfzeilen; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file&apos;s {name} header holds {length} characters of encoded words (at most {limit}); it was not opened.</source>
        <translation>Die Kopfzeile {name} der Datei enthält {length} Zeichen an kodierten Wörtern (höchstens {limit}); sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file&apos;s headers hold more than {limit} characters of encoded words; it was not opened.</source>
        <translation>Die Kopfzeilen der Datei enthalten mehr als {limit} Zeichen an kodierten Wörtern; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file was not opened.</source>
        <translation>Die Datei wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file took more than {seconds} s to read; it was not opened.</source>
        <translation>Das Lesen der Datei dauerte länger als {seconds} s; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>“{name}” is {size}; at most {limit} can be opened as a draft (twice the server&apos;s message limit).</source>
        <translation>„{name}“ ist {size} groß; als Entwurf geöffnet werden können höchstens {limit} (das Doppelte der Nachrichtengrenze des Servers).</translation>
    </message>
    <message>
        <source>The file is {size}; at most {limit} can be opened as a draft (twice the server&apos;s message limit).</source>
        <translation>Die Datei ist {size} groß; als Entwurf geöffnet werden können höchstens {limit} (das Doppelte der Nachrichtengrenze des Servers).</translation>
    </message>
    <message>
        <source>“{name}” is {size}; at most {limit} can be opened as a draft (a larger one would take more memory to read than Dispatch allows itself).</source>
        <translation>„{name}“ ist {size} groß; als Entwurf geöffnet werden können höchstens {limit} (eine größere Datei bräuchte zum Lesen mehr Arbeitsspeicher, als Dispatch sich zugesteht).</translation>
    </message>
    <message>
        <source>The file is {size}; at most {limit} can be opened as a draft (a larger one would take more memory to read than Dispatch allows itself).</source>
        <translation>Die Datei ist {size} groß; als Entwurf geöffnet werden können höchstens {limit} (eine größere Datei bräuchte zum Lesen mehr Arbeitsspeicher, als Dispatch sich zugesteht).</translation>
    </message>
    <message>
        <source>The file has more than {limit} lines; it was not opened.</source>
        <translation>Die Datei hat mehr als {limit} Zeilen; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file has a line of {size} MB or more (mail&apos;s lines are at most 998 characters); it was not opened.</source>
        <translation>Die Datei enthält eine Zeile von {size} MB oder mehr (Zeilen einer E-Mail haben höchstens 998 Zeichen); sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file does not look like an e-mail message (.eml): it has none of From, To, Subject, Date or Message-ID.</source>
        <translation>Die Datei sieht nicht wie eine E-Mail-Nachricht (.eml) aus: Sie enthält keine der Kopfzeilen From, To, Subject, Date oder Message-ID.</translation>
    </message>
    <message>
        <source>The file&apos;s headers name {names}, which is not a mail character set: that text was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).</source>
        <translation>Die Kopfzeilen der Datei nennen {names}, das kein E-Mail-Zeichensatz ist: Dieser Text wurde als unbekanntes 8-Bit gelesen (UTF-8, wo er es ist, � für die übrigen Bytes).</translation>
    </message>
    <message>
        <source>The file&apos;s headers name {names}, which are not mail character sets: that text was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).</source>
        <translation>Die Kopfzeilen der Datei nennen {names}, die keine E-Mail-Zeichensätze sind: Dieser Text wurde als unbekanntes 8-Bit gelesen (UTF-8, wo er es ist, � für die übrigen Bytes).</translation>
    </message>
    <message>
        <source>The file&apos;s headers name {names} and others, which are not mail character sets: that text was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).</source>
        <translation>Die Kopfzeilen der Datei nennen {names} und weitere, die keine E-Mail-Zeichensätze sind: Dieser Text wurde als unbekanntes 8-Bit gelesen (UTF-8, wo er es ist, � für die übrigen Bytes).</translation>
    </message>
    <message>
        <source>The {names} header could not be parsed; read as written.</source>
        <translation>Die Kopfzeile {names} konnte nicht ausgewertet werden; sie wurde unverändert gelesen.</translation>
    </message>
    <message>
        <source>The {names} headers could not be parsed; read as written.</source>
        <translation>Die Kopfzeilen {names} konnten nicht ausgewertet werden; sie wurden unverändert gelesen.</translation>
    </message>
    <message>
        <source>The file is not a mail message that can be read ({error}).</source>
        <translation>Die Datei ist keine lesbare E-Mail-Nachricht ({error}).</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>The file has more than {limit} parts; it was not opened.</source>
        <translation>Die Datei hat mehr als {limit} Teile; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>A part of the file has more than {limit} headers; it was not opened.</source>
        <translation>Ein Teil der Datei hat mehr als {limit} Kopfzeilen; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file&apos;s parts nest more than {limit} deep; it was not opened.</source>
        <translation>Die Teile der Datei sind mehr als {limit} Ebenen tief verschachtelt; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file&apos;s {name} header is {length} characters long (at most {limit}); it was not opened.</source>
        <translation>Die Kopfzeile {name} der Datei ist {length} Zeichen lang (höchstens {limit}); sie wurde nicht geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln custom header(s) left out: a message carries at most {limit}.</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>%Ln benutzerdefinierte Kopfzeile weggelassen: Eine Nachricht enthält höchstens {limit}.</numerusform>
            <numerusform>%Ln benutzerdefinierte Kopfzeilen weggelassen: Eine Nachricht enthält höchstens {limit}.</numerusform>
        </translation>
    </message>
    <message>
        <source>The Thread-Index header is not a conversation index; it was left out.</source>
        <translation>Die Kopfzeile Thread-Index ist kein Unterhaltungsindex; sie wurde weggelassen.</translation>
    </message>
    <message>
        <source>The {name} header is malformed; it was read as it is.</source>
        <translation>Die Kopfzeile {name} ist fehlerhaft; sie wurde unverändert gelesen.</translation>
    </message>
    <message>
        <source>The {name} header is malformed ({text}…): check its addresses.</source>
        <translation>Die Kopfzeile {name} ist fehlerhaft ({text}…): Überprüfen Sie ihre Adressen.</translation>
    </message>
    <message>
        <source>The {name} header could not be read: {text}</source>
        <translation>Die Kopfzeile {name} konnte nicht gelesen werden: {text}</translation>
    </message>
    <message>
        <source>The Date header could not be read: “{text}”.</source>
        <translation>Die Kopfzeile Date konnte nicht gelesen werden: „{text}“.</translation>
    </message>
    <message>
        <source>An attachment&apos;s encoding is broken; it is empty.</source>
        <translation>Die Codierung einer Anlage ist beschädigt; sie ist leer.</translation>
    </message>
    <message>
        <source>The message text&apos;s encoding is broken; it was read as it is.</source>
        <translation>Die Codierung des Nachrichtentexts ist beschädigt; er wurde unverändert gelesen.</translation>
    </message>
    <message>
        <source>The message text says it is in “{charset}”, which is not a mail character set: it was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).</source>
        <translation>Der Nachrichtentext gibt „{charset}“ an, das kein E-Mail-Zeichensatz ist: Er wurde als unbekanntes 8-Bit gelesen (UTF-8, wo er es ist, � für die übrigen Bytes).</translation>
    </message>
</context>
<context>
    <name>Headers</name>
    <message>
        <source>Importance</source>
        <extracomment>X- headers that stand for a field of the message: set through the field, not as a custom header</extracomment>
        <translation>die Wichtigkeit</translation>
    </message>
    <message>
        <source>the read receipt</source>
        <translation>die Lesebestätigung</translation>
    </message>
    <message>
        <source>“{name}”: a custom header&apos;s name must start with “X-” (for example X-Project).</source>
        <translation>„{name}“: Der Name einer benutzerdefinierten Kopfzeile muss mit „X-“ beginnen (zum Beispiel X-Project).</translation>
    </message>
    <message>
        <source>“{name}”: a header name may hold only letters, digits and punctuation (no spaces, colons or accents).</source>
        <translation>„{name}“: Ein Kopfzeilenname darf nur Buchstaben, Ziffern und Satzzeichen enthalten (keine Leerzeichen, Doppelpunkte oder Akzente).</translation>
    </message>
    <message>
        <source>{name} is set by {field}, not as a custom header.</source>
        <translation>{name} wird über {field} festgelegt, nicht als benutzerdefinierte Kopfzeile.</translation>
    </message>
    <message>
        <source>“{name}”: Exchange keeps headers starting with {prefix}- for itself.</source>
        <translation>„{name}“: Kopfzeilen, die mit {prefix}- beginnen, behält Exchange sich selbst vor.</translation>
    </message>
    <message>
        <source>The value of {name} must be one line.</source>
        <translation>Der Wert von {name} muss in einer Zeile stehen.</translation>
    </message>
    <message>
        <source>The value of {name} holds a control character.</source>
        <translation>Der Wert von {name} enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>{name} is already there; change its value instead.</source>
        <translation>{name} ist bereits vorhanden; ändern Sie stattdessen den Wert.</translation>
    </message>
    <message>
        <source>A message can carry at most {limit} custom headers (Exchange&apos;s limit).</source>
        <translation>Eine Nachricht kann höchstens {limit} benutzerdefinierte Kopfzeilen enthalten (Grenze von Exchange).</translation>
    </message>
    <message>
        <source>The custom headers would be larger than {limit} KB (Exchange&apos;s limit).</source>
        <translation>Die benutzerdefinierten Kopfzeilen wären größer als {limit} KB (Grenze von Exchange).</translation>
    </message>
    <message>
        <source>A follow-up flag with a due date needs a start date too.</source>
        <translation>Eine Nachverfolgungskennzeichnung mit Fälligkeitsdatum braucht auch ein Startdatum.</translation>
    </message>
    <message>
        <source>The follow-up flag&apos;s due date is before its start date.</source>
        <translation>Das Fälligkeitsdatum der Nachverfolgungskennzeichnung liegt vor ihrem Startdatum.</translation>
    </message>
    <message>
        <source>Dates need a flag: set the follow-up flag or clear its dates.</source>
        <translation>Daten erfordern eine Kennzeichnung: Setzen Sie die Nachverfolgungskennzeichnung, oder löschen Sie ihre Daten.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>the journal&apos;s folder cannot be written ({error})</source>
        <translation>in den Ordner des Journals kann nicht geschrieben werden ({error})</translation>
    </message>
    <message>
        <source>the journal file cannot be opened</source>
        <translation>die Journaldatei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>the journal file cannot be written ({error})</source>
        <translation>die Journaldatei kann nicht geschrieben werden ({error})</translation>
    </message>
    <message>
        <source>the journal is damaged and could not be replaced ({error})</source>
        <translation>das Journal ist beschädigt und konnte nicht ersetzt werden ({error})</translation>
    </message>
</context>
<context>
    <name>ListRows</name>
    <message>
        <source>Follow-up complete</source>
        <translation>Nachverfolgung erledigt</translation>
    </message>
    <message>
        <source>follow-up complete</source>
        <translation>Nachverfolgung erledigt</translation>
    </message>
    <message>
        <source>Flagged for follow-up</source>
        <translation>Zur Nachverfolgung gekennzeichnet</translation>
    </message>
    <message>
        <source>flagged for follow-up</source>
        <translation>zur Nachverfolgung gekennzeichnet</translation>
    </message>
    <message>
        <source>start {day}</source>
        <translation>Beginn am {day}</translation>
    </message>
    <message>
        <source>due {day}</source>
        <translation>fällig am {day}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <extracomment>the words of a row (made once: a list shows thousands of rows)</extracomment>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>to {recipients}</source>
        <translation>an {recipients}</translation>
    </message>
    <message>
        <source>with attachments</source>
        <translation>mit Anlagen</translation>
    </message>
    <message>
        <source>{mark} {subject}</source>
        <translation>{mark} {subject}</translation>
    </message>
    <message>
        <source>{tip}&lt;p&gt;{flag}&lt;/p&gt;</source>
        <translation>{tip}&lt;p&gt;{flag}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <extracomment>two, three or four parts of a row said in one line (a list separator may differ by language)</extracomment>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <source>{first}, {second}, {third}</source>
        <translation>{first}, {second}, {third}</translation>
    </message>
    <message>
        <source>{first}, {second}, {third}, {fourth}</source>
        <translation>{first}, {second}, {third}, {fourth}</translation>
    </message>
    <message>
        <source>(no recipients)</source>
        <translation>(keine Empfänger)</translation>
    </message>
</context>
<context>
    <name>LocalData</name>
    <message>
        <source>the disk holding Dispatch&apos;s data is full</source>
        <translation>der Datenträger mit den Daten von Dispatch ist voll</translation>
    </message>
    <message>
        <source>the folder holding Dispatch&apos;s data is read-only</source>
        <translation>der Ordner mit den Daten von Dispatch ist schreibgeschützt</translation>
    </message>
    <message>
        <source>Dispatch is not allowed to write to its data folder</source>
        <translation>Dispatch darf nicht in seinen Datenordner schreiben</translation>
    </message>
    <message>
        <source>your disk quota is used up</source>
        <translation>Ihr Speicherkontingent ist aufgebraucht</translation>
    </message>
    <message>
        <source>the disk holding Dispatch&apos;s data reported an error</source>
        <translation>der Datenträger mit den Daten von Dispatch hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>Dispatch&apos;s local journal cannot be written</source>
        <translation>das lokale Journal von Dispatch kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Free some space</source>
        <translation>Geben Sie Speicherplatz frei</translation>
    </message>
    <message>
        <source>Make Dispatch&apos;s data folder writable</source>
        <translation>Machen Sie den Datenordner von Dispatch beschreibbar</translation>
    </message>
    <message>
        <source>Check the disk</source>
        <translation>Überprüfen Sie den Datenträger</translation>
    </message>
    <message>
        <source>Not sent: {reason}, so the send cannot be protected against a crash. {action}, or save the draft to the server with Ctrl+S.</source>
        <translation>Nicht gesendet: {reason}, daher kann das Senden nicht gegen einen Absturz geschützt werden. {action}, oder speichern Sie den Entwurf mit Strg+S auf dem Server.</translation>
    </message>
</context>
<context>
    <name>M365</name>
    <message>
        <source>The Microsoft Graph URL names {host}, which is none of Microsoft&apos;s Graph hosts ({hosts}) nor this computer.</source>
        <translation>Die Microsoft Graph-URL nennt {host}; das ist weder einer der Graph-Hosts von Microsoft ({hosts}) noch dieser Computer.</translation>
    </message>
    <message>
        <source>The sign-in authority names {host}, which is none of Microsoft&apos;s sign-in hosts ({hosts}) nor this computer.</source>
        <translation>Die Anmeldeautorität nennt {host}; das ist weder einer der Anmelde-Hosts von Microsoft ({hosts}) noch dieser Computer.</translation>
    </message>
    <message>
        <source>The sign-in authority must end with the tenant: its ID, a domain of it, or organizations (for example {example}).</source>
        <translation>Die Anmeldeautorität muss mit dem Mandanten enden: seiner ID, einer seiner Domänen oder organizations (zum Beispiel {example}).</translation>
    </message>
    <message>
        <source>{name} is not valid JSON ({error}, line {line}).</source>
        <translation>{name} ist kein gültiges JSON ({error}, Zeile {line}).</translation>
    </message>
    <message>
        <source>{name} must hold a JSON object ({example}).</source>
        <translation>{name} muss ein JSON-Objekt enthalten ({example}).</translation>
    </message>
    <message>
        <source>{name} holds &quot;{key}&quot;, which looks like a secret: a defaults file must never hold one (Dispatch is a public client and needs none). The file was not used.</source>
        <translation>{name} enthält „{key}“, was wie ein Geheimnis aussieht: Eine Standardwertedatei darf nie eines enthalten (Dispatch ist ein öffentlicher Client und braucht keines). Die Datei wurde nicht verwendet.</translation>
    </message>
    <message>
        <source>{name}: unknown key &quot;{key}&quot; (known: {known}). The file was not used.</source>
        <translation>{name}: unbekannter Schlüssel „{key}“ (bekannt: {known}). Die Datei wurde nicht verwendet.</translation>
    </message>
    <message>
        <source>{name}: &quot;{key}&quot; {problem} The file was not used.</source>
        <translation>{name}: „{key}“ {problem} Die Datei wurde nicht verwendet.</translation>
    </message>
    <message>
        <source>must be a non-empty text.</source>
        <translation>muss ein nicht leerer Text sein.</translation>
    </message>
    <message>
        <source>must be the application (client) ID, a GUID (8-4-4-4-12 hex digits).</source>
        <translation>muss die Anwendungs-ID (Client-ID) sein, eine GUID (8-4-4-4-12 Hexadezimalziffern).</translation>
    </message>
    <message>
        <source>must be the tenant&apos;s ID (a GUID), one of its domains, or organizations.</source>
        <translation>muss die ID des Mandanten (eine GUID), eine seiner Domänen oder organizations sein.</translation>
    </message>
    <message>
        <source>is not accepted: {problem}</source>
        <translation>wird nicht akzeptiert: {problem}</translation>
    </message>
    <message>
        <source>The application ID identifies Dispatch to your organisation&apos;s Microsoft 365. Your administrator registers Dispatch once for everyone and gives you the ID (or deploys it, and then you only type your address).</source>
        <translation>Die Anwendungs-ID weist Dispatch gegenüber dem Microsoft 365 Ihrer Organisation aus. Ihr Administrator registriert Dispatch einmal für alle und gibt Ihnen die ID (oder verteilt sie; dann geben Sie nur Ihre Adresse ein).</translation>
    </message>
    <message>
        <source>Register Dispatch in Microsoft Entra (once per organisation):
1. Microsoft Entra admin center &gt; App registrations &gt; New registration.
2. Name: Dispatch. Supported account types: Accounts in this organizational directory only.
3. Redirect URI: platform &quot;Mobile and desktop applications&quot;. Register.
4. Manifest: add the loopback redirect to &quot;replyUrlsWithType&quot;:
   {redirect}
5. Authentication: Allow public client flows: Yes (for the device code).
6. API permissions: Microsoft Graph, delegated: {permissions}. Grant admin consent if your policy asks.
7. Give users the Application (client) ID and the tenant ID, or deploy them in
   {defaults}
No client secret is needed: never put one in the defaults file.</source>
        <translation>Dispatch in Microsoft Entra registrieren (einmal pro Organisation):
1. Microsoft Entra Admin Center &gt; App-Registrierungen &gt; Neue Registrierung.
2. Name: Dispatch. Unterstützte Kontotypen: Nur Konten in diesem Organisationsverzeichnis.
3. Umleitungs-URI: Plattform „Mobile Anwendungen und Desktopanwendungen“. Registrieren.
4. Manifest: die Loopback-Umleitung zu „replyUrlsWithType“ hinzufügen:
   {redirect}
5. Authentifizierung: Öffentliche Clientflows zulassen: Ja (für den Gerätecode).
6. API-Berechtigungen: Microsoft Graph, delegiert: {permissions}. Administratorzustimmung erteilen, falls Ihre Richtlinie das verlangt.
7. Den Benutzern die Anwendungs-ID (Client-ID) und die Mandanten-ID geben oder sie bereitstellen in
   {defaults}
Es wird kein geheimer Clientschlüssel benötigt: Legen Sie nie einen in der Standardwertedatei ab.</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} KB: not a defaults file. The file was not used.</source>
        <translation>{path} ist größer als {limit} KB: keine Standardwertedatei. Die Datei wurde nicht verwendet.</translation>
    </message>
    <message>
        <source>{path} could not be read ({error}). The file was not used.</source>
        <translation>{path} konnte nicht gelesen werden ({error}). Die Datei wurde nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>MailErrors</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Too large to send</source>
        <translation>Zu groß zum Senden</translation>
    </message>
    <message>
        <source>No valid recipients</source>
        <translation>Keine gültigen Empfänger</translation>
    </message>
    <message>
        <source>Deleted on the server</source>
        <translation>Auf dem Server gelöscht</translation>
    </message>
    <message>
        <source>The server did not recognise this item</source>
        <translation>Der Server hat dieses Element nicht erkannt</translation>
    </message>
    <message>
        <source>The item changed on the server; refresh and try again</source>
        <translation>Das Element wurde auf dem Server geändert; aktualisieren Sie, und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>The item was changed elsewhere; reopen it and try again</source>
        <translation>Das Element wurde an anderer Stelle geändert; öffnen Sie es erneut, und versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>You do not have permission to do this</source>
        <translation>Sie haben keine Berechtigung für diesen Vorgang</translation>
    </message>
    <message>
        <source>The server is busy; try again shortly</source>
        <translation>Der Server ist ausgelastet; versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <source>A recipient could not be found</source>
        <translation>Ein Empfänger wurde nicht gefunden</translation>
    </message>
    <message>
        <source>Your mailbox is full</source>
        <translation>Ihr Postfach ist voll</translation>
    </message>
    <message>
        <source>You are not allowed to send as this sender</source>
        <translation>Sie dürfen nicht als dieser Absender senden</translation>
    </message>
    <message>
        <source>You have sent too many messages; try again later</source>
        <translation>Sie haben zu viele Nachrichten gesendet; versuchen Sie es später erneut</translation>
    </message>
    <message>
        <source>The server could not save the item</source>
        <translation>Der Server konnte das Element nicht speichern</translation>
    </message>
    <message>
        <source>The item is damaged on the server</source>
        <translation>Das Element ist auf dem Server beschädigt</translation>
    </message>
    <message>
        <source>The server could not convert the message</source>
        <translation>Der Server konnte die Nachricht nicht konvertieren</translation>
    </message>
    <message>
        <source>The server could not read the message file (its MIME content is invalid)</source>
        <translation>Der Server konnte die Nachrichtendatei nicht lesen (ihr MIME-Inhalt ist ungültig)</translation>
    </message>
    <message>
        <source>The server rejected the request as malformed</source>
        <translation>Der Server hat die Anforderung als fehlerhaft abgelehnt</translation>
    </message>
    <message>
        <source>The server rejected the request</source>
        <translation>Der Server hat die Anforderung abgelehnt</translation>
    </message>
    <message>
        <source>The server took too long to answer</source>
        <translation>Der Server hat zu lange nicht geantwortet</translation>
    </message>
    <message>
        <source>The server had an internal error</source>
        <translation>Auf dem Server ist ein interner Fehler aufgetreten</translation>
    </message>
    <message>
        <source>No matching name in the directory</source>
        <translation>Kein passender Name im Verzeichnis</translation>
    </message>
    <message>
        <source>Several names match</source>
        <translation>Mehrere Namen passen</translation>
    </message>
    <message>
        <source>Could not reach the server</source>
        <translation>Der Server ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The server did not accept your user name or password</source>
        <translation>Der Server hat Ihren Benutzernamen oder Ihr Kennwort nicht akzeptiert</translation>
    </message>
    <message>
        <source>Microsoft 365 needs you to sign in again</source>
        <translation>Microsoft 365 erfordert eine erneute Anmeldung</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut</translation>
    </message>
    <message>
        <source>The server sent a reply that could not be read</source>
        <translation>Der Server hat eine unlesbare Antwort gesendet</translation>
    </message>
    <message>
        <source>The connection dropped before the server answered</source>
        <translation>Die Verbindung wurde getrennt, bevor der Server antwortete</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Exchange Online no longer accepts EWS for this mailbox; sign in with Microsoft 365</source>
        <translation>Exchange Online akzeptiert EWS für dieses Postfach nicht mehr; melden Sie sich mit Microsoft 365 an</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>this mailbox</source>
        <translation>dieses Postfach</translation>
    </message>
    <message>
        <source>Exchange Online no longer accepts EWS for {who} ({why}). Sign in with Microsoft 365 to keep using this mailbox: nothing waiting to be sent is lost.</source>
        <translation>Exchange Online akzeptiert EWS für {who} nicht mehr ({why}). Melden Sie sich mit Microsoft 365 an, um dieses Postfach weiter zu verwenden: Nichts, was auf das Senden wartet, geht verloren.</translation>
    </message>
    <message>
        <source>this account</source>
        <translation>dieses Konto</translation>
    </message>
    <message>
        <source>Microsoft 365 needs you to sign in again for {who}. Nothing waiting to be sent is lost: it goes out once you are signed in.</source>
        <translation>Microsoft 365 erfordert eine erneute Anmeldung für {who}. Nichts, was auf das Senden wartet, geht verloren: Es wird gesendet, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
    <message>
        <source>{explanation} ({code})</source>
        <translation>{explanation} ({code})</translation>
    </message>
    <message>
        <source>The server refused the user name or password</source>
        <translation>Der Server hat den Benutzernamen oder das Kennwort abgelehnt</translation>
    </message>
    <message>
        <source>This server asks for Windows sign-in (NTLM/Kerberos), not a plain password: switch the account to Automatic sign-in</source>
        <translation>Dieser Server verlangt die Windows-Anmeldung (NTLM/Kerberos), kein einfaches Passwort: stellen Sie das Konto auf automatische Anmeldung um</translation>
    </message>
    <message>
        <source>This server asks for a plain password, not Windows sign-in: switch the account to Automatic sign-in</source>
        <translation>Dieser Server verlangt ein einfaches Passwort, keine Windows-Anmeldung: stellen Sie das Konto auf automatische Anmeldung um</translation>
    </message>
    <message>
        <source>Your Kerberos ticket has expired: run kinit, or sign in to your desktop session again</source>
        <translation>Ihr Kerberos-Ticket ist abgelaufen: führen Sie kinit aus oder melden Sie sich erneut an Ihrer Desktop-Sitzung an</translation>
    </message>
    <message>
        <source>You have no Kerberos ticket: run kinit, or sign in to your desktop session again</source>
        <translation>Sie haben kein Kerberos-Ticket: führen Sie kinit aus oder melden Sie sich erneut an Ihrer Desktop-Sitzung an</translation>
    </message>
    <message>
        <source>The server refused a valid Kerberos ticket: its Extended Protection does not match the connection (a proxy that terminates TLS in front of Exchange?). Ask the administrator</source>
        <translation>Der Server hat ein gültiges Kerberos-Ticket abgelehnt: sein erweiterter Schutz (Extended Protection) passt nicht zur Verbindung (ein Proxy, der TLS vor Exchange beendet?). Wenden Sie sich an den Administrator</translation>
    </message>
    <message>
        <source>Sign-in was cancelled</source>
        <translation>Die Anmeldung wurde abgebrochen</translation>
    </message>
    <message>
        <source>Sign in to Microsoft 365 again</source>
        <translation>Melden Sie sich erneut bei Microsoft 365 an</translation>
    </message>
    <message>
        <source>The server is busy</source>
        <translation>Der Server ist ausgelastet</translation>
    </message>
    <message>
        <source>Your organisation has not allowed Dispatch to read its address book</source>
        <translation>Ihre Organisation hat Dispatch nicht erlaubt, ihr Adressbuch zu lesen</translation>
    </message>
    <message>
        <source>The account was closed before this could be asked of the server</source>
        <translation>Das Konto wurde geschlossen, bevor der Server gefragt werden konnte</translation>
    </message>
    <message>
        <source>Microsoft 365 did not accept the sign-in (HTTP 401)</source>
        <translation>Microsoft 365 hat die Anmeldung nicht akzeptiert (HTTP 401)</translation>
    </message>
    <message>
        <source>Could not get a Microsoft 365 sign-in token ({error})</source>
        <translation>Es konnte kein Microsoft 365-Anmeldetoken abgerufen werden ({error})</translation>
    </message>
    <message>
        <source>No Microsoft 365 sign-in token: sign in again</source>
        <translation>Kein Microsoft 365-Anmeldetoken: Melden Sie sich erneut an</translation>
    </message>
    <message>
        <source>The browser sign-in did not come back in time; start it again.</source>
        <translation>Die Anmeldung im Browser wurde nicht rechtzeitig abgeschlossen; starten Sie sie erneut.</translation>
    </message>
    <message>
        <source>Sending a saved draft without a copy in Sent Items is not available over Microsoft Graph.</source>
        <translation>Einen gespeicherten Entwurf ohne Kopie in „Gesendete Elemente“ zu senden, ist über Microsoft Graph nicht möglich.</translation>
    </message>
    <message>
        <source>No application (client) id is set for Microsoft 365 sign-in; enter the one your organisation registered in the account settings.</source>
        <translation>Für die Microsoft 365-Anmeldung ist keine Anwendungs-ID (Client-ID) festgelegt; geben Sie die von Ihrer Organisation registrierte ID in den Kontoeinstellungen ein.</translation>
    </message>
    <message>
        <source>Microsoft 365 refused to start a device sign-in ({reason}).</source>
        <translation>Microsoft 365 hat den Start einer Geräteanmeldung abgelehnt ({reason}).</translation>
    </message>
    <message>
        <source>Microsoft 365 sign-in failed ({reason}).</source>
        <translation>Die Anmeldung bei Microsoft 365 ist fehlgeschlagen ({reason}).</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate could not be verified ({error}).</source>
        <translation>Das Zertifikat des Anmeldeservers konnte nicht überprüft werden ({error}).</translation>
    </message>
    <message>
        <source>Could not reach the Microsoft 365 sign-in server ({error}).</source>
        <translation>Der Microsoft 365-Anmeldeserver ist nicht erreichbar ({error}).</translation>
    </message>
    <message>
        <source>The {backend} backend is not available in this version of Dispatch.</source>
        <translation>Das Back-End {backend} ist in dieser Version von Dispatch nicht verfügbar.</translation>
    </message>
    <message>
        <source>The server asks for a password (NTLM or Basic), and none was given</source>
        <translation>Der Server verlangt ein Passwort (NTLM oder Basic), und es wurde keines angegeben</translation>
    </message>
</context>
<context>
    <name>Mailto</name>
    <message>
        <source>This is not a mailto: link.</source>
        <translation>Das ist kein mailto:-Link.</translation>
    </message>
    <message>
        <source>The mailto: link is longer than {limit} characters; nothing was opened from it.</source>
        <translation>Der mailto:-Link ist länger als {limit} Zeichen; nichts daraus wurde geöffnet.</translation>
    </message>
    <message>
        <source>a field&apos;s name</source>
        <translation>der Name eines Feldes</translation>
    </message>
    <message>
        <source>The mailto: link is malformed: {field} holds a % that is not followed by two hexadecimal digits.</source>
        <translation>Der mailto:-Link ist fehlerhaft: {field} enthält ein %, auf das keine zwei Hexadezimalziffern folgen.</translation>
    </message>
    <message>
        <source>The mailto: link is malformed: {field} holds bytes that are not UTF-8 text.</source>
        <translation>Der mailto:-Link ist fehlerhaft: {field} enthält Bytes, die kein UTF-8-Text sind.</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message numerus="yes">
        <source>Line {line} has %Ln value(s); the header has {columns} columns.</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>Zeile {line} hat %Ln Wert; die Kopfzeile hat {columns} Spalten.</numerusform>
            <numerusform>Zeile {line} hat %Ln Werte; die Kopfzeile hat {columns} Spalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The table is {size} MB; Dispatch reads at most {limit} MB.</source>
        <translation>Die Tabelle ist {size} MB groß; Dispatch liest höchstens {limit} MB.</translation>
    </message>
    <message>
        <source>Line {line} is not UTF-8 text. Save the table as “CSV UTF-8” and try again.</source>
        <translation>Zeile {line} ist kein UTF-8-Text. Speichern Sie die Tabelle als „CSV UTF-8“, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The table is longer than {limit} MB of text.</source>
        <translation>Die Tabelle ist länger als {limit} MB Text.</translation>
    </message>
    <message>
        <source>The table is empty: it needs a header row naming the columns, then one row per message.</source>
        <translation>Die Tabelle ist leer: Sie braucht eine Kopfzeile, die die Spalten benennt, dann eine Zeile pro Nachricht.</translation>
    </message>
    <message>
        <source>Line {line}: a value is longer than {limit} KB.</source>
        <translation>Zeile {line}: Ein Wert ist länger als {limit} KB.</translation>
    </message>
    <message>
        <source>Line {line}: it is not valid CSV (a quote that is not closed?).</source>
        <translation>Zeile {line}: Das ist kein gültiges CSV (ein nicht geschlossenes Anführungszeichen?).</translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation>Spalte {number}</translation>
    </message>
    <message>
        <source>Line {line}, “{name}”: a value is longer than {limit} KB.</source>
        <translation>Zeile {line}, „{name}“: Ein Wert ist länger als {limit} KB.</translation>
    </message>
    <message>
        <source>Line {line}: the table has more than {limit} rows; split it.</source>
        <translation>Zeile {line}: Die Tabelle hat mehr als {limit} Zeilen; teilen Sie sie auf.</translation>
    </message>
    <message>
        <source>The table is empty: it needs a header row naming the columns.</source>
        <translation>Die Tabelle ist leer: Sie braucht eine Kopfzeile, die die Spalten benennt.</translation>
    </message>
    <message>
        <source>The table has a header row but no rows below it.</source>
        <translation>Die Tabelle hat eine Kopfzeile, aber keine Zeilen darunter.</translation>
    </message>
    <message>
        <source>Line {line}: {columns} columns; Dispatch reads at most {limit}.</source>
        <translation>Zeile {line}: {columns} Spalten; Dispatch liest höchstens {limit}.</translation>
    </message>
    <message>
        <source>Line {line} (the header row): column {number} has no name.</source>
        <translation>Zeile {line} (die Kopfzeile): Spalte {number} hat keinen Namen.</translation>
    </message>
    <message>
        <source>Line {line} (the header row): the name of column {number} is longer than 100 characters.</source>
        <translation>Zeile {line} (die Kopfzeile): Der Name von Spalte {number} ist länger als 100 Zeichen.</translation>
    </message>
    <message>
        <source>Line {line} (the header row): two columns are named “{name}”.</source>
        <translation>Zeile {line} (die Kopfzeile): Zwei Spalten heißen „{name}“.</translation>
    </message>
    <message>
        <source>Unknown placeholder {names}: the columns are {columns}.</source>
        <translation>Unbekannter Platzhalter {names}: Die Spalten sind {columns}.</translation>
    </message>
    <message>
        <source>No address in “{column}”.</source>
        <translation>Keine Adresse in „{column}“.</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first} {second}</translation>
    </message>
</context>
<context>
    <name>SendChecks</name>
    <message>
        <source>This message has no subject.</source>
        <translation>Diese Nachricht hat keinen Betreff.</translation>
    </message>
    <message>
        <source>The message mentions an attachment (“{word}”), but nothing is attached.</source>
        <translation>Die Nachricht erwähnt eine Anlage („{word}“), aber es ist nichts angefügt.</translation>
    </message>
</context>
<context>
    <name>Senders</name>
    <message>
        <source>{sender} on behalf of {principal}</source>
        <translation>{sender} im Auftrag von {principal}</translation>
    </message>
    <message>
        <source>Enter the mailbox&apos;s e-mail address.</source>
        <translation>Geben Sie die E-Mail-Adresse des Postfachs ein.</translation>
    </message>
    <message>
        <source>That is this account&apos;s own address: it is always in the From list.</source>
        <translation>Das ist die eigene Adresse dieses Kontos: Sie steht immer in der Liste „Von“.</translation>
    </message>
    <message>
        <source>{address} is already in the list.</source>
        <translation>{address} ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>{mailbox} (on behalf)</source>
        <translation>{mailbox} (im Auftrag)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The personal dictionary {path} could not be read ({why}).</source>
        <translation>Das persönliche Wörterbuch {path} konnte nicht gelesen werden ({why}).</translation>
    </message>
    <message>
        <source>The personal dictionary {path} could not be written ({why}); the word is known until Dispatch closes.</source>
        <translation>Das persönliche Wörterbuch {path} konnte nicht geschrieben werden ({why}); das Wort bleibt bekannt, bis Dispatch beendet wird.</translation>
    </message>
    <message>
        <source>it is nested too deeply to be a settings file</source>
        <translation>sie ist zu tief verschachtelt für eine Einstellungsdatei</translation>
    </message>
    <message>
        <source>it is not text</source>
        <translation>sie ist kein Text</translation>
    </message>
    <message>
        <source>it is not valid JSON (line {line}, column {column})</source>
        <translation>sie ist kein gültiges JSON (Zeile {line}, Spalte {column})</translation>
    </message>
    <message>
        <source>it is larger than {limit} MB</source>
        <translation>sie ist größer als {limit} MB</translation>
    </message>
    <message>
        <source>it does not hold settings</source>
        <translation>sie enthält keine Einstellungen</translation>
    </message>
    <message>
        <source>The settings file {path} could not be read ({why}). Dispatch started with default settings.</source>
        <translation>Die Einstellungsdatei {path} konnte nicht gelesen werden ({why}). Dispatch wurde mit den Standardeinstellungen gestartet.</translation>
    </message>
    <message>
        <source>The settings file {path} could not be read ({why}). Dispatch started with default settings and will not change the file.</source>
        <translation>Die Einstellungsdatei {path} konnte nicht gelesen werden ({why}). Dispatch wurde mit den Standardeinstellungen gestartet und ändert die Datei nicht.</translation>
    </message>
    <message>
        <source>The settings file {path} holds an address Dispatch will not use. {problem}</source>
        <translation>Die Einstellungsdatei {path} enthält eine Adresse, die Dispatch nicht verwendet. {problem}</translation>
    </message>
    <message>
        <source>The settings file {path} is damaged ({why}) and could not be set aside. Dispatch started with default settings and will not change the file.</source>
        <translation>Die Einstellungsdatei {path} ist beschädigt ({why}) und konnte nicht beiseitegelegt werden. Dispatch wurde mit den Standardeinstellungen gestartet und ändert die Datei nicht.</translation>
    </message>
    <message>
        <source>The settings file was damaged ({why}). It was kept as {aside}; Dispatch started with default settings.</source>
        <translation>Die Einstellungsdatei war beschädigt ({why}). Sie wurde als {aside} aufbewahrt; Dispatch wurde mit den Standardeinstellungen gestartet.</translation>
    </message>
    <message>
        <source>Dispatch cannot write its settings file {path} ({why}). Changes are kept until Dispatch closes.</source>
        <translation>Dispatch kann seine Einstellungsdatei {path} nicht schreiben ({why}). Änderungen bleiben erhalten, bis Dispatch beendet wird.</translation>
    </message>
</context>
<context>
    <name>Snippets</name>
    <message>
        <source>Every snippet needs a name.</source>
        <translation>Jeder Textbaustein braucht einen Namen.</translation>
    </message>
    <message>
        <source>Two snippets are called “{name}”.</source>
        <translation>Zwei Textbausteine heißen „{name}“.</translation>
    </message>
    <message>
        <source>The trigger of “{name}” has a space in it: a trigger is one word.</source>
        <translation>Das Kürzel von „{name}“ enthält ein Leerzeichen: Ein Kürzel ist ein einziges Wort.</translation>
    </message>
    <message>
        <source>Two snippets have the trigger “{trigger}”.</source>
        <translation>Zwei Textbausteine haben das Kürzel „{trigger}“.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>“{address}” is not a valid e-mail address.</source>
        <translation>„{address}“ ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>“{entry}” contains control characters.</source>
        <translation>„{entry}“ enthält Steuerzeichen.</translation>
    </message>
    <message>
        <source>“{address}” is not an e-mail address (no @).</source>
        <translation>„{address}“ ist keine E-Mail-Adresse (kein @).</translation>
    </message>
    <message>
        <source>An attachment has no name.</source>
        <translation>Eine Anlage hat keinen Namen.</translation>
    </message>
    <message>
        <source>“{name}” contains a path separator.</source>
        <translation>„{name}“ enthält ein Pfadtrennzeichen.</translation>
    </message>
    <message>
        <source>An attachment name is longer than 255 characters.</source>
        <translation>Ein Anlagenname ist länger als 255 Zeichen.</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} Bytes</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <source>The subject has {length} characters; Exchange allows at most {limit}. Shorten it by {over}.</source>
        <translation>Der Betreff hat {length} Zeichen; Exchange erlaubt höchstens {limit}. Kürzen Sie ihn um {over}.</translation>
    </message>
    <message>
        <source>“{address}” has {length} characters; an address can have at most {limit}. Shorten or remove it.</source>
        <translation>„{address}“ hat {length} Zeichen; eine Adresse darf höchstens {limit} haben. Kürzen oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>“{name}” is {size}; the server accepts at most {limit} per message.</source>
        <translation>„{name}“ ist {size} groß; der Server akzeptiert höchstens {limit} pro Nachricht.</translation>
    </message>
    <message>
        <source>Add at least one recipient before sending.</source>
        <translation>Fügen Sie vor dem Senden mindestens einen Empfänger hinzu.</translation>
    </message>
    <message>
        <source>{count} recipients (To, Cc and Bcc together); the server allows at most {limit} per message. Split the list across several messages.</source>
        <translation>{count} Empfänger (An, Cc und Bcc zusammen); der Server erlaubt höchstens {limit} pro Nachricht. Verteilen Sie die Liste auf mehrere Nachrichten.</translation>
    </message>
    <message>
        <source>Too large to send: the message is about {size}; the server accepts at most {limit} per message. Shorten the text; you can still save it as a draft.</source>
        <translation>Zu groß zum Senden: Die Nachricht ist etwa {size} groß; der Server akzeptiert höchstens {limit} pro Nachricht. Kürzen Sie den Text; Sie können sie weiterhin als Entwurf speichern.</translation>
    </message>
    <message>
        <source>Too large to send: the message is about {size}; the server accepts at most {limit} per message. Remove an attachment or send the files in several messages.</source>
        <translation>Zu groß zum Senden: Die Nachricht ist etwa {size} groß; der Server akzeptiert höchstens {limit} pro Nachricht. Entfernen Sie eine Anlage, oder senden Sie die Dateien in mehreren Nachrichten.</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>das Kennwort</translation>
    </message>
    <message>
        <source>The EWS URL</source>
        <translation>Die EWS-URL</translation>
    </message>
    <message>
        <source>The Microsoft Graph URL</source>
        <translation>Die Microsoft Graph-URL</translation>
    </message>
    <message>
        <source>The sign-in authority</source>
        <translation>Die Anmeldeautorität</translation>
    </message>
    <message>
        <source>The upload address the server gave</source>
        <translation>Die vom Server angegebene Upload-Adresse</translation>
    </message>
    <message>
        <source>Enter the EWS URL (for example {example}).</source>
        <translation>Geben Sie die EWS-URL ein (zum Beispiel {example}).</translation>
    </message>
    <message>
        <source>Enter the Microsoft Graph URL (for example {example}).</source>
        <translation>Geben Sie die Microsoft Graph-URL ein (zum Beispiel {example}).</translation>
    </message>
    <message>
        <source>Enter the sign-in authority (for example {example}).</source>
        <translation>Geben Sie die Anmeldeautorität ein (zum Beispiel {example}).</translation>
    </message>
    <message>
        <source>Enter the upload address the server gave (for example {example}).</source>
        <translation>Geben Sie die vom Server angegebene Upload-Adresse ein (zum Beispiel {example}).</translation>
    </message>
    <message>
        <source>the sign-in token</source>
        <translation>das Anmeldetoken</translation>
    </message>
    <message>
        <source>the sign-in</source>
        <translation>die Anmeldedaten</translation>
    </message>
    <message>
        <source>the attachment and the upload key</source>
        <translation>die Anlage und den Upload-Schlüssel</translation>
    </message>
    <message>
        <source>{name} contains spaces or control characters.</source>
        <translation>{name} enthält Leerzeichen oder Steuerzeichen.</translation>
    </message>
    <message>
        <source>{name} contains a backslash (\); a URL uses forward slashes (/).</source>
        <translation>{name} enthält einen umgekehrten Schrägstrich (\); eine URL verwendet normale Schrägstriche (/).</translation>
    </message>
    <message>
        <source>{name} is not a valid URL (for example {example}).</source>
        <translation>{name} ist keine gültige URL (zum Beispiel {example}).</translation>
    </message>
    <message>
        <source>{name} must start with https:// (for example {example}).</source>
        <translation>{name} muss mit https:// beginnen (zum Beispiel {example}).</translation>
    </message>
    <message>
        <source>{name} must not contain a user name or password (the part before @); enter them in their own fields.</source>
        <translation>{name} darf keinen Benutzernamen und kein Kennwort enthalten (den Teil vor @); geben Sie diese in den eigenen Feldern ein.</translation>
    </message>
    <message>
        <source>{name} has no server name (for example {example}).</source>
        <translation>{name} enthält keinen Servernamen (zum Beispiel {example}).</translation>
    </message>
    <message>
        <source>{name} must start with https://. Over http:// {secret} would go to {host} in clear text; http:// is accepted only for this computer (localhost, 127.0.0.1, ::1).</source>
        <translation>{name} muss mit https:// beginnen. Über http:// würde {host} {secret} im Klartext erhalten; http:// wird nur für diesen Computer akzeptiert (localhost, 127.0.0.1, ::1).</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
</context>
</TS>
