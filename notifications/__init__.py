"""Reminders and escalations: the policy, the pure decision, the outbox, digests and SMTP delivery."""
