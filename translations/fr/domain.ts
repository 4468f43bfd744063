<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Account</name>
    <message>
        <source>Signed in with {method}</source>
        <translation>Connecté avec {method}</translation>
    </message>
    <message>
        <source>Signed in with {method} as {name}</source>
        <translation>Connecté avec {method} en tant que {name}</translation>
    </message>
</context>
<context>
    <name>Autodiscover</name>
    <message>
        <source>The server refused the user name or password: check them (the user name may be DOMAIN\user), or type the EWS URL.</source>
        <translation>Le serveur a refusé le nom d&apos;utilisateur ou le mot de passe&#xa0;: vérifiez-les (le nom d&apos;utilisateur peut être de la forme DOMAINE\utilisateur), ou saisissez l&apos;URL EWS.</translation>
    </message>
    <message>
        <source>Type the EWS URL instead (ask your administrator; it often looks like {example}).</source>
        <translation>Saisissez plutôt l&apos;URL EWS (demandez-la à votre administrateur&#xa0;; elle ressemble souvent à {example}).</translation>
    </message>
    <message>
        <source>refused your Kerberos ticket (401)</source>
        <translation>a refusé votre ticket Kerberos (401)</translation>
    </message>
    <message>
        <source>Kerberos sign-in to {host} failed: {reason}</source>
        <translation>la connexion Kerberos à {host} a échoué&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <source>Check the spelling of the address.</source>
        <translation>Vérifiez l&apos;orthographe de l&apos;adresse.</translation>
    </message>
    <message>
        <source>Send it again smaller: share large files as links instead of attachments.</source>
        <translation>Renvoyez-le plus léger&#xa0;: partagez les gros fichiers par des liens plutôt qu&apos;en pièces jointes.</translation>
    </message>
    <message>
        <source>Tell the recipient another way: a forwarding or the mail routing at {domain} needs fixing.</source>
        <translation>Prévenez le destinataire par un autre moyen&#xa0;: un transfert ou l&apos;acheminement du courrier chez {domain} est à corriger.</translation>
    </message>
    <message>
        <source>Ask the owner of {address} or their administrator to accept mail from outside the organisation.</source>
        <translation>Demandez au propriétaire de {address} ou à son administrateur d&apos;accepter le courrier venant de l&apos;extérieur de l&apos;organisation.</translation>
    </message>
    <message>
        <source>Ask your administrator, with the server&apos;s words below.</source>
        <translation>Adressez-vous à votre administrateur, avec les mots du serveur ci-dessous.</translation>
    </message>
    <message>
        <source>Change your password and ask your administrator to have your account unblocked.</source>
        <translation>Changez votre mot de passe et demandez à votre administrateur de faire débloquer votre compte.</translation>
    </message>
    <message>
        <source>{address} could not be reached in time: the message waited in the queue until it expired.</source>
        <translation>{address} n&apos;a pas pu être joint à temps&#xa0;: le message a attendu dans la file jusqu&apos;à expiration.</translation>
    </message>
    <message>
        <source>Check the address; if it is right, send the message again later.</source>
        <translation>Vérifiez l&apos;adresse&#xa0;; si elle est juste, renvoyez le message plus tard.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message could not be delivered before it expired.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le message n&apos;a pas pu être remis avant d&apos;expirer.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the receiving server refused the addresses on the message.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le serveur destinataire a refusé les adresses du message.</translation>
    </message>
    <message>
        <source>Check the address and the address you send from; if both are right, ask your administrator.</source>
        <translation>Vérifiez l&apos;adresse et celle depuis laquelle vous envoyez&#xa0;; si les deux sont justes, adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>{address} could not be reached: there is no such address at {domain}.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: cette adresse n&apos;existe pas chez {domain}.</translation>
    </message>
    <message>
        <source>Check the spelling of the address, or pick the person again from the directory.</source>
        <translation>Vérifiez l&apos;orthographe de l&apos;adresse, ou choisissez à nouveau la personne dans l&apos;annuaire.</translation>
    </message>
    <message>
        <source>The message to {address} was not sent: your account is blocked from sending, usually because it sent spam.</source>
        <translation>Le message à {address} n&apos;a pas été envoyé&#xa0;: votre compte est bloqué pour l&apos;envoi, généralement parce qu&apos;il a envoyé du spam.</translation>
    </message>
    <message>
        <source>{address} could not be reached: Microsoft 365 has no mailbox with this address.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: Microsoft 365 n&apos;a aucune boîte aux lettres à cette adresse.</translation>
    </message>
    <message>
        <source>Check the spelling of the address; if it is right, the recipient&apos;s administrator must check that the mailbox exists.</source>
        <translation>Vérifiez l&apos;orthographe de l&apos;adresse&#xa0;; si elle est juste, l&apos;administrateur du destinataire doit vérifier que la boîte aux lettres existe.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the mailbox cannot take messages now (it is disabled or unavailable).</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: la boîte aux lettres ne peut pas recevoir de messages pour l&apos;instant (elle est désactivée ou indisponible).</translation>
    </message>
    <message>
        <source>Send the message again later; if it keeps failing, tell the recipient another way.</source>
        <translation>Renvoyez le message plus tard&#xa0;; si l&apos;échec persiste, prévenez le destinataire par un autre moyen.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the recipient&apos;s mailbox is full.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: la boîte aux lettres du destinataire est pleine.</translation>
    </message>
    <message>
        <source>Tell the recipient another way, and send the message again once they have made room.</source>
        <translation>Prévenez le destinataire par un autre moyen, et renvoyez le message une fois qu&apos;il aura fait de la place.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message is larger than this recipient accepts.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le message dépasse la taille que ce destinataire accepte.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message is larger than the receiving server accepts.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le message dépasse la taille que le serveur destinataire accepte.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server for {domain} refused it (no such address there, or it takes no mail for {domain}).</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le serveur de {domain} l&apos;a refusé (cette adresse n&apos;y existe pas, ou il ne reçoit pas le courrier de {domain}).</translation>
    </message>
    <message>
        <source>Check the spelling of the address; if it is right, the recipient&apos;s administrator must check their mail setup.</source>
        <translation>Vérifiez l&apos;orthographe de l&apos;adresse&#xa0;; si elle est juste, l&apos;administrateur du destinataire doit vérifier sa configuration de messagerie.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message went round in a loop between servers.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le message a tourné en boucle entre des serveurs.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message passed through too many servers (a loop, most likely).</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le message est passé par trop de serveurs (une boucle, très probablement).</translation>
    </message>
    <message>
        <source>{address} could not be reached in time: the message waited for the server of {domain} until it expired.</source>
        <translation>{address} n&apos;a pas pu être joint à temps&#xa0;: le message a attendu le serveur de {domain} jusqu&apos;à expiration.</translation>
    </message>
    <message>
        <source>Check the address; if it is right, send the message again later: the recipient&apos;s server may be down.</source>
        <translation>Vérifiez l&apos;adresse&#xa0;; si elle est juste, renvoyez le message plus tard&#xa0;: le serveur du destinataire est peut-être en panne.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the domain {domain} does not exist.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le domaine {domain} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server of {domain} refused the connection until the message expired.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le serveur de {domain} a refusé la connexion jusqu&apos;à l&apos;expiration du message.</translation>
    </message>
    <message>
        <source>Send the message again later; if it keeps failing, the recipient&apos;s administrator must check their server.</source>
        <translation>Renvoyez le message plus tard&#xa0;; si l&apos;échec persiste, l&apos;administrateur du destinataire doit vérifier son serveur.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server of {domain} says this mailbox is unavailable.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le serveur de {domain} indique que cette boîte aux lettres est indisponible.</translation>
    </message>
    <message>
        <source>Check the spelling of the address; if it is right, tell the recipient another way.</source>
        <translation>Vérifiez l&apos;orthographe de l&apos;adresse&#xa0;; si elle est juste, prévenez le destinataire par un autre moyen.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server of {domain} refused the message&apos;s line endings (bare line feeds).</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le serveur de {domain} a refusé les fins de ligne du message (sauts de ligne seuls).</translation>
    </message>
    <message>
        <source>{address} could not be reached: you are not allowed to send to this recipient (a restricted group or mailbox).</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: vous n&apos;avez pas le droit d&apos;écrire à ce destinataire (un groupe ou une boîte aux lettres restreints).</translation>
    </message>
    <message>
        <source>Ask the owner of {address} to allow you, or send it through someone who may.</source>
        <translation>Demandez au propriétaire de {address} de vous y autoriser, ou faites-le envoyer par quelqu&apos;un qui en a le droit.</translation>
    </message>
    <message>
        <source>{address} could not be reached: it accepts mail only from inside its organisation.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: cette adresse n&apos;accepte que le courrier venant de son organisation.</translation>
    </message>
    <message>
        <source>{address} could not be reached: you are not on the list of senders this group accepts.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: vous n&apos;êtes pas sur la liste des expéditeurs que ce groupe accepte.</translation>
    </message>
    <message>
        <source>Ask the owner of the group {address} to add you to its allowed senders.</source>
        <translation>Demandez au propriétaire du groupe {address} de vous ajouter à ses expéditeurs autorisés.</translation>
    </message>
    <message>
        <source>{address} could not be reached: this group accepts mail only from inside its organisation.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: ce groupe n&apos;accepte que le courrier venant de son organisation.</translation>
    </message>
    <message>
        <source>{address} could not be reached: this mailbox accepts mail only from inside its organisation.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: cette boîte aux lettres n&apos;accepte que le courrier venant de son organisation.</translation>
    </message>
    <message>
        <source>The message to {address} was not sent: your account is blocked from sending, for spam.</source>
        <translation>Le message à {address} n&apos;a pas été envoyé&#xa0;: votre compte est bloqué pour l&apos;envoi, pour spam.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server of {domain} refused this address.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le serveur de {domain} a refusé cette adresse.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server of {domain} refused how your organisation&apos;s server greeted it (HELO).</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le serveur de {domain} a refusé la façon dont le serveur de votre organisation s&apos;est présenté (HELO).</translation>
    </message>
    <message>
        <source>{address} could not be reached: {domain} blocks mail from your organisation&apos;s server.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: {domain} bloque le courrier venant du serveur de votre organisation.</translation>
    </message>
    <message>
        <source>{address} could not be reached: your organisation&apos;s server sent more mail than {domain} accepts.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le serveur de votre organisation a envoyé plus de courrier que {domain} n&apos;en accepte.</translation>
    </message>
    <message>
        <source>Send the message again later; if it keeps failing, ask your administrator.</source>
        <translation>Renvoyez le message plus tard&#xa0;; si l&apos;échec persiste, adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>{address} could not be reached: your domain failed the sender check (DMARC), and its policy says to refuse such mail.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: votre domaine a échoué à la vérification de l&apos;expéditeur (DMARC), et sa politique demande de refuser un tel courrier.</translation>
    </message>
    <message>
        <source>Ask your administrator to check your domain&apos;s SPF, DKIM and DMARC records.</source>
        <translation>Demandez à votre administrateur de vérifier les enregistrements SPF, DKIM et DMARC de votre domaine.</translation>
    </message>
    <message>
        <source>{address} could not be reached: {domain} does not accept mail over IPv6.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: {domain} n&apos;accepte pas le courrier par IPv6.</translation>
    </message>
    <message>
        <source>The message to {address} was not sent: your address is banned from sending.</source>
        <translation>Le message à {address} n&apos;a pas été envoyé&#xa0;: votre adresse est interdite d&apos;envoi.</translation>
    </message>
    <message>
        <source>Ask your administrator to have your address delisted.</source>
        <translation>Demandez à votre administrateur de faire retirer votre adresse de la liste de blocage.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the message&apos;s From address is not valid.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: l&apos;adresse De du message n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>Send the message again from your own address; if it keeps failing, ask your administrator.</source>
        <translation>Renvoyez le message depuis votre propre adresse&#xa0;; si l&apos;échec persiste, adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>{address} could not be reached: {domain} has put your organisation&apos;s server on its block list.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: {domain} a mis le serveur de votre organisation sur sa liste de blocage.</translation>
    </message>
    <message>
        <source>Ask the administrator of {domain} to remove the block.</source>
        <translation>Demandez à l&apos;administrateur de {domain} de lever le blocage.</translation>
    </message>
    <message>
        <source>{address} could not be reached: your domain does not prove its mail is genuine as well as {domain} requires.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: votre domaine ne prouve pas l&apos;authenticité de son courrier aussi bien que {domain} l&apos;exige.</translation>
    </message>
    <message>
        <source>{address} could not be reached: your organisation does not allow mail to be forwarded outside it.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: votre organisation n&apos;autorise pas le transfert de courrier vers l&apos;extérieur.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the IP address your organisation sends from is banned.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: l&apos;adresse IP depuis laquelle votre organisation envoie est bannie.</translation>
    </message>
    <message>
        <source>Ask your administrator to have the IP address delisted.</source>
        <translation>Demandez à votre administrateur de faire retirer l&apos;adresse IP de la liste de blocage.</translation>
    </message>
    <message>
        <source>The message to {address} was not sent: your organisation is blocked from sending, for sending too much suspicious mail.</source>
        <translation>Le message à {address} n&apos;a pas été envoyé&#xa0;: votre organisation est bloquée pour l&apos;envoi, pour avoir envoyé trop de courrier suspect.</translation>
    </message>
    <message>
        <source>Ask your administrator to contact Microsoft support.</source>
        <translation>Demandez à votre administrateur de contacter le support Microsoft.</translation>
    </message>
    <message>
        <source>The message to {address} was not sent: your organisation may not send from a domain it has not registered.</source>
        <translation>Le message à {address} n&apos;a pas été envoyé&#xa0;: votre organisation ne peut pas envoyer depuis un domaine qu&apos;elle n&apos;a pas enregistré.</translation>
    </message>
    <message>
        <source>Ask your administrator to add and verify the domain in Microsoft 365.</source>
        <translation>Demandez à votre administrateur d&apos;ajouter et de vérifier le domaine dans Microsoft 365.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the server kept failing for a while and gave up (code {code}).</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le serveur a échoué à plusieurs reprises puis a abandonné (code {code}).</translation>
    </message>
    <message>
        <source>Send the message again later.</source>
        <translation>Renvoyez le message plus tard.</translation>
    </message>
    <message>
        <source>{address} could not be reached: the receiving server refused the message (code {code}).</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;: le serveur destinataire a refusé le message (code {code}).</translation>
    </message>
    <message>
        <source>Check the address; if it is right, ask your administrator, with the server&apos;s words below.</source>
        <translation>Vérifiez l&apos;adresse&#xa0;; si elle est juste, adressez-vous à votre administrateur, avec les mots du serveur ci-dessous.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>%Ln en échec</numerusform>
            <numerusform>%Ln en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln delayed</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>%Ln retardé</numerusform>
            <numerusform>%Ln retardés</numerusform>
        </translation>
    </message>
    <message>
        <source>{address} could not be reached; the report gives no reason.</source>
        <translation>{address} n&apos;a pas pu être joint&#xa0;; le rapport ne donne aucune raison.</translation>
    </message>
    <message>
        <source>read at {time}</source>
        <translation>lu à {time}</translation>
    </message>
    <message>
        <source>read on {date} at {time}</source>
        <translation>lu le {date} à {time}</translation>
    </message>
    <message>
        <source>no news</source>
        <translation>pas de nouvelles</translation>
    </message>
    <message>
        <source>delayed: the server is still trying</source>
        <translation>retardé&#xa0;: le serveur essaie encore</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>remis</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lu</translation>
    </message>
    <message>
        <source>deleted without being read</source>
        <translation>supprimé sans avoir été lu</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>non remis</translation>
    </message>
    <message>
        <source>all read</source>
        <translation>tous lus</translation>
    </message>
    <message>
        <source>all delivered</source>
        <translation>tous remis</translation>
    </message>
    <message>
        <source>{delivered} of {total} delivered</source>
        <translation>{delivered} sur {total} remis</translation>
    </message>
</context>
<context>
    <name>EmlRead</name>
    <message>
        <source>The file&apos;s parts nest more than {limit} multiparts deep, more than a file of {lines} lines may (every line is looked at for every boundary it is in); it was not opened.</source>
        <translation>Les parties du fichier sont imbriquées sur plus de {limit} niveaux de multipart, plus que ne le permet un fichier de {lines} lignes (chaque ligne est comparée à chaque délimiteur qui l&apos;englobe)&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file has more than {limit} headers; it was not opened.</source>
        <translation>Le fichier contient plus de {limit} en-têtes&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file&apos;s headers take more than {limit} characters; it was not opened.</source>
        <translation>Les en-têtes du fichier dépassent {limit} caractères&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file&apos;s parts describe themselves in more than {limit} characters of headers; it was not opened.</source>
        <translation>Les parties du fichier se décrivent en plus de {limit} caractères d&apos;en-têtes&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file&apos;s addresses take more than {limit} characters (far more recipients than a message may have); it was not opened.</source>
        <translation>Les adresses du fichier dépassent {limit} caractères (bien plus de destinataires qu&apos;un message ne peut en avoir)&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file&apos;s {name} header has {count} parameters (at most {limit}); it was not opened.</source>
        <translation>L&apos;en-tête {name} du fichier a {count} paramètres ({limit} au plus)&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file&apos;s parts have more than {limit} parameters in their headers; it was not opened.</source>
        <translation>Les parties du fichier ont plus de {limit} paramètres dans leurs en-têtes&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file&apos;s {name} header holds {length} characters of encoded words (at most {limit}); it was not opened.</source>
        <translation>L&apos;en-tête {name} du fichier contient {length} caractères de mots encodés ({limit} au plus)&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file&apos;s headers hold more than {limit} characters of encoded words; it was not opened.</source>
        <translation>Les en-têtes du fichier contiennent plus de {limit} caractères de mots encodés&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file was not opened.</source>
        <translation>Le fichier n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file took more than {seconds} s to read; it was not opened.</source>
        <translation>La lecture du fichier a pris plus de {seconds}&#xa0;s&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>“{name}” is {size}; at most {limit} can be opened as a draft (twice the server&apos;s message limit).</source>
        <translation>«&#xa0;{name}&#xa0;» fait {size}&#xa0;; un brouillon peut être ouvert à partir d&apos;un fichier de {limit} au plus (deux fois la limite de taille des messages du serveur).</translation>
    </message>
    <message>
        <source>The file is {size}; at most {limit} can be opened as a draft (twice the server&apos;s message limit).</source>
        <translation>Le fichier fait {size}&#xa0;; un brouillon peut être ouvert à partir d&apos;un fichier de {limit} au plus (deux fois la limite de taille des messages du serveur).</translation>
    </message>
    <message>
        <source>“{name}” is {size}; at most {limit} can be opened as a draft (a larger one would take more memory to read than Dispatch allows itself).</source>
        <translation>«&#xa0;{name}&#xa0;» fait {size}&#xa0;; un brouillon peut être ouvert à partir d&apos;un fichier de {limit} au plus (un fichier plus gros demanderait plus de mémoire que Dispatch ne s&apos;en accorde).</translation>
    </message>
    <message>
        <source>The file is {size}; at most {limit} can be opened as a draft (a larger one would take more memory to read than Dispatch allows itself).</source>
        <translation>Le fichier fait {size}&#xa0;; un brouillon peut être ouvert à partir d&apos;un fichier de {limit} au plus (un fichier plus gros demanderait plus de mémoire que Dispatch ne s&apos;en accorde).</translation>
    </message>
    <message>
        <source>The file has more than {limit} lines; it was not opened.</source>
        <translation>Le fichier contient plus de {limit} lignes&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file has a line of {size} MB or more (mail&apos;s lines are at most 998 characters); it was not opened.</source>
        <translation>Le fichier contient une ligne de {size} Mo ou plus (les lignes d&apos;un e-mail font au plus 998 caractères)&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file does not look like an e-mail message (.eml): it has none of From, To, Subject, Date or Message-ID.</source>
        <translation>Le fichier ne ressemble pas à un message électronique (.eml)&#xa0;: il ne contient aucun des en-têtes From, To, Subject, Date ou Message-ID.</translation>
    </message>
    <message>
        <source>The file&apos;s headers name {names}, which is not a mail character set: that text was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).</source>
        <translation>Les en-têtes du fichier indiquent {names}, qui n&apos;est pas un jeu de caractères de messagerie&#xa0;: ce texte a été lu comme du 8 bits inconnu (UTF-8 là où il l&apos;est, � pour les autres octets).</translation>
    </message>
    <message>
        <source>The file&apos;s headers name {names}, which are not mail character sets: that text was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).</source>
        <translation>Les en-têtes du fichier indiquent {names}, qui ne sont pas des jeux de caractères de messagerie&#xa0;: ce texte a été lu comme du 8 bits inconnu (UTF-8 là où il l&apos;est, � pour les autres octets).</translation>
    </message>
    <message>
        <source>The file&apos;s headers name {names} and others, which are not mail character sets: that text was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).</source>
        <translation>Les en-têtes du fichier indiquent {names} et d&apos;autres, qui ne sont pas des jeux de caractères de messagerie&#xa0;: ce texte a été lu comme du 8 bits inconnu (UTF-8 là où il l&apos;est, � pour les autres octets).</translation>
    </message>
    <message>
        <source>The {names} header could not be parsed; read as written.</source>
        <translation>L&apos;en-tête {names} n&apos;a pas pu être analysé&#xa0;; il a été lu tel quel.</translation>
    </message>
    <message>
        <source>The {names} headers could not be parsed; read as written.</source>
        <translation>Les en-têtes {names} n&apos;ont pas pu être analysés&#xa0;; ils ont été lus tels quels.</translation>
    </message>
    <message>
        <source>The file is not a mail message that can be read ({error}).</source>
        <translation>Le fichier n&apos;est pas un message lisible ({error}).</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} Mo</translation>
    </message>
    <message>
        <source>The file has more than {limit} parts; it was not opened.</source>
        <translation>Le fichier contient plus de {limit} parties&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>A part of the file has more than {limit} headers; it was not opened.</source>
        <translation>Une partie du fichier contient plus de {limit} en-têtes&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file&apos;s parts nest more than {limit} deep; it was not opened.</source>
        <translation>Les parties du fichier sont imbriquées sur plus de {limit} niveaux&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message>
        <source>The file&apos;s {name} header is {length} characters long (at most {limit}); it was not opened.</source>
        <translation>L&apos;en-tête {name} du fichier fait {length} caractères ({limit} au plus)&#xa0;; il n&apos;a pas été ouvert.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln custom header(s) left out: a message carries at most {limit}.</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>%Ln en-tête personnalisé ignoré&#xa0;: un message en contient au plus {limit}.</numerusform>
            <numerusform>%Ln en-têtes personnalisés ignorés&#xa0;: un message en contient au plus {limit}.</numerusform>
        </translation>
    </message>
    <message>
        <source>The Thread-Index header is not a conversation index; it was left out.</source>
        <translation>L&apos;en-tête Thread-Index n&apos;est pas un index de conversation&#xa0;; il a été ignoré.</translation>
    </message>
    <message>
        <source>The {name} header is malformed; it was read as it is.</source>
        <translation>L&apos;en-tête {name} est mal formé&#xa0;; il a été lu tel quel.</translation>
    </message>
    <message>
        <source>The {name} header is malformed ({text}…): check its addresses.</source>
        <translation>L&apos;en-tête {name} est mal formé ({text}…)&#xa0;: vérifiez ses adresses.</translation>
    </message>
    <message>
        <source>The {name} header could not be read: {text}</source>
        <translation>L&apos;en-tête {name} n&apos;a pas pu être lu&#xa0;: {text}</translation>
    </message>
    <message>
        <source>The Date header could not be read: “{text}”.</source>
        <translation>L&apos;en-tête Date n&apos;a pas pu être lu&#xa0;: «&#xa0;{text}&#xa0;».</translation>
    </message>
    <message>
        <source>An attachment&apos;s encoding is broken; it is empty.</source>
        <translation>L&apos;encodage d&apos;une pièce jointe est endommagé&#xa0;; elle est vide.</translation>
    </message>
    <message>
        <source>The message text&apos;s encoding is broken; it was read as it is.</source>
        <translation>L&apos;encodage du texte du message est endommagé&#xa0;; il a été lu tel quel.</translation>
    </message>
    <message>
        <source>The message text says it is in “{charset}”, which is not a mail character set: it was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).</source>
        <translation>Le texte du message se dit en «&#xa0;{charset}&#xa0;», qui n&apos;est pas un jeu de caractères de messagerie&#xa0;: il a été lu comme du 8 bits inconnu (UTF-8 là où il l&apos;est, � pour les autres octets).</translation>
    </message>
