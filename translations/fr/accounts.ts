<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Connect your mailbox</source>
        <translation>Connecter votre boîte aux lettres</translation>
    </message>
    <message>
        <source>Account in use</source>
        <translation>Compte utilisé</translation>
    </message>
    <message>
        <source>Exchange Server (EWS)</source>
        <translation>Exchange Server (EWS)</translation>
    </message>
    <message>
        <source>Microsoft 365 (sign in with Microsoft)</source>
        <translation>Microsoft 365 (se connecter avec Microsoft)</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>Type de compte</translation>
    </message>
    <message>
        <source>&amp;Account type</source>
        <translation>&amp;Type de compte</translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation>vous@entreprise.com</translation>
    </message>
    <message>
        <source>https://mail.company.com/EWS/Exchange.asmx</source>
        <translation>https://mail.entreprise.com/EWS/Exchange.asmx</translation>
    </message>
    <message>
        <source>DOMAIN\user or you@company.com</source>
        <translation>DOMAINE\utilisateur ou vous@entreprise.com</translation>
    </message>
    <message>
        <source>Automatic (as the server offers)</source>
        <translation>Automatique (selon l’offre du serveur)</translation>
    </message>
    <message>
        <source>Kerberos (your ticket, no password)</source>
        <translation>Kerberos (votre ticket, sans mot de passe)</translation>
    </message>
    <message>
        <source>Verify the server&apos;s TLS certificate</source>
        <translation>Vérifier le certificat TLS du serveur</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Adresse de messagerie</translation>
    </message>
    <message>
        <source>EWS URL</source>
        <translation>URL EWS</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Verify TLS certificate</source>
        <translation>Vérifier le certificat TLS</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>The password is stored in your system keyring.</source>
        <translation>Le mot de passe est enregistré dans le trousseau de votre système.</translation>
    </message>
    <message>
        <source>No system keyring is available: the password is kept for this session only and asked again next time.</source>
        <translation>Aucun trousseau système n&apos;est disponible&#xa0;: le mot de passe n&apos;est conservé que pour cette session et vous sera redemandé la prochaine fois.</translation>
    </message>
    <message>
        <source>Account error</source>
        <translation>Erreur de compte</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Use the sandbox mailbox</source>
        <translation>Utiliser la boîte aux lettres de test</translation>
    </message>
    <message>
        <source>Use the built-in sandbox mailbox instead</source>
        <translation>Utiliser plutôt la boîte aux lettres de test intégrée (bac à sable)</translation>
    </message>
    <message>
        <source>Try it with the sandbox mailbox (&amp;Graph)</source>
        <translation>Essayer avec la boîte aux lettres de test (&amp;Graph)</translation>
    </message>
    <message>
        <source>Use the built-in sandbox mailbox through Microsoft Graph</source>
        <translation>Utiliser la boîte aux lettres de test intégrée via Microsoft Graph</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>Entrez une adresse de messagerie valide.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Entrez le mot de passe.</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Entrez un nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>In use now: the built-in sandbox mailbox, {address} ({how}). Fill in your own mailbox below to switch to it, or Cancel to keep the sandbox.</source>
        <translation>Utilisée actuellement&#xa0;: la boîte aux lettres de test intégrée, {address} ({how}). Renseignez votre propre boîte aux lettres ci-dessous pour l&apos;utiliser, ou cliquez sur Annuler pour conserver la boîte de test.</translation>
    </message>
