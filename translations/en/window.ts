<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>StartLink</name>
    <message numerus="yes">
        <source>A new message from a link: it named %n file(s) to attach, which were not attached (use Attach… to add a file you meant)</source>
        <translation>
            <numerusform>A new message from a link: it named %n file to attach, which was not attached (use Attach… to add a file you meant)</numerusform>
            <numerusform>A new message from a link: it named %n files to attach, which were not attached (use Attach… to add a file you meant)</numerusform>
        </translation>
    </message>
</context>
</TS>
