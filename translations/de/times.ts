<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Quote</name>
    <message>
        <source>From:</source>
        <extracomment>the prefixes a subject gets, and those already counted as one (Thunderbird&apos;s Fwd:, other languages&apos; AW:/WG:)</extracomment>
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
</context>
<context>
    <name>SendTimes</name>
    <message>
        <source>tomorrow 8:00, mon 9:30, 17:30, {date} 08:00, in 2 h</source>
        <extracomment>how far ahead a message may be scheduled</extracomment>
        <translation>morgen 8 Uhr, Mo. 9:30, 17:30, {date} 08:00, in 2 Std.</translation>
    </message>
    <message>
        <source>tomorrow 8:00, mon 9:30, 17:30, {date} 08:00, {day}.{month}.{year} 8:00 or in 2 h</source>
        <translation>morgen 8 Uhr, Mo. 9:30, 17:30, {date} 08:00, {day}.{month}.{year} 8:00 oder in 2 Std.</translation>
    </message>
    <message>
        <source>Mon</source>
        <extracomment>weekday words: English, French (&quot;lun&quot;, &quot;lun.&quot;), German (abbreviated with the dot: &quot;Fr.&quot; is Friday, &quot;fr&quot; is &quot;fri&quot; being typed) days from today &quot;this&quot; in &quot;ce soir&quot;, &quot;cet après-midi&quot;: today, and only with a part of the day &quot;next Tuesday&quot;, &quot;mardi prochain&quot;, &quot;nächsten Dienstag&quot;: the coming one after today words before a day or a time that say nothing more (&quot;tomorrow at 8&quot;, &quot;demain à 8h&quot;, &quot;morgen um 8 Uhr&quot;, &quot;le 3 décembre&quot;, &quot;am Montag&quot;) parts of the day, as times units of &quot;in 2 h&quot;, &quot;dans 30 min&quot;, &quot;in 2 Std.&quot;, in seconds a time of day: &quot;8&quot;, &quot;8:00&quot;, &quot;08.30&quot;, &quot;5pm&quot;, &quot;5:30 pm&quot;, &quot;8h&quot;, &quot;14h30&quot;, &quot;14 h 30&quot;, &quot;8 Uhr&quot;, &quot;14:30 Uhr&quot; the weekdays and months of a moment shown in a message (&quot;Tue 24 Nov 09:00 has already passed.&quot;)</extracomment>
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
        <extracomment>the time its words name (&quot;ce soir&quot;), None: the caller&apos;s (8:00 or the one typed) a bare weekday (today&apos;s counts until its time has passed)</extracomment>
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
