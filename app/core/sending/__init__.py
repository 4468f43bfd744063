"""One send request for every face: Compose's Send, Send selected, a mail merge and a script ask
:class:`~app.core.sending.request.Sending`, which makes the decisions taken before the queue, one rule each
(already sent?, a newer local version?, may this account send as that sender?, the local checks), and hands the
message to the Outbox. Beside it: the server's sending limits and the batches they shape (:mod:`.limits`,
:mod:`.limited`), the domain check (:mod:`.domain_check`), Send selected's checks and report, and where a refusal
is said (:mod:`.refusals`).
"""
