-- Seed data for the local forum DB: hashes only, never plaintext.
INSERT INTO phpbb_users (username, user_password) VALUES
  ('admin', '$2b$12$g4OfgXx54wT1auUC5vVXLMS6RXkBh4klD8OQZlyiDFWepb32Upt2/'),
  ('moderator', '$argon2id$v=19$m=65536,t=3,p=4$G3lqRaVQtjiPh6LFhDcL2g$Bx8ynpKIhTNVjXXPTHLef18TZI/v/LEKRZ9c9Rcaz7U');
-- API key digests (sha256 of the key; the key itself is shown once on creation)
INSERT INTO api_keys (owner, key_sha256, created_at) VALUES ('liveops', '4994e2420b1941dd495657e76f7f0c99517d1e3805eab5eccd348d6b56afe48d', now());