</context>
<context>
    <name>FindServer</name>
    <message>
        <source>Tried {step}</source>
        <extracomment>a step&apos;s end as a reader hears it (the list&apos;s marks are symbols); &quot;found&quot; is said with the result</extracomment>
        <translation>Essayé&#xa0;: {step}</translation>
    </message>
    <message>
        <source>Skipped {step}</source>
        <translation>Ignoré&#xa0;: {step}</translation>
    </message>
    <message>
        <source>Tried {step}: {detail}</source>
        <translation>Essayé&#xa0;: {step}&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Skipped {step}: {detail}</source>
        <translation>Ignoré&#xa0;: {step}&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Finding the server…</source>
        <extracomment>said as a search starts (the button&apos;s &quot;Finding…&quot;)</extracomment>
        <translation>Recherche du serveur…</translation>
    </message>
    <message>
        <source>&amp;Find server</source>
        <translation>&amp;Rechercher le serveur</translation>
    </message>
    <message>
        <source>Find server</source>
        <translation>Rechercher le serveur</translation>
    </message>
    <message>
        <source>Find the EWS URL from the e-mail address and password (Autodiscover), as Outlook does</source>
        <translation>Trouver l&apos;URL EWS à partir de l&apos;adresse de messagerie et du mot de passe (découverte automatique), comme le fait Outlook</translation>
    </message>
    <message>
        <source>Find server steps</source>
        <translation>Étapes de la recherche du serveur</translation>
    </message>
    <message>
        <source>Also send from the mailboxes found</source>
        <translation>Envoyer aussi depuis les boîtes aux lettres trouvées</translation>
    </message>
    <message>
        <source>Finding…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Also &amp;send from {names} (the server found you may open it)</source>
        <translation>Envoyer aussi &amp;depuis {names} (d&apos;après le serveur, vous y avez accès)</translation>
    </message>
    <message>
        <source>Find server question</source>
        <translation>Question de la recherche du serveur</translation>
    </message>
    <message>
        <source>&amp;Send to {host}</source>
        <translation>&amp;Envoyer à {host}</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>&amp;Ne pas envoyer</translation>
    </message>
    <message>
        <source>{step}: {detail}</source>
        <translation>{step}&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>{address} is in Microsoft 365: sign in with Microsoft on this page.</source>
        <translation>{address} est dans Microsoft 365&#xa0;: connectez-vous avec Microsoft sur cette page.</translation>
    </message>
    <message>
        <source>Server found: {url}</source>
        <translation>Serveur trouvé&#xa0;: {url}</translation>
    </message>
    <message>
        <source>redirects</source>
        <translation>redirige</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source>The server was not found ({why}). Tried: {tried}. {advice}</source>
        <translation>Le serveur est introuvable ({why}). Essayé&#xa0;: {tried}. {advice}</translation>
    </message>
    <message>
        <source>The server was not found. Tried: {tried}. {advice}</source>
        <translation>Le serveur est introuvable. Essayé&#xa0;: {tried}. {advice}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n times</source>
        <extracomment>a URL tried again and again (a redirect loop)</extracomment>
        <translation>
            <numerusform>%n fois</numerusform>
            <numerusform>%n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>{step} ({details})</source>
        <translation>{step} ({details})</translation>
    </message>
