<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Delivery</name>
    <message numerus="yes">
        <source>%Ln failed</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln delayed</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>%Ln delayed</numerusform>
            <numerusform>%Ln delayed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmlRead</name>
    <message numerus="yes">
        <source>%Ln custom header(s) left out: a message carries at most {limit}.</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>%Ln custom header left out: a message carries at most {limit}.</numerusform>
            <numerusform>%Ln custom headers left out: a message carries at most {limit}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message numerus="yes">
        <source>Line {line} has %Ln value(s); the header has {columns} columns.</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>Line {line} has %Ln value; the header has {columns} columns.</numerusform>
            <numerusform>Line {line} has %Ln values; the header has {columns} columns.</numerusform>
        </translation>
    </message>
</context>
</TS>
