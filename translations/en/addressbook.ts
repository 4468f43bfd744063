<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddressBook</name>
    <message numerus="yes">
        <source>%Ln entry(ies) found</source>
        <translation>
            <numerusform>%Ln entry found</numerusform>
            <numerusform>%Ln entries found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Members (%Ln so far, more below)</source>
        <translation>
            <numerusform>Members (%Ln so far, more below)</numerusform>
            <numerusform>Members (%Ln so far, more below)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Members (%Ln)</source>
        <translation>
            <numerusform>Members (%Ln)</numerusform>
            <numerusform>Members (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{group} expanded in {field}: %Ln member(s)</source>
        <translation>
            <numerusform>{group} expanded in {field}: %Ln member</numerusform>
            <numerusform>{group} expanded in {field}: %Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} (%Ln member(s))</source>
        <translation>
            <numerusform>{name} (%Ln member)</numerusform>
            <numerusform>{name} (%Ln members)</numerusform>
        </translation>
    </message>
</context>
</TS>
