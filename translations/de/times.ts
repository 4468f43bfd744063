<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Quote</name>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>Gesendet:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>RE:</source>
        <extracomment>the subject&apos;s prefix of a reply and of a forward, as Outlook writes it in the window&apos;s language (&quot;RE :&quot; and &quot;TR :&quot; in French, &quot;AW:&quot; and &quot;WG:&quot; in German; PidTagSubjectPrefix, MS-OXOMSG 2.2.1.60)</extracomment>
        <translation>AW:</translation>
    </message>
    <message>
        <source>FW:</source>
        <translation>WG:</translation>
    </message>
</context>
<context>
    <name>SendTimes</name>
    <message>
        <source>tomorrow 8:00, mon 9:30, 17:30, {date} 08:00, in 2 h</source>
        <translation>morgen 8 Uhr, Mo. 9:30, 17:30, {date} 08:00, in 2 Std.</translation>
    </message>
    <message>
        <source>tomorrow 8:00, mon 9:30, 17:30, {date} 08:00, {day}.{month}.{year} 8:00 or in 2 h</source>
        <translation>morgen 8 Uhr, Mo. 9:30, 17:30, {date} 08:00, {day}.{month}.{year} 8:00 oder in 2 Std.</translation>
    </message>
    <message>
        <source>Mon</source>
        <extracomment>the weekdays and months of a moment shown in a message (&quot;Tue 24 Nov 09:00 has already passed.&quot;) or in the Outbox (&quot;Sends at Tue 08:00&quot;): each language&apos;s abbreviations from the catalogue</extracomment>
        <translation>Mo.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So.</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>Jan.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>März</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>Aug.</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sept.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>Okt.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>Dez.</translation>
    </message>
    <message>
        <source>“{text}” is not a time of day (like 8:00 or 5pm).</source>
        <translation>„{text}“ ist keine Uhrzeit (z. B. 8:00 oder 17 Uhr).</translation>
    </message>
    <message>
        <source>“{text}”: with am/pm the hour is 1 to 12.</source>
        <translation>„{text}“: Mit am/pm geht die Stunde von 1 bis 12.</translation>
    </message>
    <message>
        <source>“{text}” is not a time of day: hours go to 23, minutes to 59.</source>
        <translation>„{text}“ ist keine gültige Uhrzeit: Stunden gehen bis 23, Minuten bis 59.</translation>
    </message>
    <message>
        <source>“{text}” is not a date in the calendar.</source>
        <translation>„{text}“ ist kein gültiges Kalenderdatum.</translation>
    </message>
    <message>
        <source>“{unit}” is not a unit Dispatch knows (min, h, days).</source>
        <translation>„{unit}“ ist keine Einheit, die Dispatch kennt (Min., Std., Tage).</translation>
    </message>
    <message>
        <source>Type when to send it, e.g. {examples}.</source>
        <translation>Geben Sie ein, wann die Nachricht gesendet werden soll, z. B. {examples}.</translation>
    </message>
    <message>
        <source>Dispatch does not understand “{text}”. Try {examples}.</source>
        <translation>Dispatch versteht „{text}“ nicht. Versuchen Sie es z. B. mit {examples}.</translation>
    </message>
    <message>
        <source>{weekday} {day} {month} {time}</source>
        <translation>{weekday}, {day}. {month} {time}</translation>
    </message>
    <message>
        <source>{when} has already passed.</source>
        <translation>Der Zeitpunkt {when} ist bereits vorbei.</translation>
    </message>
    <message>
        <source>That is more than a year ahead.</source>
        <translation>Das ist mehr als ein Jahr im Voraus.</translation>
    </message>
    <message>
        <source>“{text}” is not a day Dispatch knows. Try tomorrow, fri, {date} or {day}.{month}.</source>
        <translation>„{text}“ ist kein Tag, den Dispatch kennt. Versuchen Sie morgen, Fr., {date} oder {day}.{month}.</translation>
    </message>
</context>
</TS>
