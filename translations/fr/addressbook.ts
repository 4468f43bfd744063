<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AddressBook</name>
    <message>
        <source>Address &amp;book…</source>
        <translation>Carnet d'a&amp;dresses…</translation>
    </message>
    <message>
        <source>Find people and groups of your organisation and add them to To, Cc or Bcc ({keys})</source>
        <translation>Trouver des personnes et des groupes de votre organisation et les ajouter à À, Cc ou Cci ({keys})</translation>
    </message>
    <message>
        <source>{field}: address book</source>
        <translation>{field} : carnet d'adresses</translation>
    </message>
    <message>
        <source>Choose {field} recipients from the address book ({keys})</source>
        <translation>Choisir les destinataires {field} dans le carnet d'adresses ({keys})</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Cci</translation>
    </message>
    <message>
        <source>Address book</source>
        <translation>Carnet d'adresses</translation>
    </message>
    <message>
        <source>Type a name to search the organisation's address book. Enter adds the selected entry to the field you came from; Alt+T, Alt+C and Alt+B add it to To, Cc and Bcc.</source>
        <translation>Tapez un nom pour chercher dans le carnet d'adresses de l'organisation. Entrée ajoute l'entrée choisie au champ d'où vous venez ; Alt+T, Alt+C et Alt+B l'ajoutent à À, Cc et Cci.</translation>
    </message>
    <message>
        <source>Search the address book</source>
        <translation>Chercher dans le carnet d'adresses</translation>
    </message>
    <message>
        <source>Type a name, an address or its beginning…</source>
        <translation>Tapez un nom, une adresse ou leur début…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>État de la recherche</translation>
    </message>
    <message>
        <source>Address book entries</source>
        <translation>Entrées du carnet d'adresses</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Group members</source>
        <translation>Membres du groupe</translation>
    </message>
    <message>
        <source>Members status</source>
        <translation>État des membres</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Add to {field}</source>
        <translation>Ajouter à {field}</translation>
    </message>
    <message>
        <source>{field} ({keys})</source>
        <translation>{field} ({keys})</translation>
    </message>
    <message>
        <source>Expand the group in the field</source>
        <translation>Développer le groupe dans le champ</translation>
    </message>
    <message>
        <source>Expand group ({keys})</source>
        <translation>Développer le groupe ({keys})</translation>
    </message>
    <message>
        <source>Ask for access…</source>
        <translation>Demander l'accès…</translation>
    </message>
    <message>
        <source>Signs you in to Microsoft 365 in your browser, asking for the permission to read the address book</source>
        <translation>Vous connecte à Microsoft 365 dans votre navigateur en demandant l'autorisation de lire le carnet d'adresses</translation>
    </message>
    <message>
        <source>Replaces the group in the field by its members, after asking</source>
        <translation>Remplace le groupe dans le champ par ses membres, après confirmation</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Closes the address book (Esc)</source>
        <translation>Ferme le carnet d'adresses (Échap)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Type a name to search the address book</source>
        <translation>Tapez un nom pour chercher dans le carnet d'adresses</translation>
    </message>
    <message>
        <source>No entry matches “{text}”</source>
        <translation>Aucune entrée ne correspond à « {text} »</translation>
    </message>
    <message>
        <source>; more below</source>
        <translation> ; d'autres plus bas</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(ies) found</source>
        <translation>
            <numerusform>%Ln entrée trouvée</numerusform>
            <numerusform>%Ln entrées trouvées</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the members…</source>
        <translation>Lecture des membres…</translation>
    </message>
    <message>
        <source>This group has no members you can see</source>
        <translation>Ce groupe n'a aucun membre que vous puissiez voir</translation>
    </message>
    <message numerus="yes">
        <source>Members (%Ln so far, more below)</source>
        <translation>
            <numerusform>Membres (%Ln pour l'instant, d'autres plus bas)</numerusform>
            <numerusform>Membres (%Ln pour l'instant, d'autres plus bas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Members (%Ln)</source>
        <translation>
            <numerusform>Membres (%Ln)</numerusform>
            <numerusform>Membres (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label} : {value}</translation>
    </message>
    <message>
        <source>{name} accepts mail only from certain senders: a message from you will be returned</source>
        <translation>{name} n'accepte le courrier que de certains expéditeurs : un message de votre part vous sera renvoyé</translation>
    </message>
    <message>
        <source>You may send to this group</source>
        <translation>Vous pouvez écrire à ce groupe</translation>
    </message>
    <message>
        <source>No account is connected</source>
        <translation>Aucun compte n'est connecté</translation>
    </message>
    <message>
        <source>Asking for access in your browser: Dispatch carries on by itself once you have answered there.</source>
        <translation>Demande d'accès dans votre navigateur : Dispatch reprend de lui-même une fois que vous y avez répondu.</translation>
    </message>
    <message>
        <source>No browser could be opened to ask for access.</source>
        <translation>Aucun navigateur n'a pu être ouvert pour demander l'accès.</translation>
    </message>
    <message>
        <source>Added to {field}: {names}</source>
        <translation>Ajouté à {field} : {names}</translation>
    </message>
    <message>
        <source>Already in {field}: {names}</source>
        <translation>Déjà dans {field} : {names}</translation>
    </message>
    <message>
        <source>{group} was not expanded: {reason}</source>
        <translation>{group} n'a pas été développé : {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{group} expanded in {field}: %Ln member(s)</source>
        <translation>
            <numerusform>{group} développé dans {field} : %Ln membre</numerusform>
            <numerusform>{group} développé dans {field} : %Ln membres</numerusform>
        </translation>
    </message>
    <message>
        <source>Expand the group?</source>
        <translation>Développer le groupe ?</translation>
    </message>
    <message>
        <source>Replace {group} in {field} by its members? The group cannot be put back afterwards, and once the message is sent the recipients see the members' addresses, not the group's. A group inside it stays a group (expand it next).</source>
        <translation>Remplacer {group} dans {field} par ses membres ? Le groupe ne pourra pas être remis ensuite, et une fois le message envoyé, les destinataires verront les adresses des membres, pas celle du groupe. Un groupe qu'il contient reste un groupe (développez-le ensuite).</translation>
    </message>
    <message>
        <source>&amp;Expand</source>
        <translation>&amp;Développer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Shared mailbox</source>
        <translation>Boîte aux lettres partagée</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%Ln member(s))</source>
        <translation>
            <numerusform>{name} (%Ln membre)</numerusform>
            <numerusform>{name} (%Ln membres)</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
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
        <translation>Votre organisation n'a pas autorisé Dispatch à lire son carnet d'adresses</translation>
    </message>
    <message>
        <source>Your organisation has not allowed Dispatch to read its address book (the permission {scope} is not granted)</source>
        <translation>Votre organisation n'a pas autorisé Dispatch à lire son carnet d'adresses (l'autorisation {scope} n'est pas accordée)</translation>
    </message>
    <message>
        <source>{why}. “Ask for access…” asks for it when you sign in (your administrator may have to grant it); the suggestions from addresses you already know still work.</source>
        <translation>{why}. « Demander l'accès… » la demande lors de votre connexion (votre administrateur devra peut-être l'accorder) ; les suggestions tirées des adresses que vous connaissez déjà fonctionnent toujours.</translation>
    </message>
    <message>
        <source>{why}. Ask your administrator to grant it; the suggestions from addresses you already know still work.</source>
        <translation>{why}. Demandez à votre administrateur de l'accorder ; les suggestions tirées des adresses que vous connaissez déjà fonctionnent toujours.</translation>
    </message>
    <message>
        <source>The address book could not be searched: {reason}</source>
        <translation>Impossible de chercher dans le carnet d'adresses : {reason}</translation>
    </message>
    <message>
        <source>Access to the address book was not given ({reason}). Only an administrator of your organisation can grant Dispatch the permission {scope}: ask them for it; the suggestions from addresses you already know still work.</source>
        <translation>L'accès au carnet d'adresses n'a pas été donné ({reason}). Seul un administrateur de votre organisation peut accorder à Dispatch l'autorisation {scope} : demandez-la-lui ; les suggestions tirées des adresses que vous connaissez déjà fonctionnent toujours.</translation>
    </message>
    <message>
        <source>Groups are not listed: your organisation has not granted Dispatch the permission {scope}</source>
        <translation>Les groupes ne sont pas listés : votre organisation n'a pas accordé à Dispatch l'autorisation {scope}</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Address book</source>
        <translation>Carnet d'adresses</translation>
    </message>
    <message>
        <source>Add the selection to the field it was opened from / To / Cc / Bcc</source>
        <translation>Ajouter la sélection au champ d'origine / À / Cc / Cci</translation>
    </message>
    <message>
        <source>Expand the selected group in the field (asked first)</source>
        <translation>Développer le groupe choisi dans le champ (après confirmation)</translation>
    </message>
    <message>
        <source>From the search to the list and back; the group's members</source>
        <translation>De la recherche à la liste et retour ; les membres du groupe</translation>
    </message>
</context>
</TS>
