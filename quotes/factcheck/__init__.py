"""Fact-checks: a claim, its verdict on a configurable rating scale and the
quotes that make it, moved through a reviewed workflow with every change
audited (workflow), and exported as schema.org ClaimReview (claimreview)."""
