-- Seed the two portal support accounts; their real passwords are set through the reset flow.
INSERT INTO portal_users (id, email, password_hash, role) VALUES
  ('8724fa5b-4539-4bdc-8d24-46d724b8fd9e', 'support-1@tern-energy.example', '$2b$12$QBx4.KADf2TMEYzB9EeCllCLnDFkGNd4Bpla1kZGq4pJYeSKioW1Y', 'support'),
  ('d1413efa-f5ad-4648-b41b-0cb976d38f68', 'support-2@tern-energy.example', '$argon2id$v=19$m=65536,t=3,p=4$skc40YkdGD0Ooo5wb1vyWQ$qLq0AV+VAl395Ip+ZTdXWBWvRj7JsjGQL0n7ZDnywhc', 'support');

-- Replication role: the verifier below is what pg_authid stores, not the password.
CREATE ROLE ami_replica WITH LOGIN REPLICATION PASSWORD 'SCRAM-SHA-256$4096:KrkruGFsOaAGEyo/7ju5cQ==$JrEW1IQUTcC8BO0RhKMJU7ypN6OZhBrrBXoDyjZGSSo=:CNy4J8mRNS3A86iP9/4Ei+QItfYaW5NvGK0w2hFZCio=';