</context>
<context>
    <name>Headers</name>
    <message>
        <source>Importance</source>
        <extracomment>X- headers that stand for a field of the message: set through the field, not as a custom header</extracomment>
        <translation>l&apos;importance</translation>
    </message>
    <message>
        <source>the read receipt</source>
        <translation>l&apos;accusé de lecture</translation>
    </message>
    <message>
        <source>“{name}”: a custom header&apos;s name must start with “X-” (for example X-Project).</source>
        <translation>«&#xa0;{name}&#xa0;»&#xa0;: le nom d&apos;un en-tête personnalisé doit commencer par «&#xa0;X-&#xa0;» (par exemple X-Project).</translation>
    </message>
    <message>
        <source>“{name}”: a header name may hold only letters, digits and punctuation (no spaces, colons or accents).</source>
        <translation>«&#xa0;{name}&#xa0;»&#xa0;: un nom d&apos;en-tête ne peut contenir que des lettres, des chiffres et de la ponctuation (ni espaces, ni deux-points, ni accents).</translation>
    </message>
    <message>
        <source>{name} is set by {field}, not as a custom header.</source>
        <translation>{name} est défini par {field}, pas comme en-tête personnalisé.</translation>
    </message>
    <message>
        <source>“{name}”: Exchange keeps headers starting with {prefix}- for itself.</source>
        <translation>«&#xa0;{name}&#xa0;»&#xa0;: Exchange se réserve les en-têtes commençant par {prefix}-.</translation>
    </message>
    <message>
        <source>The value of {name} must be one line.</source>
        <translation>La valeur de {name} doit tenir sur une seule ligne.</translation>
    </message>
    <message>
        <source>The value of {name} holds a control character.</source>
        <translation>La valeur de {name} contient un caractère de contrôle.</translation>
    </message>
    <message>
        <source>{name} is already there; change its value instead.</source>
        <translation>{name} est déjà présent&#xa0;; modifiez plutôt sa valeur.</translation>
    </message>
    <message>
        <source>A message can carry at most {limit} custom headers (Exchange&apos;s limit).</source>
        <translation>Un message peut contenir au plus {limit} en-têtes personnalisés (limite d&apos;Exchange).</translation>
    </message>
    <message>
        <source>The custom headers would be larger than {limit} KB (Exchange&apos;s limit).</source>
        <translation>Les en-têtes personnalisés dépasseraient {limit} Ko (limite d&apos;Exchange).</translation>
    </message>
    <message>
        <source>A follow-up flag with a due date needs a start date too.</source>
        <translation>Un indicateur de suivi avec une date d&apos;échéance doit aussi avoir une date de début.</translation>
    </message>
    <message>
        <source>The follow-up flag&apos;s due date is before its start date.</source>
        <translation>La date d&apos;échéance de l&apos;indicateur de suivi précède sa date de début.</translation>
    </message>
    <message>
        <source>Dates need a flag: set the follow-up flag or clear its dates.</source>
        <translation>Les dates nécessitent un indicateur&#xa0;: définissez l&apos;indicateur de suivi ou effacez ses dates.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>the journal&apos;s folder cannot be written ({error})</source>
        <translation>le dossier du journal n&apos;est pas accessible en écriture ({error})</translation>
    </message>
    <message>
        <source>the journal file cannot be opened</source>
        <translation>le fichier journal ne peut pas être ouvert</translation>
    </message>
    <message>
        <source>the journal file cannot be written ({error})</source>
        <translation>le fichier journal ne peut pas être écrit ({error})</translation>
    </message>
    <message>
        <source>the journal is damaged and could not be replaced ({error})</source>
        <translation>le journal est endommagé et n&apos;a pas pu être remplacé ({error})</translation>
    </message>