</context>
<context>
    <name>MailMerge</name>
    <message>
        <source>Mail me&amp;rge…</source>
        <translation>Publiposta&amp;ge…</translation>
    </message>
    <message>
        <source>Mail merge</source>
        <translation>Publipostage</translation>
    </message>
    <message>
        <source>Choose CSV &amp;file…</source>
        <translation>Choisir un &amp;fichier CSV…</translation>
    </message>
    <message>
        <source>&amp;Table (a header row, then one row per message; paste from a spreadsheet):</source>
        <translation>&amp;Tableau (une ligne d&apos;en-têtes, puis une ligne par message&#xa0;; collez-le depuis un tableur)&#xa0;:</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>&amp;Address column:</source>
        <translation>Colonne d&apos;&amp;adresse&#xa0;:</translation>
    </message>
    <message>
        <source>Address column</source>
        <translation>Colonne d&apos;adresse</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Preview (the first %n message(s)):</source>
        <extracomment>counted words (see _count)</extracomment>
        <translation>
            <numerusform>A&amp;perçu (le premier message)&#xa0;:</numerusform>
            <numerusform>A&amp;perçu (les %n premiers messages)&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln ligne</numerusform>
            <numerusform>%Ln lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s)</source>
        <translation>
            <numerusform>%Ln colonne</numerusform>
            <numerusform>%Ln colonnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preparing %Ln message(s)…</source>
        <translation>
            <numerusform>Préparation de %Ln message…</numerusform>
            <numerusform>Préparation de %Ln messages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln envoyé</numerusform>
            <numerusform>%Ln envoyés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln en échec</numerusform>
            <numerusform>%Ln en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to fix</source>
        <translation>
            <numerusform>%Ln à corriger</numerusform>
            <numerusform>%Ln à corriger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ready</source>
        <translation>
            <numerusform>%Ln prêt</numerusform>
            <numerusform>%Ln prêts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln under way</source>
        <translation>
            <numerusform>%Ln en cours</numerusform>
            <numerusform>%Ln en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{state} {counts} — of %Ln row(s).</source>
        <translation>
            <numerusform>{state} {counts} — sur %Ln ligne.</numerusform>
            <numerusform>{state} {counts} — sur %Ln lignes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Create and &amp;send ({keys})</source>
        <translation>Créer et &amp;envoyer ({keys})</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Merge summary</source>
        <translation>Résumé du publipostage</translation>
    </message>
    <message>
        <source>Merge results</source>
        <translation>Résultats du publipostage</translation>
    </message>
    <message>
        <source>Fix a row: go to its cell, F2 (or type), Enter. Resend failed ({keys}) sends the rows that are not sent and were fixed; a sent row is never sent again.</source>
        <translation>Corriger une ligne&#xa0;: allez dans sa cellule, F2 (ou tapez directement), Entrée. Renvoyer les échecs ({keys}) envoie les lignes non envoyées qui ont été corrigées&#xa0;; une ligne envoyée n&apos;est jamais renvoyée.</translation>
    </message>
    <message>
        <source>&amp;Resend failed ({keys})</source>
        <translation>&amp;Renvoyer les échecs ({keys})</translation>
    </message>
    <message>
        <source>&amp;New merge</source>
        <translation>&amp;Nouveau publipostage</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Template: the message in Compose, “{subject}”. One message per row, to the address in the column below; {{column}} in the subject or text is replaced by the row&apos;s value.</source>
        <translation>Modèle&#xa0;: le message dans Rédiger, «&#xa0;{subject}&#xa0;». Un message par ligne, à l&apos;adresse de la colonne ci-dessous&#xa0;; {{column}} dans l&apos;objet ou le texte est remplacé par la valeur de la ligne.</translation>
    </message>
    <message>
        <source>Choose a table (CSV)</source>
        <translation>Choisir un tableau (CSV)</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Tableaux (*.csv *.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The file is larger than {size}.</source>
        <translation>Le fichier dépasse {size}.</translation>
    </message>
    <message>
        <source>Could not read the file: {reason}</source>
        <translation>Impossible de lire le fichier&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Read from “{file}”</source>
        <translation>Lu depuis «&#xa0;{file}&#xa0;»</translation>
    </message>
    <message>
        <source>“{file}” is too large to show here; it was read in full.</source>
        <translation>«&#xa0;{file}&#xa0;» est trop volumineux pour être affiché ici&#xa0;; il a été lu en entier.</translation>
    </message>
    <message>
        <source>Paste a table or choose a CSV file.</source>
        <translation>Collez un tableau ou choisissez un fichier CSV.</translation>
    </message>
    <message>
        <source>Unknown placeholder {placeholders}: the columns are {columns}.</source>
        <translation>Espace réservé inconnu {placeholders}&#xa0;: les colonnes sont {columns}.</translation>
    </message>
    <message>
        <source>{rows}, {columns}.</source>
        <translation>{rows}, {columns}.</translation>
    </message>
    <message>
        <source>Row {number}: not sent — {reason}</source>
        <translation>Ligne {number}&#xa0;: non envoyée — {reason}</translation>
    </message>
    <message>
        <source>To: {to}
Subject: {subject}</source>
        <translation>À&#xa0;: {to}
Objet&#xa0;: {subject}</translation>
    </message>
    <message>
        <source>Connect an account first ({keys}).</source>
        <translation>Connectez d&apos;abord un compte ({keys}).</translation>
    </message>
    <message>
        <source>Could not prepare the messages ({error}); nothing was sent.</source>
        <translation>Impossible de préparer les messages ({error})&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>{summary} Nothing to resend: fix a failed row first.</source>
        <translation>{summary} Rien à renvoyer&#xa0;: corrigez d&apos;abord une ligne en échec.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Send these messages?</source>
        <translation>Envoyer ces messages&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln message(s)</source>
        <extracomment>counted words: pyside6-lupdate makes an entry plural only when its count is a literal, so they are marked once with 0 here and counted where shown</extracomment>
        <translation>
            <numerusform>&amp;Envoyer %Ln message</numerusform>
            <numerusform>&amp;Envoyer %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Ne pas envoyer</translation>
    </message>
</context>
<context>
    <name>MicrosoftSignIn</name>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>&amp;Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>Microsoft 365 sign-in</source>
        <translation>Connexion à Microsoft 365</translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation>vous@entreprise.com</translation>
    </message>
    <message>
        <source>the application (client) ID your organisation registered</source>
        <translation>l&apos;ID d&apos;application (client) inscrit par votre organisation</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Adresse de messagerie</translation>
    </message>
    <message>
        <source>Application ID</source>
        <translation>ID d&apos;application</translation>
    </message>
    <message>
        <source>Sign-in authority</source>
        <translation>Autorité de connexion</translation>
    </message>
    <message>
        <source>Ad&amp;vanced</source>
        <translation>A&amp;vancé</translation>
    </message>
    <message>
        <source>Advanced: the Microsoft Graph URL</source>
        <translation>Avancé&#xa0;: l&apos;URL de Microsoft Graph</translation>
    </message>
    <message>
        <source>Graph URL</source>
        <translation>URL Graph</translation>
    </message>
    <message>
        <source>Organisation defaults error</source>
        <translation>Erreur dans les paramètres par défaut de l&apos;organisation</translation>
    </message>
    <message>
        <source>Dispatch never sees your Microsoft password: you sign in on Microsoft&apos;s page. The sign-in is kept in your system keyring.</source>
        <translation>Dispatch ne voit jamais votre mot de passe Microsoft&#xa0;: vous vous connectez sur la page de Microsoft. La connexion est conservée dans le trousseau de votre système.</translation>
    </message>
    <message>
        <source>Dispatch never sees your Microsoft password. No system keyring is available: you will sign in again next time.</source>
        <translation>Dispatch ne voit jamais votre mot de passe Microsoft. Aucun trousseau système n&apos;est disponible&#xa0;: vous devrez vous reconnecter la prochaine fois.</translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser</source>
        <translation>Se connecter avec le &amp;navigateur</translation>
    </message>
    <message>
        <source>Use a &amp;code instead</source>
        <translation>Utiliser un &amp;code à la place</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Code de l&apos;appareil</translation>
    </message>
    <message>
        <source>Co&amp;py code</source>
        <translation>Co&amp;pier le code</translation>
    </message>
    <message>
        <source>Trust the sign-in server&apos;s certificate</source>
        <translation>Faire confiance au certificat du serveur de connexion</translation>
    </message>
    <message>
        <source>What the application ID is</source>
        <translation>Ce qu&apos;est l&apos;ID d&apos;application</translation>
    </message>
    <message>
        <source>Copy the registration &amp;steps</source>
        <translation>Copier la procédure d&apos;&amp;inscription</translation>
    </message>
    <message>
        <source>Copy the registration steps for your administrator</source>
        <translation>Copier la procédure d&apos;inscription pour votre administrateur</translation>
    </message>
    <message>
        <source>The registration steps are on the clipboard: send them to your administrator.</source>
        <translation>La procédure d&apos;inscription est dans le Presse-papiers&#xa0;: envoyez-la à votre administrateur.</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>Entrez une adresse de messagerie valide.</translation>
    </message>
    <message>
        <source>Enter the application (client) ID: your administrator registers Dispatch in Microsoft Entra once for your organisation (Copy the registration steps, {keys}, and send them).</source>
        <translation>Entrez l&apos;ID d&apos;application (client)&#xa0;: votre administrateur inscrit Dispatch une fois dans Microsoft Entra pour votre organisation (copiez la procédure d&apos;inscription, {keys}, et envoyez-la-lui).</translation>
    </message>
    <message>
        <source>Starting the sign-in…</source>
        <translation>Démarrage de la connexion…</translation>
    </message>
    <message>
        <source>Go to {url} on any device and enter the code below. Dispatch carries on by itself once you have signed in there.</source>
        <translation>Accédez à {url} sur n&apos;importe quel appareil et entrez le code ci-dessous. Dispatch poursuit de lui-même une fois que vous vous y êtes connecté.</translation>
    </message>
    <message>
        <source>Go to {url} on any device and enter the code {code}. Dispatch carries on by itself once you have signed in there.</source>
        <translation>Accédez à {url} sur n&apos;importe quel appareil et entrez le code {code}. Dispatch poursuit de lui-même une fois que vous vous y êtes connecté.</translation>
    </message>
    <message>
        <source>Finish signing in in your browser: Dispatch carries on by itself. If no browser opened, use a code instead.</source>
        <translation>Terminez la connexion dans votre navigateur&#xa0;: Dispatch poursuit de lui-même. Si aucun navigateur ne s&apos;est ouvert, utilisez plutôt un code.</translation>
    </message>
    <message>
        <source>No browser could be opened. Use a code instead.</source>
        <translation>Impossible d&apos;ouvrir un navigateur. Utilisez plutôt un code.</translation>
    </message>
    <message>
        <source>Not signed in: {reason}</source>
        <translation>Non connecté&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <source>Not signed in ({error}).</source>
        <translation>Non connecté ({error}).</translation>
    </message>
    <message>
        <source>Signed in as {user}. Connecting…</source>
        <translation>Connecté en tant que {user}. Connexion…</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate has changed and is not trusted ({host}).</source>
        <translation>Le certificat du serveur de connexion a changé et n&apos;est pas approuvé ({host}).</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate is not trusted ({host}).</source>
        <translation>Le certificat du serveur de connexion n&apos;est pas approuvé ({host}).</translation>
    </message>
    <message>
        <source>Trust it only if this fingerprint is the one your administrator gave you.</source>
        <translation>Ne lui faites confiance que si cette empreinte est celle que votre administrateur vous a donnée.</translation>
    </message>
    <message>
        <source> (code copied)</source>
        <translation> (code copié)</translation>
    </message>
    <message>
        <source>Code copied</source>
        <translation>Code copié</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password prompt</source>
        <translation>Demande de mot de passe</translation>
    </message>
    <message>
        <source>Why the password is asked</source>
        <translation>Pourquoi le mot de passe est demandé</translation>
    </message>
    <message>
        <source>&amp;Password for {name}</source>
        <translation>&amp;Mot de passe pour {name}</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>&amp;Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>Signed in again</source>
        <translation>Reconnecté</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>le serveur</translation>
    </message>
    <message>
        <source>Trust it only if this fingerprint is the one your administrator gave you (for {address} only).</source>
        <translation>Ne lui faites confiance que si cette empreinte est celle que votre administrateur vous a donnée (pour {address} uniquement).</translation>
    </message>
    <message>
        <source>Certificate trusted for {address}: connecting…</source>
        <translation>Certificat approuvé pour {address}&#xa0;: connexion…</translation>
    </message>
    <message>
        <source>Sign-in server&apos;s certificate trusted for {address}: connecting…</source>
        <translation>Certificat du serveur de connexion approuvé pour {address}&#xa0;: connexion…</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate is not trusted. Retry to see it again.</source>
        <translation>Non connecté&#xa0;: le certificat du serveur n&apos;est pas approuvé. Réessayez pour l&apos;afficher à nouveau.</translation>
    </message>
    <message>
        <source>The server did not accept that password either for {address}. Enter the current one: messages waiting in the Outbox go out once you are signed in.</source>
        <translation>Le serveur n&apos;a pas accepté ce mot de passe non plus pour {address}. Entrez le mot de passe actuel&#xa0;: les messages en attente dans la Boîte d&apos;envoi partiront une fois que vous serez connecté.</translation>
    </message>
    <message>
        <source>The server did not accept the password for {address}. Enter the current one: messages waiting in the Outbox go out once you are signed in.</source>
        <translation>Le serveur n&apos;a pas accepté le mot de passe pour {address}. Entrez le mot de passe actuel&#xa0;: les messages en attente dans la Boîte d&apos;envoi partiront une fois que vous serez connecté.</translation>
    </message>
    <message>
        <source>This server asks for Windows sign-in (NTLM/Kerberos), not a plain password: switch {address} to Automatic?</source>
        <translation>Ce serveur demande une connexion Windows (NTLM/Kerberos), pas un simple mot de passe&#xa0;: passer {address} en Automatique&#xa0;?</translation>
    </message>
    <message>
        <source>This server asks for a plain password, not Windows sign-in: switch {address} to Automatic?</source>
        <translation>Ce serveur demande un simple mot de passe, pas une connexion Windows&#xa0;: passer {address} en Automatique&#xa0;?</translation>
    </message>
    <message>
        <source>Switch to &amp;Automatic</source>
        <translation>Passer en &amp;Automatique</translation>
    </message>
    <message>
        <source>Automatic sign-in for {address}: connecting…</source>
        <translation>Connexion automatique pour {address}&#xa0;: connexion…</translation>
    </message>
    <message>
        <source>Sign in with &amp;Microsoft 365</source>
        <translation>Se connecter avec &amp;Microsoft 365</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
    <message>
        <source>Sign in to Microsoft 365 again for {address} ({reason})</source>
        <translation>Reconnectez-vous à Microsoft 365 pour {address} ({reason})</translation>
    </message>
    <message>
        <source>Sign in to Microsoft 365 again for {address}</source>
        <translation>Reconnectez-vous à Microsoft 365 pour {address}</translation>
    </message>
    <message>
        <source>{reason}. Messages waiting in the Outbox go out once you are signed in.</source>
        <translation>{reason}. Les messages en attente dans la Boîte d&apos;envoi partiront une fois que vous serez connecté.</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>Signed in: connecting…</source>
        <translation>Connecté&#xa0;: connexion au serveur…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Signing in… (no system keyring: the password is kept for this session only)</source>
        <translation>Connexion… (aucun trousseau système&#xa0;: le mot de passe n&apos;est conservé que pour cette session)</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Le certificat du serveur n&apos;est pas approuvé</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed and is not trusted</source>
        <translation>Le certificat du serveur a changé et n&apos;est pas approuvé</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate is not trusted</source>
        <translation>Le certificat du serveur de connexion n&apos;est pas approuvé</translation>
    </message>
    <message>
        <source>The sign-in server&apos;s certificate has changed and is not trusted</source>
        <translation>Le certificat du serveur de connexion a changé et n&apos;est pas approuvé</translation>
    </message>
    <message>
        <source>Could not save the choice: trusted for this session only</source>
        <translation>Impossible d&apos;enregistrer ce choix&#xa0;: certificat approuvé pour cette session uniquement</translation>
    </message>
</context>
<context>
    <name>SendFrom</name>
    <message>
        <source>Send as</source>
        <translation>Envoyer en tant que</translation>
    </message>
    <message>
        <source>Send on behalf</source>
        <translation>Envoyer de la part de</translation>
    </message>
    <message>
        <source>&amp;Keep the sent copy in its Sent Items, not yours</source>
        <translation>&amp;Conserver la copie envoyée dans ses Éléments envoyés, pas dans les vôtres</translation>
    </message>
    <message>
        <source>What you send from a mailbox is kept in your own Sent Items, as Outlook does. With “keep the sent copy in its Sent Items” ({keys} for a new entry, Space on a listed one) it goes to that mailbox&apos;s instead, over Exchange (EWS) when you may open it (Full Access); Microsoft 365 keeps it in yours.</source>
        <translation>Ce que vous envoyez depuis une boîte aux lettres est conservé dans vos propres Éléments envoyés, comme le fait Outlook. Avec «&#xa0;conserver la copie envoyée dans ses Éléments envoyés&#xa0;» ({keys} pour une nouvelle entrée, Espace sur une entrée de la liste), elle va dans ceux de cette boîte aux lettres, via Exchange (EWS) si vous pouvez l&apos;ouvrir (accès total)&#xa0;; Microsoft 365 la conserve dans les vôtres.</translation>
    </message>
    <message>
        <source>{mailbox} · sent copy kept in its Sent Items</source>
        <translation>{mailbox} · copie envoyée conservée dans ses Éléments envoyés</translation>
    </message>
    <message>
        <source>“{address}” is typed but not in the list: press Enter to add it, or clear the address to save without it.</source>
        <translation>«&#xa0;{address}&#xa0;» est saisie mais ne figure pas dans la liste&#xa0;: appuyez sur Entrée pour l&apos;ajouter, ou effacez l&apos;adresse pour enregistrer sans elle.</translation>
    </message>
    <message>
        <source>Mailboxes you send from</source>
        <translation>Boîtes aux lettres depuis lesquelles vous envoyez</translation>
    </message>
    <message>
        <source>Besides {address}, the shared mailboxes and the people this account may send as or on behalf of. Your administrator grants the right; Compose offers these at From.</source>
        <translation>Outre {address}, les boîtes aux lettres partagées et les personnes au nom desquelles ce compte peut envoyer (en tant que ou de la part de). Votre administrateur accorde ce droit&#xa0;; Rédiger les propose dans De.</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected mailbox</source>
        <translation>Supprimer la boîte aux lettres sélectionnée</translation>
    </message>
    <message>
        <source>Mailbox error</source>
        <translation>Erreur de boîte aux lettres</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>desk@company.com</source>
        <translation>accueil@entreprise.com</translation>
    </message>
    <message>
        <source>Shared Desk (optional)</source>
        <translation>Accueil partagé (facultatif)</translation>
    </message>
    <message>
        <source>Keep the sent copy in its Sent Items, not yours</source>
        <translation>Conserver la copie envoyée dans ses Éléments envoyés, pas dans les vôtres</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>Add the mailbox</source>
        <translation>Ajouter la boîte aux lettres</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Mailbox address</source>
        <translation>Adresse de la boîte aux lettres</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Mailbox name</source>
        <translation>Nom de la boîte aux lettres</translation>
    </message>
    <message>
        <source>R&amp;ight</source>
        <translation>&amp;Droit</translation>
    </message>
    <message>
        <source>Send as or on behalf</source>
        <translation>Envoyer en tant que ou de la part de</translation>
    </message>
</context>
<context>
    <name>SignInPrompt</name>
    <message>
        <source>Sign in to Microsoft 365</source>
        <translation>Se connecter à Microsoft 365</translation>
    </message>
    <message>
        <source>Microsoft 365 sign-in prompt</source>
        <translation>Demande de connexion à Microsoft 365</translation>
    </message>
    <message>
        <source>Why sign-in is asked</source>
        <translation>Pourquoi la connexion est demandée</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Welcome to Dispatch</source>
        <translation>Bienvenue dans Dispatch</translation>
    </message>
    <message>
        <source>Write, save and send mail through Microsoft Exchange — all from the keyboard.</source>
        <translation>Rédigez, enregistrez et envoyez vos messages via Microsoft Exchange, entièrement au clavier.</translation>
    </message>
    <message>
        <source>Try the sandbox mailbox</source>
        <translation>Essayer la boîte aux lettres de test</translation>
    </message>
    <message>
        <source>A built-in Exchange server on this computer. Sign in as Alice and send mail to Bob — nothing leaves your machine.</source>
        <translation>Un serveur Exchange intégré sur cet ordinateur. Connectez-vous en tant qu&apos;Alice et écrivez à Bob&#xa0;: rien ne quitte votre machine.</translation>
    </message>
    <message>
        <source>Use sandbox</source>
        <translation>Utiliser le bac à sable</translation>
    </message>
    <message>
        <source>Connect your mailbox</source>
        <translation>Connecter votre boîte aux lettres</translation>
    </message>
    <message>
        <source>Microsoft 365 (sign in with Microsoft) or your organisation&apos;s Exchange server (EWS). Secrets go into the system keyring.</source>
        <translation>Microsoft 365 (connexion avec Microsoft) ou le serveur Exchange de votre organisation (EWS). Les secrets sont enregistrés dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Set up account…</source>
        <translation>Configurer le compte…</translation>
    </message>
</context>
</TS>
