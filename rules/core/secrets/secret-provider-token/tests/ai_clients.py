# Synthetic credentials of each format, written the ways code carries them (arguments, headers,
# comments, fallbacks, neutral keys). None of them is real.
# expect: secret-provider-token@26-190
client = Client(api_key="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")
# expect: secret-provider-token@37-201
headers = {"Authorization": "Bearer sk-proj-h1xsVXec_wKdLhXT5ANq5t5DAD1E2JiqyXXIvwxS5MmKFgFSKrkqCM8ELVh1UbQpEJI5zl-CzvuO5UsjO8seD0jBUT4mqD7KfM-It8KSgNKW4sx9beNZxvCiaNHDYgL3DUF0AQx3fC9Q2wxgeZQ_shy22DEX"}
# expect: secret-provider-token@22-130
# rotated last week: sk-ant-api03-bRWtjwm7dU8kG9a7Y2WDXxtElqPZ4HU7MkXqerjThvdWBGI9Jh7ub2UQcPDg6ecLcYLMmv3IdGyvqCScemwAdftW0Rno9AA
# expect: secret-provider-token@44-81
token = os.environ.get("SERVICE_CRED") or "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"
# expect: secret-provider-token@23-65
settings = {"value": "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", "region": "eu"}
# expect: secret-provider-token@10-66
connect("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", timeout=5)
# expect: secret-provider-token@26-66
client = Client(api_key="r8_YjvyQ444Yyu86W7kAx0QkiAhdVQC8o7Zmlff8")
# expect: secret-provider-token@37-90
headers = {"Authorization": "Bearer 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"}
# expect: secret-provider-token@22-106
# rotated last week: xai-p8voIKBfUxyFBIGNEtMBWNfYAHKfbjkulfj00EJCKLuZmWyDjsbVgvBHz6UfdFfbdjTqtHQcg6qM0WTd
# expect: secret-provider-token@44-114
token = os.environ.get("SERVICE_CRED") or "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"
# expect: secret-provider-token@23-74
settings = {"value": "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", "region": "eu"}
# expect: secret-provider-token@10-87
connect("pcsk_2BdFjj_jpUpyE16yQ1ttJYcclRtpE3IuQsFOQm8mVgVwg1bffeBYQPYAkpMcFScFaB7tOw4m", timeout=5)
# expect: secret-provider-token@16-56
cohere.Client("GRjbIsXblSBxUr2IdVvmYRcNgHeckW5FmUgr1PtP")
