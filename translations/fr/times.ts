<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Quote</name>
    <message>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>Envoyé&#xa0;:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc&#xa0;:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet&#xa0;:</translation>
    </message>
    <message>
        <source>RE:</source>
        <extracomment>the subject&apos;s prefix of a reply and of a forward, as Outlook writes it in the window&apos;s language (&quot;RE :&quot; and &quot;TR :&quot; in French, &quot;AW:&quot; and &quot;WG:&quot; in German; PidTagSubjectPrefix, MS-OXOMSG 2.2.1.60)</extracomment>
        <translation>RE&#xa0;:</translation>
    </message>
    <message>
        <source>FW:</source>
        <translation>TR&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SendTimes</name>
    <message>
        <source>tomorrow 8:00, mon 9:30, 17:30, {date} 08:00, in 2 h</source>
        <translation>demain 8h, lun 9h30, 17h30, {date} 08:00, dans 2 h</translation>
    </message>
    <message>
        <source>tomorrow 8:00, mon 9:30, 17:30, {date} 08:00, {day}.{month}.{year} 8:00 or in 2 h</source>
        <translation>demain 8h, lun 9h30, 17h30, {date} 08:00, {day}/{month}/{year} 8h ou dans 2 h</translation>
    </message>
    <message>
        <source>Mon</source>
        <extracomment>the weekdays and months of a moment shown in a message (&quot;Tue 24 Nov 09:00 has already passed.&quot;) or in the Outbox (&quot;Sends at Tue 08:00&quot;): each language&apos;s abbreviations from the catalogue</extracomment>
        <translation>lun.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mer.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jeu.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>ven.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sam.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dim.</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>janv.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>févr.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>avr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>juil.</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>août</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sept.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>oct.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>déc.</translation>
    </message>
    <message>
        <source>“{text}” is not a time of day (like 8:00 or 5pm).</source>
        <translation>«&#xa0;{text}&#xa0;» n&apos;est pas une heure (par exemple 8h ou 17h30).</translation>
    </message>
    <message>
        <source>“{text}”: with am/pm the hour is 1 to 12.</source>
        <translation>«&#xa0;{text}&#xa0;»&#xa0;: avec am/pm, l&apos;heure va de 1 à 12.</translation>
    </message>
    <message>
        <source>“{text}” is not a time of day: hours go to 23, minutes to 59.</source>
        <translation>«&#xa0;{text}&#xa0;» n&apos;est pas une heure valide&#xa0;: les heures vont jusqu&apos;à 23, les minutes jusqu&apos;à 59.</translation>
    </message>
    <message>
        <source>“{text}” is not a date in the calendar.</source>
        <translation>«&#xa0;{text}&#xa0;» n&apos;est pas une date du calendrier.</translation>
    </message>
    <message>
        <source>“{unit}” is not a unit Dispatch knows (min, h, days).</source>
        <translation>«&#xa0;{unit}&#xa0;» n&apos;est pas une unité connue de Dispatch (min, h, jours).</translation>
    </message>
    <message>
        <source>Type when to send it, e.g. {examples}.</source>
        <translation>Indiquez quand l&apos;envoyer, par exemple&#xa0;: {examples}.</translation>
    </message>
    <message>
        <source>Dispatch does not understand “{text}”. Try {examples}.</source>
        <translation>Dispatch ne comprend pas «&#xa0;{text}&#xa0;». Essayez&#xa0;: {examples}.</translation>
    </message>
    <message>
        <source>{weekday} {day} {month} {time}</source>
        <translation>{weekday} {day} {month} à {time}</translation>
    </message>
    <message>
        <source>{when} has already passed.</source>
        <translation>L&apos;heure indiquée ({when}) est déjà passée.</translation>
    </message>
    <message>
        <source>That is more than a year ahead.</source>
        <translation>C&apos;est dans plus d&apos;un an.</translation>
    </message>
    <message>
        <source>“{text}” is not a day Dispatch knows. Try tomorrow, fri, {date} or {day}.{month}.</source>
        <translation>«&#xa0;{text}&#xa0;» n&apos;est pas un jour connu de Dispatch. Essayez demain, ven, {date} ou {day}/{month}.</translation>
    </message>
</context>
</TS>