</context>
<context>
    <name>ListRows</name>
    <message>
        <source>Follow-up complete</source>
        <translation>Suivi terminé</translation>
    </message>
    <message>
        <source>follow-up complete</source>
        <translation>suivi terminé</translation>
    </message>
    <message>
        <source>Flagged for follow-up</source>
        <translation>Marqué pour le suivi</translation>
    </message>
    <message>
        <source>flagged for follow-up</source>
        <translation>marqué pour le suivi</translation>
    </message>
    <message>
        <source>start {day}</source>
        <translation>début le {day}</translation>
    </message>
    <message>
        <source>due {day}</source>
        <translation>échéance le {day}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <extracomment>the words of a row (made once: a list shows thousands of rows)</extracomment>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>to {recipients}</source>
        <translation>à {recipients}</translation>
    </message>
    <message>
        <source>with attachments</source>
        <translation>avec pièces jointes</translation>
    </message>
    <message>
        <source>{mark} {subject}</source>
        <translation>{mark} {subject}</translation>
    </message>
    <message>
        <source>{tip}&lt;p&gt;{flag}&lt;/p&gt;</source>
        <translation>{tip}&lt;p&gt;{flag}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <extracomment>two, three or four parts of a row said in one line (a list separator may differ by language)</extracomment>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <source>{first}, {second}, {third}</source>
        <translation>{first}, {second}, {third}</translation>
    </message>
    <message>
        <source>{first}, {second}, {third}, {fourth}</source>
        <translation>{first}, {second}, {third}, {fourth}</translation>
    </message>
    <message>
        <source>(no recipients)</source>
        <translation>(aucun destinataire)</translation>
    </message>
