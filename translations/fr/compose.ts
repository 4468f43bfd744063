<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Compose</name>
    <message>
        <source>Opening this message…</source>
        <extracomment>what the empty editor says while the helper works (in place of &quot;Write your message…&quot;)</extracomment>
        <translation>Ouverture de ce message…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <extracomment>Compose&apos;s state while its message is on its way</extracomment>
        <translation>Envoi en cours…</translation>
    </message>
    <message>
        <source>{warnings}

Send it anyway?</source>
        <translation>{warnings}

L&apos;envoyer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>Send without a subject?</source>
        <translation>Envoyer sans objet&#xa0;?</translation>
    </message>
    <message>
        <source>Send without an attachment?</source>
        <translation>Envoyer sans pièce jointe&#xa0;?</translation>
    </message>
    <message>
        <source>Send anyway?</source>
        <translation>Envoyer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Send anyway</source>
        <translation>&amp;Envoyer quand même</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Revenir au message</translation>
    </message>
    <message>
        <source>Discard undo bar</source>
        <translation>Barre d&apos;annulation de l&apos;abandon</translation>
    </message>
    <message>
        <source>Discard notice</source>
        <translation>Avis d&apos;abandon</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Ann&amp;uler</translation>
    </message>
    <message>
        <source>Undo discard</source>
        <translation>Annuler l&apos;abandon</translation>
    </message>
    <message>
        <source>Bring the message back (Ctrl+Z)</source>
        <translation>Récupérer le message (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing to discard</source>
        <translation>Rien à abandonner</translation>
    </message>
    <message>
        <source>Message discarded (it is deleted from Drafts when this bar goes) — Ctrl+Z to undo</source>
        <translation>Message abandonné (il sera supprimé des Brouillons à la disparition de cette barre) — Ctrl+Z pour annuler</translation>
    </message>
    <message>
        <source>Message discarded — Ctrl+Z to undo</source>
        <translation>Message abandonné — Ctrl+Z pour annuler</translation>
    </message>
    <message>
        <source>Discarded: {subject}</source>
        <translation>Abandonné&#xa0;: {subject}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>That message was written under another account</source>
        <translation>Ce message a été rédigé avec un autre compte</translation>
    </message>
    <message>
        <source>The message is back</source>
        <translation>Le message est de retour</translation>
    </message>
    <message>
        <source>The discarded message was being saved: it stays in Drafts</source>
        <translation>Le message abandonné était en cours d&apos;enregistrement&#xa0;: il reste dans les Brouillons</translation>
    </message>
    <message>
        <source>The discarded message is still in Drafts: {reason}</source>
        <translation>Le message abandonné est toujours dans les Brouillons&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <source>Opening… {percent}%</source>
        <extracomment>the same with how much of it is in</extracomment>
        <translation>Ouverture… {percent}&#xa0;%</translation>
    </message>
    <message>
        <source>Edited — not saved to the server</source>
        <extracomment>the state of a draft whose edits are on this computer only (typed since its last save, or restored)</extracomment>
        <translation>Modifié — non enregistré sur le serveur</translation>
    </message>
    <message>
        <source>Kept on this computer</source>
        <extracomment>the state once what is typed is in the local journal (&quot;Not saved&quot; would be untrue then)</extracomment>
        <translation>Conservé sur cet ordinateur</translation>
    </message>
    <message>
        <source>Edited — kept on this computer</source>
        <extracomment>the same for a draft whose older copy is in Drafts</extracomment>
        <translation>Modifié — conservé sur cet ordinateur</translation>
    </message>
    <message>
        <source>Saved to Drafts</source>
        <extracomment>the state once the server&apos;s Drafts has the message as it is on screen</extracomment>
        <translation>Enregistré dans les Brouillons</translation>
    </message>
    <message>
        <source>Not saved</source>
        <extracomment>the state of a message neither in the journal nor in Drafts</extracomment>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Not sent</source>
        <extracomment>the state of a message whose send was refused</extracomment>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>Saving the long body…</source>
        <extracomment>the state beside the title while a long rich body is written out (Qt&apos;s toHtml(), one call)</extracomment>
        <translation>Enregistrement du long message…</translation>
    </message>
    <message>
        <source>New message</source>
        <extracomment>the title of a message with no subject yet</extracomment>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>Draft</source>
        <extracomment>the title of a saved draft with no subject</extracomment>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Rédiger</translation>
    </message>
    <message>
        <source>Compose title</source>
        <translation>Titre du message</translation>
    </message>
    <message>
        <source>Draft state</source>
        <translation>État du brouillon</translation>
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
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Subject length</source>
        <translation>Longueur de l&apos;objet</translation>
    </message>
    <message>
        <source>Rich text</source>
        <translation>Texte enrichi</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Importance</translation>
    </message>
    <message>
        <source>Low importance</source>
        <translation>Importance faible</translation>
    </message>
    <message>
        <source>Normal importance</source>
        <translation>Importance normale</translation>
    </message>
    <message>
        <source>High importance</source>
        <translation>Importance haute</translation>
    </message>
    <message>
        <source>Read receipt</source>
        <translation>Accusé de lecture</translation>
    </message>
    <message>
        <source>Request read receipt</source>
        <translation>Demander un accusé de lecture</translation>
    </message>
    <message>
        <source>Delivery receipt</source>
        <translation>Accusé de réception</translation>
    </message>
    <message>
        <source>Request delivery receipt</source>
        <translation>Demander un accusé de réception</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Corps du message</translation>
    </message>
    <message>
        <source>Write your message…</source>
        <translation>Rédigez votre message…</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Message error</source>
        <translation>Erreur du message</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Attach files ({keys})</source>
        <translation>Joindre des fichiers ({keys})</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Save draft ({keys})</source>
        <translation>Enregistrer le brouillon ({keys})</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send ({keys})</source>
        <translation>Envoyer ({keys})</translation>
    </message>
    <message>
        <source>Subjects are limited to {most} characters; this one has {n}. Shorten it to save or send.</source>
        <translation>L&apos;objet est limité à {most} caractères&#xa0;; celui-ci en compte {n}. Raccourcissez-le pour enregistrer ou envoyer.</translation>
    </message>
    <message>
        <source>Subjects are limited to {most} characters.</source>
        <translation>L&apos;objet est limité à {most} caractères.</translation>
    </message>
    <message>
        <source>Not flagged</source>
        <translation>Sans indicateur</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Avec indicateur</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Changing the headers of this saved draft saves it again as a new draft (Microsoft Graph sets headers only when a message is created).</source>
        <extracomment>on Graph, a saved draft whose headers change is created anew (app/mail/graph/service.py, _recreate)</extracomment>
        <translation>Modifier les en-têtes de ce brouillon enregistré l&apos;enregistre à nouveau comme nouveau brouillon (Microsoft Graph ne définit les en-têtes qu&apos;à la création d&apos;un message).</translation>
    </message>
    <message>
        <source>Follow-up flag field</source>
        <translation>Champ de l&apos;indicateur de suivi</translation>
    </message>
    <message>
        <source>Follow-up flag</source>
        <translation>Indicateur de suivi</translation>
    </message>
    <message>
        <source>Flag start date</source>
        <translation>Date de début de l&apos;indicateur</translation>
    </message>
    <message>
        <source>today, mon, 2026-12-01</source>
        <translation>aujourd&apos;hui, lundi, 2026-12-01</translation>
    </message>
    <message>
        <source>Flag due date</source>
        <translation>Date d&apos;échéance de l&apos;indicateur</translation>
    </message>
    <message>
        <source>tomorrow, fri, 4.12.</source>
        <translation>demain, vendredi, 4.12.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Follow-up flag error</source>
        <translation>Erreur de l&apos;indicateur de suivi</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>Nom de l&apos;en-tête</translation>
    </message>
    <message>
        <source>X-Name</source>
        <translation>X-Nom</translation>
    </message>
    <message>
        <source>Header value</source>
        <translation>Valeur de l&apos;en-tête</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation>Supprimer l&apos;en-tête</translation>
    </message>
    <message>
        <source>Header error</source>
        <translation>Erreur d&apos;en-tête</translation>
    </message>
    <message>
        <source>Custom headers</source>
        <translation>En-têtes personnalisés</translation>
    </message>
    <message>
        <source>Custom headers field</source>
        <translation>Champ des en-têtes personnalisés</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Ajouter un en-tête</translation>
    </message>
    <message>
        <source>Add a custom X- header (at most {most})</source>
        <translation>Ajouter un en-tête X- personnalisé ({most} au maximum)</translation>
    </message>
    <message>
        <source>Custom headers count</source>
        <translation>Nombre d&apos;en-têtes personnalisés</translation>
    </message>
    <message>
        <source>Custom headers note</source>
        <translation>Remarque sur les en-têtes personnalisés</translation>
    </message>
    <message>
        <source>Header {number} name</source>
        <translation>Nom de l&apos;en-tête {number}</translation>
    </message>
    <message>
        <source>Header {number} value</source>
        <translation>Valeur de l&apos;en-tête {number}</translation>
    </message>
    <message>
        <source>Remove header {number}</source>
        <translation>Supprimer l&apos;en-tête {number}</translation>
    </message>
    <message>
        <source>Header {number} error</source>
        <translation>Erreur de l&apos;en-tête {number}</translation>
    </message>
    <message>
        <source>{count} of {most} (the most a message can carry)</source>
        <translation>{count} sur {most} (le maximum pour un message)</translation>
    </message>
    <message>
        <source>Message form</source>
        <translation>Formulaire du message</translation>
    </message>
    <message>
        <source>This account sends from its own address only: add mailboxes in File &gt; Mailboxes you send from…</source>
        <translation>Ce compte n&apos;envoie que depuis sa propre adresse&#xa0;: ajoutez des boîtes aux lettres dans Fichier &gt; Boîtes aux lettres d&apos;envoi…</translation>
    </message>
    <message>
        <source>Mailboxes you send from: saved</source>
        <translation>Boîtes aux lettres d&apos;envoi&#xa0;: enregistrées</translation>
    </message>
    <message>
        <source>Mailboxes you send from: kept for this session (not saved in the settings)</source>
        <translation>Boîtes aux lettres d&apos;envoi&#xa0;: conservées pour cette session (non enregistrées dans les paramètres)</translation>
    </message>
    <message>
        <source>From error</source>
        <translation>Erreur de l&apos;expéditeur</translation>
    </message>
    <message>
        <source>From field</source>
        <translation>Champ De</translation>
    </message>
    <message>
        <source>Your own address</source>
        <translation>Votre propre adresse</translation>
    </message>
    <message>
        <source>Name &lt;address@example.com&gt;, another@example.com</source>
        <translation>Nom &lt;adresse@example.com&gt;, autre@example.com</translation>
    </message>
    <message>
        <source>{field} error</source>
        <translation>Erreur du champ {field}</translation>
    </message>
    <message>
        <source>{field} field</source>
        <translation>Champ {field}</translation>
    </message>
    <message>
        <source>{field} suggestions</source>
        <translation>Suggestions pour {field}</translation>
    </message>
    <message numerus="yes">
        <source>{entry}, {row} of %n suggestion(s)</source>
        <extracomment>the words said of a highlighted suggestion, counted (pyside6-lupdate makes an entry plural only when its count is a literal: marked with 0 here, counted in :func:`suggestion_words`)</extracomment>
        <translation>
            <numerusform>{entry}, {row} sur %n suggestion</numerusform>
            <numerusform>{entry}, {row} sur %n suggestions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>&amp;Rich text</source>
        <translation>Texte &amp;enrichi</translation>
    </message>
    <message>
        <source>Rich text on or off ({keys}); a formatting key switches it on</source>
        <translation>Activer ou désactiver le texte enrichi ({keys})&#xa0;; une touche de mise en forme l&apos;active</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Gras</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Italique</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>&amp;Souligné</translation>
    </message>
    <message>
        <source>Insert or edit &amp;link…</source>
        <translation>Insérer ou modifier un &amp;lien…</translation>
    </message>
    <message>
        <source>&amp;Numbered list</source>
        <translation>Liste &amp;numérotée</translation>
    </message>
    <message>
        <source>Bulle&amp;ted list</source>
        <translation>Liste à &amp;puces</translation>
    </message>
    <message>
        <source>In&amp;dent</source>
        <translation>&amp;Augmenter le retrait</translation>
    </message>
    <message>
        <source>&amp;Outdent</source>
        <translation>&amp;Diminuer le retrait</translation>
    </message>
    <message>
        <source>Paste as plai&amp;n text</source>
        <translation>Coller en te&amp;xte brut</translation>
    </message>
    <message>
        <source>B</source>
        <comment>the Bold button&apos;s letter</comment>
        <translation>G</translation>
    </message>
    <message>
        <source>I</source>
        <comment>the Italic button&apos;s letter</comment>
        <translation>I</translation>
    </message>
    <message>
        <source>U</source>
        <comment>the Underline button&apos;s letter</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Rich text question</source>
        <translation>Question sur le texte enrichi</translation>
    </message>
    <message>
        <source>&amp;Remove formatting</source>
        <translation>&amp;Supprimer la mise en forme</translation>
    </message>
    <message>
        <source>&amp;Keep rich text</source>
        <translation>&amp;Conserver le texte enrichi</translation>
    </message>
    <message>
        <source>Formatting removed</source>
        <translation>Mise en forme supprimée</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Ann&amp;uler</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>&amp;Apply link</source>
        <translation>Appliquer le &amp;lien</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>Adresse du lien</translation>
    </message>
    <message>
        <source>{command} ({keys})</source>
        <translation>{command} ({keys})</translation>
    </message>
    <message>
        <source>Rich text is on: this message is now sent formatted (Ctrl+Shift+X: plain text)</source>
        <translation>Texte enrichi activé&#xa0;: ce message est désormais envoyé mis en forme (Ctrl+Shift+X&#xa0;: texte brut)</translation>
    </message>
    <message>
        <source>Rich text is on</source>
        <translation>Texte enrichi activé</translation>
    </message>
    <message>
        <source>Plain text: the message is sent without formatting</source>
        <translation>Texte brut&#xa0;: le message est envoyé sans mise en forme</translation>
    </message>
    <message>
        <source>Link “{text}” to:</source>
        <translation>Lier «&#xa0;{text}&#xa0;» à&#xa0;:</translation>
    </message>
    <message>
        <source>Link to:</source>
        <translation>Lier à&#xa0;:</translation>
    </message>
    <message>
        <source>Links can be web (https://…) or e-mail (mailto:…) addresses:</source>
        <translation>Un lien peut être une adresse web (https://…) ou de messagerie (mailto:…)&#xa0;:</translation>
    </message>
    <message>
        <source>Plain text removes the formatting (bold, lists, links, indents) from this message.</source>
        <translation>Le texte brut supprime la mise en forme (gras, listes, liens, retraits) de ce message.</translation>
    </message>
    <message>
        <source>Formatting removed: the message is plain text.</source>
        <translation>Mise en forme supprimée&#xa0;: le message est en texte brut.</translation>
    </message>
</context>
<context>
    <name>PendingFiles</name>
    <message>
        <source>Files the link asks to attach</source>
        <translation>Fichiers que le lien demande de joindre</translation>
    </message>
    <message>
        <source>Files not attached</source>
        <translation>Fichiers non joints</translation>
    </message>
    <message>
        <source>Attach the file a link named</source>
        <translation>Joindre le fichier nommé par un lien</translation>
    </message>
    <message>
        <source>Drop the file a link named</source>
        <translation>Écarter le fichier nommé par un lien</translation>
    </message>
    <message>
        <source>Attach or drop the files the link named first: Enter attaches the selected one, Delete drops it.</source>
        <translation>Joignez ou écartez d’abord les fichiers nommés par le lien&#xa0;: Entrée joint celui qui est sélectionné, Suppr l’écarte.</translation>
    </message>
    <message>
        <source>Attached {name}</source>
        <translation>{name} joint</translation>
    </message>
    <message>
        <source>Dropped {name}</source>
        <translation>{name} écarté</translation>
    </message>
    <message>
        <source>Press Enter to attach, Delete to drop</source>
        <translation>Entrée pour joindre, Suppr pour écarter</translation>
    </message>
    <message>
        <source>Waiting: {path}. {keys}</source>
        <translation>En attente&#xa0;: {path}. {keys}</translation>
    </message>
    <message>
        <source>The link asks to attach the files below. A file is attached only when you press Enter on its row; Delete drops it.</source>
        <translation>Le lien demande de joindre les fichiers ci-dessous. Un fichier n’est joint que si vous appuyez sur Entrée sur sa ligne&#xa0;; Suppr l’écarte.</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <source>&amp;Read receipt</source>
        <translation>Accusé de &amp;lecture</translation>
    </message>
    <message>
        <source>New messages ask for a read receipt</source>
        <translation>Les nouveaux messages demandent un accusé de lecture</translation>
    </message>
    <message>
        <source>New messages do not ask for a read receipt</source>
        <translation>Les nouveaux messages ne demandent pas d&apos;accusé de lecture</translation>
    </message>
    <message>
        <source>&amp;Delivery receipt</source>
        <translation>Accusé de &amp;réception</translation>
    </message>
    <message>
        <source>New messages ask for a delivery receipt</source>
        <translation>Les nouveaux messages demandent un accusé de réception</translation>
    </message>
    <message>
        <source>New messages do not ask for a delivery receipt</source>
        <translation>Les nouveaux messages ne demandent pas d&apos;accusé de réception</translation>
    </message>
    <message>
        <source>Receipts for ne&amp;w messages</source>
        <translation>&amp;Accusés pour les nouveaux messages</translation>
    </message>
    <message>
        <source>The receipts every new message asks for; Compose&apos;s check boxes change them for one message</source>
        <translation>Les accusés que demande chaque nouveau message&#xa0;; les cases de Rédiger les changent pour un message</translation>
    </message>
</context>
<context>
    <name>SendLater</name>
    <message>
        <source>Send later</source>
        <translation>Envoyer plus tard</translation>
    </message>
    <message>
        <source>The message goes to the server now, and Exchange keeps it in the Outbox until this time: it goes out then even with this computer off.</source>
        <translation>Le message part tout de suite sur le serveur, et Exchange le garde dans la Boîte d’envoi jusqu’à cette heure&#xa0;: il part alors même ordinateur éteint.</translation>
    </message>
    <message>
        <source>&amp;Tomorrow morning</source>
        <translation>Demain ma&amp;tin</translation>
    </message>
    <message>
        <source>&amp;Monday morning</source>
        <translation>Lundi &amp;matin</translation>
    </message>
    <message>
        <source>{preset} — {when}</source>
        <translation>{preset} — {when}</translation>
    </message>
    <message>
        <source>{preset}, {when}</source>
        <translation>{preset}, {when}</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>Qu&amp;and&#xa0;:</translation>
    </message>
    <message>
        <source>Send at (type a date and time)</source>
        <translation>Envoyer le (saisissez une date et une heure)</translation>
    </message>
    <message>
        <source>Send later error</source>
        <translation>Erreur d&apos;envoi différé</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Planifier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SendTiming</name>
    <message>
        <source>Undo send bar</source>
        <translation>Barre d&apos;annulation de l&apos;envoi</translation>
    </message>
    <message>
        <source>Undo send countdown</source>
        <translation>Compte à rebours d&apos;annulation de l&apos;envoi</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo send</source>
        <translation>Annuler l&apos;envoi</translation>
    </message>
    <message>
        <source>Take the message back into Compose ({keys})</source>
        <translation>Reprendre le message dans Rédiger ({keys})</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <source>Send now, without waiting</source>
        <translation>Envoyer maintenant, sans attendre</translation>
    </message>
    <message>
        <source>It is being sent right now and can no longer be taken back</source>
        <extracomment>Undo too late: the send is on the wire</extracomment>
        <translation>Le message est en cours d&apos;envoi et ne peut plus être récupéré</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <extracomment>Send later&apos;s refusal before anything was created is headed so (Workflows.send_compose&apos;s ``not_done``)</extracomment>
        <translation>Non planifié</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Undo send: off — Ctrl+Return sends at once</source>
        <translation>Annulation de l&apos;envoi&#xa0;: désactivée — Ctrl+Return envoie immédiatement</translation>
    </message>
    <message>
        <source>Undo send: Ctrl+Return waits {seconds} s, Ctrl+Z takes it back</source>
        <translation>Annulation de l&apos;envoi&#xa0;: Ctrl+Return attend {seconds}&#xa0;s, Ctrl+Z récupère le message</translation>
    </message>
    <message>
        <source>Send &amp;later…</source>
        <translation>Envoyer plus &amp;tard…</translation>
    </message>
    <message>
        <source>&amp;Undo send</source>
        <translation>Ann&amp;uler l&apos;envoi</translation>
    </message>
    <message>
        <source>Undo send dela&amp;y</source>
        <translation>&amp;Délai d&apos;annulation de l&apos;envoi</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>&amp;Désactivé</translation>
    </message>
    <message>
        <source>{number} seconds</source>
        <translation>{number} secondes</translation>
    </message>
    <message>
        <source>{command} ({keys})</source>
        <translation>{command} ({keys})</translation>
    </message>
    <message>
        <source>Sent: {subject}</source>
        <translation>Envoyé&#xa0;: {subject}</translation>
    </message>
    <message>
        <source>Not sent: “{subject}” was put in Drafts (fix this message first)</source>
        <translation>Non envoyé&#xa0;: «&#xa0;{subject}&#xa0;» a été placé dans les Brouillons (corrigez d&apos;abord ce message)</translation>
    </message>
    <message>
        <source>Not sent: “{subject}” is back in Compose</source>
        <translation>Non envoyé&#xa0;: «&#xa0;{subject}&#xa0;» est de retour dans Rédiger</translation>
    </message>
    <message>
        <source>Press Ctrl+Shift+T again to send this message later</source>
        <translation>Appuyez de nouveau sur Ctrl+Shift+T pour envoyer ce message plus tard</translation>
    </message>
    <message numerus="yes">
        <source>Sending “{subject}” in {seconds} s (and %n more) — Ctrl+Z or Undo takes it back</source>
        <extracomment>the undo bar&apos;s words while more sends are held behind the newest (pyside6-lupdate makes an entry plural only when its count is a literal: marked with 0 here, counted in :func:`countdown_words`)</extracomment>
        <translation>
            <numerusform>Envoi de «&#xa0;{subject}&#xa0;» dans {seconds}&#xa0;s (et %n autre) — Ctrl+Z ou Annuler pour le récupérer</numerusform>
            <numerusform>Envoi de «&#xa0;{subject}&#xa0;» dans {seconds}&#xa0;s (et %n autres) — Ctrl+Z ou Annuler pour le récupérer</numerusform>
        </translation>
    </message>
    <message>
        <source>Scheduled: “{subject}” sends at {when}. Exchange keeps it in the Outbox (Ctrl+4), even with Dispatch closed; Enter there takes it back.</source>
        <translation>Planifié&#xa0;: «&#xa0;{subject}&#xa0;» part {when}. Exchange le garde dans la Boîte d’envoi (Ctrl+4), même Dispatch fermé&#xa0;; Entrée là-bas le reprend.</translation>
    </message>
    <message>
        <source>Sending “{subject}” in {seconds} s — Ctrl+Z or Undo takes it back</source>
        <translation>Envoi de «&#xa0;{subject}&#xa0;» dans {seconds}&#xa0;s — Ctrl+Z ou Annuler pour le récupérer</translation>
    </message>
</context>
</TS>
