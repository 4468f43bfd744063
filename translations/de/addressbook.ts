<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AddressBook</name>
    <message>
        <source>Address &amp;book…</source>
        <translation>Adress&amp;buch…</translation>
    </message>
    <message>
        <source>Find people and groups of your organisation and add them to To, Cc or Bcc ({keys})</source>
        <translation>Personen und Gruppen Ihrer Organisation finden und zu An, Cc oder Bcc hinzufügen ({keys})</translation>
    </message>
    <message>
        <source>{field}: address book</source>
        <translation>{field}: Adressbuch</translation>
    </message>
    <message>
        <source>Choose {field} recipients from the address book ({keys})</source>
        <translation>{field}-Empfänger aus dem Adressbuch wählen ({keys})</translation>
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
        <source>Address book</source>
        <translation>Adressbuch</translation>
    </message>
    <message>
        <source>Type a name to search the organisation's address book. Enter adds the selected entry to the field you came from; Alt+T, Alt+C and Alt+B add it to To, Cc and Bcc.</source>
        <translation>Geben Sie einen Namen ein, um im Adressbuch der Organisation zu suchen. Eingabe fügt den gewählten Eintrag dem Feld hinzu, aus dem Sie kommen; Alt+T, Alt+C und Alt+B fügen ihn zu An, Cc und Bcc hinzu.</translation>
    </message>
    <message>
        <source>Search the address book</source>
        <translation>Im Adressbuch suchen</translation>
    </message>
    <message>
        <source>Type a name, an address or its beginning…</source>
        <translation>Einen Namen, eine Adresse oder deren Anfang eingeben…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Address book entries</source>
        <translation>Adressbucheinträge</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Group members</source>
        <translation>Gruppenmitglieder</translation>
    </message>
    <message>
        <source>Members status</source>
        <translation>Status der Mitglieder</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Add to {field}</source>
        <translation>Zu {field} hinzufügen</translation>
    </message>
    <message>
        <source>{field} ({keys})</source>
        <translation>{field} ({keys})</translation>
    </message>
    <message>
        <source>Expand the group in the field</source>
        <translation>Gruppe im Feld erweitern</translation>
    </message>
    <message>
        <source>Expand group ({keys})</source>
        <translation>Gruppe erweitern ({keys})</translation>
    </message>
    <message>
        <source>Ask for access…</source>
        <translation>Zugriff anfragen…</translation>
    </message>
    <message>
        <source>Signs you in to Microsoft 365 in your browser, asking for the permission to read the address book</source>
        <translation>Meldet Sie im Browser bei Microsoft 365 an und fragt dabei nach der Berechtigung, das Adressbuch zu lesen</translation>
    </message>
    <message>
        <source>Replaces the group in the field by its members, after asking</source>
        <translation>Ersetzt die Gruppe im Feld nach Rückfrage durch ihre Mitglieder</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Closes the address book (Esc)</source>
        <translation>Schließt das Adressbuch (Esc)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Type a name to search the address book</source>
        <translation>Geben Sie einen Namen ein, um im Adressbuch zu suchen</translation>
    </message>
    <message>
        <source>No entry matches “{text}”</source>
        <translation>Kein Eintrag passt zu „{text}“</translation>
    </message>
    <message>
        <source>; more below</source>
        <translation>; weitere folgen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(ies) found</source>
        <translation>
            <numerusform>%Ln Eintrag gefunden</numerusform>
            <numerusform>%Ln Einträge gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the members…</source>
        <translation>Mitglieder werden gelesen…</translation>
    </message>
    <message>
        <source>This group has no members you can see</source>
        <translation>Diese Gruppe hat keine Mitglieder, die Sie sehen können</translation>
    </message>
    <message numerus="yes">
        <source>Members (%Ln so far, more below)</source>
        <translation>
            <numerusform>Mitglieder (bisher %Ln, weitere folgen)</numerusform>
            <numerusform>Mitglieder (bisher %Ln, weitere folgen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Members (%Ln)</source>
        <translation>
            <numerusform>Mitglieder (%Ln)</numerusform>
            <numerusform>Mitglieder (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Büro</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>{name} accepts mail only from certain senders: a message from you will be returned</source>
        <translation>{name} nimmt nur Mail von bestimmten Absendern an: Eine Nachricht von Ihnen kommt zurück</translation>
    </message>
    <message>
        <source>You may send to this group</source>
        <translation>Sie dürfen an diese Gruppe schreiben</translation>
    </message>
    <message>
        <source>No account is connected</source>
        <translation>Kein Konto ist verbunden</translation>
    </message>
    <message>
        <source>Asking for access in your browser: Dispatch carries on by itself once you have answered there.</source>
        <translation>Zugriff wird im Browser angefragt: Dispatch macht von selbst weiter, sobald Sie dort geantwortet haben.</translation>
    </message>
    <message>
        <source>No browser could be opened to ask for access.</source>
        <translation>Es konnte kein Browser geöffnet werden, um den Zugriff anzufragen.</translation>
    </message>
    <message>
        <source>Added to {field}: {names}</source>
        <translation>Zu {field} hinzugefügt: {names}</translation>
    </message>
    <message>
        <source>Already in {field}: {names}</source>
        <translation>Bereits in {field}: {names}</translation>
    </message>
    <message>
        <source>{group} was not expanded: {reason}</source>
        <translation>{group} wurde nicht erweitert: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{group} expanded in {field}: %Ln member(s)</source>
        <translation>
            <numerusform>{group} in {field} erweitert: %Ln Mitglied</numerusform>
            <numerusform>{group} in {field} erweitert: %Ln Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Expand the group?</source>
        <translation>Gruppe erweitern?</translation>
    </message>
    <message>
        <source>Replace {group} in {field} by its members? The group cannot be put back afterwards, and once the message is sent the recipients see the members' addresses, not the group's. A group inside it stays a group (expand it next).</source>
        <translation>{group} in {field} durch die Mitglieder ersetzen? Die Gruppe lässt sich danach nicht wiederherstellen, und sobald die Nachricht gesendet ist, sehen die Empfänger die Adressen der Mitglieder statt der Gruppe. Eine enthaltene Gruppe bleibt eine Gruppe (erweitern Sie sie danach).</translation>
    </message>
    <message>
        <source>&amp;Expand</source>
        <translation>&amp;Erweitern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Shared mailbox</source>
        <translation>Freigegebenes Postfach</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%Ln member(s))</source>
        <translation>
            <numerusform>{name} (%Ln Mitglied)</numerusform>
            <numerusform>{name} (%Ln Mitglieder)</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>Directory</name>
    <message>
        <source>Your organisation has not allowed Dispatch to read its address book</source>
        <translation>Ihre Organisation hat Dispatch nicht erlaubt, ihr Adressbuch zu lesen</translation>
    </message>
    <message>
        <source>Your organisation has not allowed Dispatch to read its address book (the permission {scope} is not granted)</source>
        <translation>Ihre Organisation hat Dispatch nicht erlaubt, ihr Adressbuch zu lesen (die Berechtigung {scope} ist nicht erteilt)</translation>
    </message>
    <message>
        <source>{why}. “Ask for access…” asks for it when you sign in (your administrator may have to grant it); the suggestions from addresses you already know still work.</source>
        <translation>{why}. „Zugriff anfragen…“ fragt bei der Anmeldung danach (Ihre Administration muss sie eventuell erteilen); die Vorschläge aus Adressen, die Sie schon kennen, funktionieren weiterhin.</translation>
    </message>
    <message>
        <source>{why}. Ask your administrator to grant it; the suggestions from addresses you already know still work.</source>
        <translation>{why}. Bitten Sie Ihre Administration, sie zu erteilen; die Vorschläge aus Adressen, die Sie schon kennen, funktionieren weiterhin.</translation>
    </message>
    <message>
        <source>The address book could not be searched: {reason}</source>
        <translation>Das Adressbuch konnte nicht durchsucht werden: {reason}</translation>
    </message>
    <message>
        <source>Access to the address book was not given ({reason}). Only an administrator of your organisation can grant Dispatch the permission {scope}: ask them for it; the suggestions from addresses you already know still work.</source>
        <translation>Der Zugriff auf das Adressbuch wurde nicht erteilt ({reason}). Nur die Administration Ihrer Organisation kann Dispatch die Berechtigung {scope} erteilen: Bitten Sie sie darum; die Vorschläge aus Adressen, die Sie schon kennen, funktionieren weiterhin.</translation>
    </message>
    <message>
        <source>Groups are not listed: your organisation has not granted Dispatch the permission {scope}</source>
        <translation>Gruppen werden nicht aufgeführt: Ihre Organisation hat Dispatch die Berechtigung {scope} nicht erteilt</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Address book</source>
        <translation>Adressbuch</translation>
    </message>
    <message>
        <source>Add the selection to the field it was opened from / To / Cc / Bcc</source>
        <translation>Auswahl zum Ausgangsfeld / An / Cc / Bcc hinzufügen</translation>
    </message>
    <message>
        <source>Expand the selected group in the field (asked first)</source>
        <translation>Gewählte Gruppe im Feld erweitern (nach Rückfrage)</translation>
    </message>
    <message>
        <source>From the search to the list and back; the group's members</source>
        <translation>Von der Suche zur Liste und zurück; die Gruppenmitglieder</translation>
    </message>
</context>
</TS>