</context>
<context>
    <name>LocalData</name>
    <message>
        <source>the disk holding Dispatch&apos;s data is full</source>
        <translation>le disque contenant les données de Dispatch est plein</translation>
    </message>
    <message>
        <source>the folder holding Dispatch&apos;s data is read-only</source>
        <translation>le dossier contenant les données de Dispatch est en lecture seule</translation>
    </message>
    <message>
        <source>Dispatch is not allowed to write to its data folder</source>
        <translation>Dispatch n&apos;a pas le droit d&apos;écrire dans son dossier de données</translation>
    </message>
    <message>
        <source>your disk quota is used up</source>
        <translation>votre quota de disque est épuisé</translation>
    </message>
    <message>
        <source>the disk holding Dispatch&apos;s data reported an error</source>
        <translation>le disque contenant les données de Dispatch a signalé une erreur</translation>
    </message>
    <message>
        <source>Dispatch&apos;s local journal cannot be written</source>
        <translation>le journal local de Dispatch ne peut pas être écrit</translation>
    </message>
    <message>
        <source>Free some space</source>
        <translation>Libérez de l&apos;espace</translation>
    </message>
    <message>
        <source>Make Dispatch&apos;s data folder writable</source>
        <translation>Rendez le dossier de données de Dispatch accessible en écriture</translation>
    </message>
    <message>
        <source>Check the disk</source>
        <translation>Vérifiez le disque</translation>
    </message>
    <message>
        <source>Not sent: {reason}, so the send cannot be protected against a crash. {action}, or save the draft to the server with Ctrl+S.</source>
        <translation>Non envoyé&#xa0;: {reason}, l&apos;envoi ne peut donc pas être protégé contre un plantage. {action}, ou enregistrez le brouillon sur le serveur avec Ctrl+S.</translation>
    </message>
