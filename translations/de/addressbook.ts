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
        <translation type="unfinished" />
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bcc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address book</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a name to search the organisation's address book. Enter adds the selected entry to the field you came from; Alt+T, Alt+C and Alt+B add it to To, Cc and Bcc.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search the address book</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a name, an address or its beginning…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address book entries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add to {field}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{field} ({keys})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expand the group in the field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expand group ({keys})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replaces the group in the field by its members, after asking</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Closes the address book (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a name to search the address book</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No entry matches “{text}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>; more below</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%Ln entry(ies) found</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Reading the members…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This group has no members you can see</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Members (%Ln so far, more below)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>Members (%Ln)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You may not send to this group: the server says it takes mail only from some senders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You may send to this group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No account is connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added to {field}: {names}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Already in {field}: {names}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{group} was not expanded: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{group} expanded in {field}: %Ln member(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Expand the group?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace {group} in {field} by its members? The group cannot be put back afterwards, and once the message is sent the recipients see the members' addresses, not the group's. A group inside it stays a group (expand it next).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Expand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shared mailbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>{name} (%Ln member(s))</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Directory</name>
    <message>
        <source>Your organisation has not allowed Dispatch to read its address book</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your organisation has not allowed Dispatch to read its address book (the permission {scope} is not granted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{why}. Ask your administrator to grant it; the suggestions from addresses you already know still work.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The address book could not be searched: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Groups are not listed: your organisation has not granted Dispatch the permission {scope}</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
