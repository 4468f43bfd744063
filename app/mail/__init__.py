"""The mail-service boundary.

``service.MailService`` is the interface every backend implements (EWS now, Microsoft Graph later);
``errors`` holds the backend-neutral error types. Only ``app.mail.ews`` imports exchangelib.
"""