</context>
<context>
    <name>M365</name>
    <message>
        <source>The Microsoft Graph URL names {host}, which is none of Microsoft&apos;s Graph hosts ({hosts}) nor this computer.</source>
        <translation>L&apos;URL Microsoft Graph désigne {host}, qui n&apos;est ni l&apos;un des hôtes Graph de Microsoft ({hosts}) ni cet ordinateur.</translation>
    </message>
    <message>
        <source>The sign-in authority names {host}, which is none of Microsoft&apos;s sign-in hosts ({hosts}) nor this computer.</source>
        <translation>L&apos;autorité de connexion désigne {host}, qui n&apos;est ni l&apos;un des hôtes de connexion de Microsoft ({hosts}) ni cet ordinateur.</translation>
    </message>
    <message>
        <source>The sign-in authority must end with the tenant: its ID, a domain of it, or organizations (for example {example}).</source>
        <translation>L&apos;autorité de connexion doit se terminer par le locataire&#xa0;: son ID, l&apos;un de ses domaines ou organizations (par exemple {example}).</translation>
    </message>
    <message>
        <source>{name} is not valid JSON ({error}, line {line}).</source>
        <translation>{name} n&apos;est pas un JSON valide ({error}, ligne {line}).</translation>
    </message>
    <message>
        <source>{name} must hold a JSON object ({example}).</source>
        <translation>{name} doit contenir un objet JSON ({example}).</translation>
    </message>
    <message>
        <source>{name} holds &quot;{key}&quot;, which looks like a secret: a defaults file must never hold one (Dispatch is a public client and needs none). The file was not used.</source>
        <translation>{name} contient «&#xa0;{key}&#xa0;», qui ressemble à un secret&#xa0;: un fichier de valeurs par défaut ne doit jamais en contenir (Dispatch est un client public et n&apos;en a pas besoin). Le fichier n&apos;a pas été utilisé.</translation>
    </message>
    <message>
        <source>{name}: unknown key &quot;{key}&quot; (known: {known}). The file was not used.</source>
        <translation>{name}&#xa0;: clé inconnue «&#xa0;{key}&#xa0;» (clés connues&#xa0;: {known}). Le fichier n&apos;a pas été utilisé.</translation>
    </message>
    <message>
        <source>{name}: &quot;{key}&quot; {problem} The file was not used.</source>
        <translation>{name}&#xa0;: «&#xa0;{key}&#xa0;» {problem} Le fichier n&apos;a pas été utilisé.</translation>
    </message>
    <message>
        <source>must be a non-empty text.</source>
        <translation>doit être un texte non vide.</translation>
    </message>
    <message>
        <source>must be the application (client) ID, a GUID (8-4-4-4-12 hex digits).</source>
        <translation>doit être l&apos;ID d&apos;application (client), un GUID (8-4-4-4-12 chiffres hexadécimaux).</translation>
    </message>
    <message>
        <source>must be the tenant&apos;s ID (a GUID), one of its domains, or organizations.</source>
        <translation>doit être l&apos;ID du locataire (un GUID), l&apos;un de ses domaines ou organizations.</translation>
    </message>
    <message>
        <source>is not accepted: {problem}</source>
        <translation>n&apos;est pas accepté&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>The application ID identifies Dispatch to your organisation&apos;s Microsoft 365. Your administrator registers Dispatch once for everyone and gives you the ID (or deploys it, and then you only type your address).</source>
        <translation>L&apos;ID d&apos;application identifie Dispatch auprès du Microsoft 365 de votre organisation. Votre administrateur inscrit Dispatch une fois pour tous et vous donne cet ID (ou le déploie&#xa0;; vous n&apos;avez alors qu&apos;à saisir votre adresse).</translation>
    </message>
    <message>
        <source>Register Dispatch in Microsoft Entra (once per organisation):
1. Microsoft Entra admin center &gt; App registrations &gt; New registration.
2. Name: Dispatch. Supported account types: Accounts in this organizational directory only.
3. Redirect URI: platform &quot;Mobile and desktop applications&quot;. Register.
4. Manifest: add the loopback redirect to &quot;replyUrlsWithType&quot;:
   {redirect}
5. Authentication: Allow public client flows: Yes (for the device code).
6. API permissions: Microsoft Graph, delegated: {permissions}. Grant admin consent if your policy asks.
7. Give users the Application (client) ID and the tenant ID, or deploy them in
   {defaults}
No client secret is needed: never put one in the defaults file.</source>
        <translation>Inscrire Dispatch dans Microsoft Entra (une fois par organisation)&#xa0;:
1. Centre d&apos;administration Microsoft Entra &gt; Inscriptions d&apos;applications &gt; Nouvelle inscription.
2. Nom&#xa0;: Dispatch. Types de comptes pris en charge&#xa0;: Comptes dans cet annuaire d&apos;organisation uniquement.
3. URI de redirection&#xa0;: plateforme «&#xa0;Applications mobiles et de bureau&#xa0;». S&apos;inscrire.
4. Manifeste&#xa0;: ajoutez la redirection de bouclage à «&#xa0;replyUrlsWithType&#xa0;»&#xa0;:
   {redirect}
5. Authentification&#xa0;: Autoriser les flux de clients publics&#xa0;: Oui (pour le code d&apos;appareil).
6. Autorisations d&apos;API&#xa0;: Microsoft Graph, déléguées&#xa0;: {permissions}. Accordez le consentement administrateur si votre stratégie l&apos;exige.
7. Donnez aux utilisateurs l&apos;ID d&apos;application (client) et l&apos;ID de locataire, ou déployez-les dans
   {defaults}
Aucune clé secrète client n&apos;est nécessaire&#xa0;: n&apos;en mettez jamais dans le fichier de valeurs par défaut.</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} KB: not a defaults file. The file was not used.</source>
        <translation>{path} dépasse {limit} Ko&#xa0;: ce n&apos;est pas un fichier de valeurs par défaut. Le fichier n&apos;a pas été utilisé.</translation>
    </message>
    <message>
        <source>{path} could not be read ({error}). The file was not used.</source>
        <translation>{path} n&apos;a pas pu être lu ({error}). Le fichier n&apos;a pas été utilisé.</translation>
    </message>
</context>
<context>
    <name>MailErrors</name>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Too large to send</source>
        <translation>Trop volumineux pour être envoyé</translation>
    </message>
    <message>
        <source>No valid recipients</source>
        <translation>Aucun destinataire valide</translation>
    </message>
    <message>
        <source>Deleted on the server</source>
        <translation>Supprimé sur le serveur</translation>
    </message>
    <message>
        <source>The server did not recognise this item</source>
        <translation>Le serveur n&apos;a pas reconnu cet élément</translation>
    </message>
    <message>
        <source>The item changed on the server; refresh and try again</source>
        <translation>L&apos;élément a été modifié sur le serveur&#xa0;; actualisez et réessayez</translation>
    </message>
    <message>
        <source>The item was changed elsewhere; reopen it and try again</source>
        <translation>L&apos;élément a été modifié ailleurs&#xa0;; rouvrez-le et réessayez</translation>
    </message>
    <message>
        <source>You do not have permission to do this</source>
        <translation>Vous n&apos;avez pas l&apos;autorisation d&apos;effectuer cette opération</translation>
    </message>
    <message>
        <source>The server is busy; try again shortly</source>
        <translation>Le serveur est occupé&#xa0;; réessayez dans un instant</translation>
    </message>
    <message>
        <source>A recipient could not be found</source>
        <translation>Un destinataire est introuvable</translation>
    </message>
    <message>
        <source>Your mailbox is full</source>
        <translation>Votre boîte aux lettres est pleine</translation>
    </message>
    <message>
        <source>You are not allowed to send as this sender</source>
        <translation>Vous n&apos;êtes pas autorisé à envoyer en tant que cet expéditeur</translation>
    </message>
    <message>
        <source>You have sent too many messages; try again later</source>
        <translation>Vous avez envoyé trop de messages&#xa0;; réessayez plus tard</translation>
    </message>
    <message>
        <source>The server could not save the item</source>
        <translation>Le serveur n&apos;a pas pu enregistrer l&apos;élément</translation>
    </message>
    <message>
        <source>The item is damaged on the server</source>
        <translation>L&apos;élément est endommagé sur le serveur</translation>
    </message>
    <message>
        <source>The server could not convert the message</source>
        <translation>Le serveur n&apos;a pas pu convertir le message</translation>
    </message>
    <message>
        <source>The server could not read the message file (its MIME content is invalid)</source>
        <translation>Le serveur n&apos;a pas pu lire le fichier du message (son contenu MIME n&apos;est pas valide)</translation>
    </message>
    <message>
        <source>The server rejected the request as malformed</source>
        <translation>Le serveur a rejeté la requête car elle est mal formée</translation>
    </message>
    <message>
        <source>The server rejected the request</source>
        <translation>Le serveur a rejeté la requête</translation>
    </message>
    <message>
        <source>The server took too long to answer</source>
        <translation>Le serveur a mis trop de temps à répondre</translation>
    </message>
    <message>
        <source>The server had an internal error</source>
        <translation>Le serveur a rencontré une erreur interne</translation>
    </message>
    <message>
        <source>No matching name in the directory</source>
        <translation>Aucun nom correspondant dans l&apos;annuaire</translation>
    </message>
    <message>
        <source>Several names match</source>
        <translation>Plusieurs noms correspondent</translation>
    </message>
    <message>
        <source>Could not reach the server</source>
        <translation>Impossible de joindre le serveur</translation>
    </message>
    <message>
        <source>The server did not accept your user name or password</source>
        <translation>Le serveur n&apos;a pas accepté votre nom d&apos;utilisateur ou votre mot de passe</translation>
    </message>
    <message>
        <source>Microsoft 365 needs you to sign in again</source>
        <translation>Microsoft 365 vous demande de vous reconnecter</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Le certificat du serveur n&apos;est pas approuvé</translation>
    </message>
    <message>
        <source>The server sent a reply that could not be read</source>
        <translation>Le serveur a envoyé une réponse illisible</translation>
    </message>
    <message>
        <source>The connection dropped before the server answered</source>
        <translation>La connexion a été coupée avant la réponse du serveur</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Exchange Online no longer accepts EWS for this mailbox; sign in with Microsoft 365</source>
        <translation>Exchange Online n&apos;accepte plus EWS pour cette boîte aux lettres&#xa0;; connectez-vous avec Microsoft 365</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison indiquée</translation>
    </message>
    <message>
        <source>this mailbox</source>
        <translation>cette boîte aux lettres</translation>
    </message>
    <message>
        <source>Exchange Online no longer accepts EWS for {who} ({why}). Sign in with Microsoft 365 to keep using this mailbox: nothing waiting to be sent is lost.</source>
        <translation>Exchange Online n&apos;accepte plus EWS pour {who} ({why}). Connectez-vous avec Microsoft 365 pour continuer à utiliser cette boîte aux lettres&#xa0;: rien de ce qui attend d&apos;être envoyé n&apos;est perdu.</translation>
    </message>
    <message>
        <source>this account</source>
        <translation>ce compte</translation>
    </message>
    <message>
        <source>Microsoft 365 needs you to sign in again for {who}. Nothing waiting to be sent is lost: it goes out once you are signed in.</source>
        <translation>Microsoft 365 vous demande de vous reconnecter pour {who}. Rien de ce qui attend d&apos;être envoyé n&apos;est perdu&#xa0;: tout partira une fois que vous serez connecté.</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Erreur inconnue</translation>
    </message>
    <message>
        <source>{explanation} ({code})</source>
        <translation>{explanation} ({code})</translation>
    </message>
    <message>
        <source>The server refused the user name or password</source>
        <translation>Le serveur a refusé le nom d&apos;utilisateur ou le mot de passe</translation>
    </message>
    <message>
        <source>This server asks for Windows sign-in (NTLM/Kerberos), not a plain password: switch the account to Automatic sign-in</source>
        <translation>Ce serveur demande une connexion Windows (NTLM/Kerberos), pas un simple mot de passe&#xa0;: passez le compte en connexion automatique</translation>
    </message>
    <message>
        <source>This server asks for a plain password, not Windows sign-in: switch the account to Automatic sign-in</source>
        <translation>Ce serveur demande un simple mot de passe, pas une connexion Windows&#xa0;: passez le compte en connexion automatique</translation>
    </message>
    <message>
        <source>Your Kerberos ticket has expired: run kinit, or sign in to your desktop session again</source>
        <translation>Votre ticket Kerberos a expiré&#xa0;: lancez kinit, ou reconnectez-vous à votre session de bureau</translation>
    </message>
    <message>
        <source>You have no Kerberos ticket: run kinit, or sign in to your desktop session again</source>
        <translation>Vous n’avez pas de ticket Kerberos&#xa0;: lancez kinit, ou reconnectez-vous à votre session de bureau</translation>
    </message>
    <message>
        <source>The server refused a valid Kerberos ticket: its Extended Protection does not match the connection (a proxy that terminates TLS in front of Exchange?). Ask the administrator</source>
        <translation>Le serveur a refusé un ticket Kerberos valide&#xa0;: sa protection étendue (Extended Protection) ne correspond pas à la connexion (un proxy qui termine TLS devant Exchange&#xa0;?). Adressez-vous à l’administrateur</translation>
    </message>
    <message>
        <source>Sign-in was cancelled</source>
        <translation>La connexion a été annulée</translation>
    </message>
    <message>
        <source>Sign in to Microsoft 365 again</source>
        <translation>Reconnectez-vous à Microsoft 365</translation>
    </message>
    <message>
        <source>The server is busy</source>
        <translation>Le serveur est occupé</translation>
    </message>
    <message>
        <source>Your organisation has not allowed Dispatch to read its address book</source>
        <translation>Votre organisation n&apos;a pas autorisé Dispatch à lire son carnet d&apos;adresses</translation>
    </message>
    <message>
        <source>The account was closed before this could be asked of the server</source>
        <translation>Le compte a été fermé avant que la demande puisse être faite au serveur</translation>
    </message>
    <message>
        <source>Microsoft 365 did not accept the sign-in (HTTP 401)</source>
        <translation>Microsoft 365 n&apos;a pas accepté la connexion (HTTP 401)</translation>
    </message>
    <message>
        <source>Could not get a Microsoft 365 sign-in token ({error})</source>
        <translation>Impossible d&apos;obtenir un jeton de connexion Microsoft 365 ({error})</translation>
    </message>
    <message>
        <source>No Microsoft 365 sign-in token: sign in again</source>
        <translation>Aucun jeton de connexion Microsoft 365&#xa0;: reconnectez-vous</translation>
    </message>
    <message>
        <source>The browser sign-in did not come back in time; start it again.</source>
        <translation>La connexion dans le navigateur n&apos;a pas abouti à temps&#xa0;; recommencez-la.</translation>
    </message>
    <message>
        <source>Sending a saved draft without a copy in Sent Items is not available over Microsoft Graph.</source>
        <translation>Envoyer un brouillon enregistré sans copie dans Éléments envoyés n&apos;est pas possible avec Microsoft Graph.</translation>
    </message>
    <message>
        <source>No application (client) id is set for Microsoft 365 sign-in; enter the one your organisation registered in the account settings.</source>
        <translation>Aucun ID d&apos;application (client) n&apos;est défini pour la connexion à Microsoft 365&#xa0;; saisissez celui que votre organisation a inscrit dans les paramètres du compte.</translation>
    </message>
    <message>
        <source>Microsoft 365 refused to start a device sign-in ({reason}).</source>
        <translation>Microsoft 365 a refusé de démarrer une connexion par code d&apos;appareil ({reason}).</translation>
    </message>
    <message>
        <source>Microsoft 365 sign-in failed ({reason}).</source>
        <translation>La connexion à Microsoft 365 a échoué ({reason}).</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate could not be verified ({error}).</source>
        <translation>Le certificat du serveur de connexion n&apos;a pas pu être vérifié ({error}).</translation>
    </message>
    <message>
        <source>Could not reach the Microsoft 365 sign-in server ({error}).</source>
        <translation>Impossible de joindre le serveur de connexion Microsoft 365 ({error}).</translation>
    </message>
    <message>
        <source>The {backend} backend is not available in this version of Dispatch.</source>
        <translation>Le moteur {backend} n&apos;est pas disponible dans cette version de Dispatch.</translation>
    </message>
    <message>
        <source>The server asks for a password (NTLM or Basic), and none was given</source>
        <translation>Le serveur demande un mot de passe (NTLM ou Basic), et aucun n’a été donné</translation>
    </message>
</context>
<context>
    <name>Mailto</name>
    <message>
        <source>This is not a mailto: link.</source>
        <translation>Ce n’est pas un lien mailto:.</translation>
    </message>
    <message>
        <source>The mailto: link is longer than {limit} characters; nothing was opened from it.</source>
        <translation>Le lien mailto: dépasse {limit} caractères&#x202f;; rien n’en a été ouvert.</translation>
    </message>
    <message>
        <source>a field&apos;s name</source>
        <translation>le nom d’un champ</translation>
    </message>
    <message>
        <source>The mailto: link is malformed: {field} holds a % that is not followed by two hexadecimal digits.</source>
        <translation>Le lien mailto: est mal formé&#x202f;: {field} contient un % qui n’est pas suivi de deux chiffres hexadécimaux.</translation>
    </message>
    <message>
        <source>The mailto: link is malformed: {field} holds bytes that are not UTF-8 text.</source>
        <translation>Le lien mailto: est mal formé&#x202f;: {field} contient des octets qui ne sont pas du texte UTF-8.</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message numerus="yes">
        <source>Line {line} has %Ln value(s); the header has {columns} columns.</source>
        <extracomment>(a plural: lupdate marks it from the literal count; the real one is given where it is said)</extracomment>
        <translation>
            <numerusform>La ligne {line} contient %Ln valeur&#xa0;; l&apos;en-tête compte {columns} colonnes.</numerusform>
            <numerusform>La ligne {line} contient %Ln valeurs&#xa0;; l&apos;en-tête compte {columns} colonnes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The table is {size} MB; Dispatch reads at most {limit} MB.</source>
        <translation>Le tableau fait {size} Mo&#xa0;; Dispatch lit au plus {limit} Mo.</translation>
    </message>
    <message>
        <source>Line {line} is not UTF-8 text. Save the table as “CSV UTF-8” and try again.</source>
        <translation>La ligne {line} n&apos;est pas du texte UTF-8. Enregistrez le tableau au format «&#xa0;CSV UTF-8&#xa0;» et réessayez.</translation>
    </message>
    <message>
        <source>The table is longer than {limit} MB of text.</source>
        <translation>Le tableau dépasse {limit} Mo de texte.</translation>
    </message>
    <message>
        <source>The table is empty: it needs a header row naming the columns, then one row per message.</source>
        <translation>Le tableau est vide&#xa0;: il lui faut une ligne d&apos;en-tête nommant les colonnes, puis une ligne par message.</translation>
    </message>
    <message>
        <source>Line {line}: a value is longer than {limit} KB.</source>
        <translation>Ligne {line}&#xa0;: une valeur dépasse {limit} Ko.</translation>
    </message>
    <message>
        <source>Line {line}: it is not valid CSV (a quote that is not closed?).</source>
        <translation>Ligne {line}&#xa0;: ce n&apos;est pas du CSV valide (un guillemet non fermé&#xa0;?).</translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation>colonne {number}</translation>
    </message>
    <message>
        <source>Line {line}, “{name}”: a value is longer than {limit} KB.</source>
        <translation>Ligne {line}, «&#xa0;{name}&#xa0;»&#xa0;: une valeur dépasse {limit} Ko.</translation>
    </message>
    <message>
        <source>Line {line}: the table has more than {limit} rows; split it.</source>
        <translation>Ligne {line}&#xa0;: le tableau compte plus de {limit} lignes&#xa0;; scindez-le.</translation>
    </message>
    <message>
        <source>The table is empty: it needs a header row naming the columns.</source>
        <translation>Le tableau est vide&#xa0;: il lui faut une ligne d&apos;en-tête nommant les colonnes.</translation>
    </message>
    <message>
        <source>The table has a header row but no rows below it.</source>
        <translation>Le tableau a une ligne d&apos;en-tête mais aucune ligne en dessous.</translation>
    </message>
    <message>
        <source>Line {line}: {columns} columns; Dispatch reads at most {limit}.</source>
        <translation>Ligne {line}&#xa0;: {columns} colonnes&#xa0;; Dispatch en lit au plus {limit}.</translation>
    </message>
    <message>
        <source>Line {line} (the header row): column {number} has no name.</source>
        <translation>Ligne {line} (la ligne d&apos;en-tête)&#xa0;: la colonne {number} n&apos;a pas de nom.</translation>
    </message>
    <message>
        <source>Line {line} (the header row): the name of column {number} is longer than 100 characters.</source>
        <translation>Ligne {line} (la ligne d&apos;en-tête)&#xa0;: le nom de la colonne {number} dépasse 100 caractères.</translation>
    </message>
    <message>
        <source>Line {line} (the header row): two columns are named “{name}”.</source>
        <translation>Ligne {line} (la ligne d&apos;en-tête)&#xa0;: deux colonnes s&apos;appellent «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown placeholder {names}: the columns are {columns}.</source>
        <translation>Champ de fusion inconnu {names}&#xa0;: les colonnes sont {columns}.</translation>
    </message>
    <message>
        <source>No address in “{column}”.</source>
        <translation>Aucune adresse dans «&#xa0;{column}&#xa0;».</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first} {second}</translation>
    </message>
</context>
<context>
    <name>SendChecks</name>
    <message>
        <source>This message has no subject.</source>
        <translation>Ce message n&apos;a pas d&apos;objet.</translation>
    </message>
    <message>
        <source>The message mentions an attachment (“{word}”), but nothing is attached.</source>
        <translation>Le message mentionne une pièce jointe («&#xa0;{word}&#xa0;»), mais rien n&apos;est joint.</translation>
    </message>
</context>
<context>
    <name>Senders</name>
    <message>
        <source>{sender} on behalf of {principal}</source>
        <translation>{sender} de la part de {principal}</translation>
    </message>
    <message>
        <source>Enter the mailbox&apos;s e-mail address.</source>
        <translation>Saisissez l&apos;adresse de messagerie de la boîte aux lettres.</translation>
    </message>
    <message>
        <source>That is this account&apos;s own address: it is always in the From list.</source>
        <translation>C&apos;est l&apos;adresse de ce compte&#xa0;: elle figure toujours dans la liste De.</translation>
    </message>
    <message>
        <source>{address} is already in the list.</source>
        <translation>{address} figure déjà dans la liste.</translation>
    </message>
    <message>
        <source>{mailbox} (on behalf)</source>
        <translation>{mailbox} (envoi de la part de)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The personal dictionary {path} could not be read ({why}).</source>
        <translation>Le dictionnaire personnel {path} n&apos;a pas pu être lu ({why}).</translation>
    </message>
    <message>
        <source>The personal dictionary {path} could not be written ({why}); the word is known until Dispatch closes.</source>
        <translation>Le dictionnaire personnel {path} n&apos;a pas pu être écrit ({why})&#xa0;; le mot reste connu jusqu&apos;à la fermeture de Dispatch.</translation>
    </message>
    <message>
        <source>it is nested too deeply to be a settings file</source>
        <translation>son imbrication est trop profonde pour un fichier de paramètres</translation>
    </message>
    <message>
        <source>it is not text</source>
        <translation>ce n&apos;est pas du texte</translation>
    </message>
    <message>
        <source>it is not valid JSON (line {line}, column {column})</source>
        <translation>ce n&apos;est pas du JSON valide (ligne {line}, colonne {column})</translation>
    </message>
    <message>
        <source>it is larger than {limit} MB</source>
        <translation>il dépasse {limit} Mo</translation>
    </message>
    <message>
        <source>it does not hold settings</source>
        <translation>il ne contient pas de paramètres</translation>
    </message>
    <message>
        <source>The settings file {path} could not be read ({why}). Dispatch started with default settings.</source>
        <translation>Le fichier de paramètres {path} n&apos;a pas pu être lu ({why}). Dispatch a démarré avec les paramètres par défaut.</translation>
    </message>
    <message>
        <source>The settings file {path} could not be read ({why}). Dispatch started with default settings and will not change the file.</source>
        <translation>Le fichier de paramètres {path} n&apos;a pas pu être lu ({why}). Dispatch a démarré avec les paramètres par défaut et ne modifiera pas le fichier.</translation>
    </message>
    <message>
        <source>The settings file {path} holds an address Dispatch will not use. {problem}</source>
        <translation>Le fichier de paramètres {path} contient une adresse que Dispatch n&apos;utilisera pas. {problem}</translation>
    </message>
    <message>
        <source>The settings file {path} is damaged ({why}) and could not be set aside. Dispatch started with default settings and will not change the file.</source>
        <translation>Le fichier de paramètres {path} est endommagé ({why}) et n&apos;a pas pu être mis de côté. Dispatch a démarré avec les paramètres par défaut et ne modifiera pas le fichier.</translation>
    </message>
    <message>
        <source>The settings file was damaged ({why}). It was kept as {aside}; Dispatch started with default settings.</source>
        <translation>Le fichier de paramètres était endommagé ({why}). Il a été conservé sous le nom {aside}&#xa0;; Dispatch a démarré avec les paramètres par défaut.</translation>
    </message>
    <message>
        <source>Dispatch cannot write its settings file {path} ({why}). Changes are kept until Dispatch closes.</source>
        <translation>Dispatch ne peut pas écrire son fichier de paramètres {path} ({why}). Les modifications sont conservées jusqu&apos;à la fermeture de Dispatch.</translation>
    </message>
</context>
<context>
    <name>Snippets</name>
    <message>
        <source>Every snippet needs a name.</source>
        <translation>Chaque texte rapide doit avoir un nom.</translation>
    </message>
    <message>
        <source>Two snippets are called “{name}”.</source>
        <translation>Deux textes rapides s&apos;appellent «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>The trigger of “{name}” has a space in it: a trigger is one word.</source>
        <translation>Le déclencheur de «&#xa0;{name}&#xa0;» contient une espace&#xa0;: un déclencheur est un seul mot.</translation>
    </message>
    <message>
        <source>Two snippets have the trigger “{trigger}”.</source>
        <translation>Deux textes rapides ont le déclencheur «&#xa0;{trigger}&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>“{address}” is not a valid e-mail address.</source>
        <translation>«&#xa0;{address}&#xa0;» n&apos;est pas une adresse de messagerie valide.</translation>
    </message>
    <message>
        <source>“{entry}” contains control characters.</source>
        <translation>«&#xa0;{entry}&#xa0;» contient des caractères de contrôle.</translation>
    </message>
    <message>
        <source>“{address}” is not an e-mail address (no @).</source>
        <translation>«&#xa0;{address}&#xa0;» n&apos;est pas une adresse de messagerie (il manque @).</translation>
    </message>
    <message>
        <source>An attachment has no name.</source>
        <translation>Une pièce jointe n&apos;a pas de nom.</translation>
    </message>
    <message>
        <source>“{name}” contains a path separator.</source>
        <translation>«&#xa0;{name}&#xa0;» contient un séparateur de chemin.</translation>
    </message>
    <message>
        <source>An attachment name is longer than 255 characters.</source>
        <translation>Un nom de pièce jointe dépasse 255 caractères.</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} octets</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} Ko</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} Mo</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} Go</translation>
    </message>
    <message>
        <source>The subject has {length} characters; Exchange allows at most {limit}. Shorten it by {over}.</source>
        <translation>L&apos;objet compte {length} caractères&#xa0;; Exchange en autorise au plus {limit}. Raccourcissez-le de {over}.</translation>
    </message>
    <message>
        <source>“{address}” has {length} characters; an address can have at most {limit}. Shorten or remove it.</source>
        <translation>«&#xa0;{address}&#xa0;» compte {length} caractères&#xa0;; une adresse peut en avoir au plus {limit}. Raccourcissez-la ou supprimez-la.</translation>
    </message>
    <message>
        <source>“{name}” is {size}; the server accepts at most {limit} per message.</source>
        <translation>«&#xa0;{name}&#xa0;» fait {size}&#xa0;; le serveur accepte au plus {limit} par message.</translation>
    </message>
    <message>
        <source>Add at least one recipient before sending.</source>
        <translation>Ajoutez au moins un destinataire avant d&apos;envoyer.</translation>
    </message>
    <message>
        <source>{count} recipients (To, Cc and Bcc together); the server allows at most {limit} per message. Split the list across several messages.</source>
        <translation>{count} destinataires (À, Cc et Cci ensemble)&#xa0;; le serveur en autorise au plus {limit} par message. Répartissez la liste sur plusieurs messages.</translation>
    </message>
    <message>
        <source>Too large to send: the message is about {size}; the server accepts at most {limit} per message. Shorten the text; you can still save it as a draft.</source>
        <translation>Trop volumineux pour être envoyé&#xa0;: le message fait environ {size}&#xa0;; le serveur accepte au plus {limit} par message. Raccourcissez le texte&#xa0;; vous pouvez toujours l&apos;enregistrer comme brouillon.</translation>
    </message>
    <message>
        <source>Too large to send: the message is about {size}; the server accepts at most {limit} per message. Remove an attachment or send the files in several messages.</source>
        <translation>Trop volumineux pour être envoyé&#xa0;: le message fait environ {size}&#xa0;; le serveur accepte au plus {limit} par message. Supprimez une pièce jointe ou envoyez les fichiers en plusieurs messages.</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>le mot de passe</translation>
    </message>
    <message>
        <source>The EWS URL</source>
        <translation>L&apos;URL EWS</translation>
    </message>
    <message>
        <source>The Microsoft Graph URL</source>
        <translation>L&apos;URL Microsoft Graph</translation>
    </message>
    <message>
        <source>The sign-in authority</source>
        <translation>L&apos;autorité de connexion</translation>
    </message>
    <message>
        <source>The upload address the server gave</source>
        <translation>L&apos;adresse de chargement fournie par le serveur</translation>
    </message>
    <message>
        <source>Enter the EWS URL (for example {example}).</source>
        <translation>Saisissez l&apos;URL EWS (par exemple {example}).</translation>
    </message>
    <message>
        <source>Enter the Microsoft Graph URL (for example {example}).</source>
        <translation>Saisissez l&apos;URL Microsoft Graph (par exemple {example}).</translation>
    </message>
    <message>
        <source>Enter the sign-in authority (for example {example}).</source>
        <translation>Saisissez l&apos;autorité de connexion (par exemple {example}).</translation>
    </message>
    <message>
        <source>Enter the upload address the server gave (for example {example}).</source>
        <translation>Saisissez l&apos;adresse de chargement fournie par le serveur (par exemple {example}).</translation>
    </message>
    <message>
        <source>the sign-in token</source>
        <translation>le jeton de connexion</translation>
    </message>
    <message>
        <source>the sign-in</source>
        <translation>les données de connexion</translation>
    </message>
    <message>
        <source>the attachment and the upload key</source>
        <translation>la pièce jointe et la clé de chargement</translation>
    </message>
    <message>
        <source>{name} contains spaces or control characters.</source>
        <translation>{name} contient des espaces ou des caractères de contrôle.</translation>
    </message>
    <message>
        <source>{name} contains a backslash (\); a URL uses forward slashes (/).</source>
        <translation>{name} contient une barre oblique inverse (\)&#xa0;; une URL utilise des barres obliques (/).</translation>
    </message>
    <message>
        <source>{name} is not a valid URL (for example {example}).</source>
        <translation>{name} n&apos;est pas une URL valide (par exemple {example}).</translation>
    </message>
    <message>
        <source>{name} must start with https:// (for example {example}).</source>
        <translation>{name} doit commencer par https:// (par exemple {example}).</translation>
    </message>
    <message>
        <source>{name} must not contain a user name or password (the part before @); enter them in their own fields.</source>
        <translation>{name} ne doit contenir ni nom d&apos;utilisateur ni mot de passe (la partie avant @)&#xa0;; saisissez-les dans leurs propres champs.</translation>
    </message>
    <message>
        <source>{name} has no server name (for example {example}).</source>
        <translation>{name} ne contient pas de nom de serveur (par exemple {example}).</translation>
    </message>
    <message>
        <source>{name} must start with https://. Over http:// {secret} would go to {host} in clear text; http:// is accepted only for this computer (localhost, 127.0.0.1, ::1).</source>
        <translation>{name} doit commencer par https://. En http://, {host} recevrait {secret} en clair&#xa0;; http:// n&apos;est accepté que pour cet ordinateur (localhost, 127.0.0.1,&#xa0;::1).</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}&#xa0;; {rest}</translation>
    </message>
</context>
</TS>
