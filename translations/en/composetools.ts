<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttachmentSaver</name>
    <message numerus="yes">
        <source>Saved %n attachment(s) to {folder}: {names}</source>
        <translation>
            <numerusform>Saved %n attachment to {folder}: {names}</numerusform>
            <numerusform>Saved %n attachments to {folder}: {names}</numerusform>
        </translation>
    </message>
</context>
</TS>
