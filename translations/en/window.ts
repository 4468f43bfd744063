<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>StartLink</name>
    <message numerus="yes">
        <source>A new message from a link: it names %n file(s) to attach. A file is attached only if you choose to: see the list under the message.</source>
        <translation>
            <numerusform>A new message from a link: it names %n file to attach. The file is attached only if you choose to: see the list under the message.</numerusform>
            <numerusform>A new message from a link: it names %n files to attach. A file is attached only if you choose to: see the list under the message.</numerusform>
        </translation>
    </message>
</context>
</TS>
